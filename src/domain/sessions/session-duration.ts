// How long a signed-in portal session lasts: the instance setting the directory keeps
// (`sessionDuration`, ISO 8601); 8 hours when there is none. Clamped to what Identity Center
// allows, so a bad stored value cannot make sessions endless.

import { parseIsoDuration } from '../../lib/iso-duration.js';

export const DEFAULT_SESSION_SECONDS = 8 * 3600;
export const MIN_SESSION_SECONDS = 15 * 60;
export const MAX_SESSION_SECONDS = 90 * 24 * 3600;
/** Time allowed to get from the first sign-in page to a signed-in session. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** The part of the directory's settings sign-in reads. */
export interface SessionDurationSetting {
  getSettings?(): Promise<{ readonly sessionDuration?: string }>;
}

export const clampSessionSeconds = (seconds: number | undefined): number =>
  seconds === undefined || !Number.isFinite(seconds)
    ? DEFAULT_SESSION_SECONDS
    : Math.min(MAX_SESSION_SECONDS, Math.max(MIN_SESSION_SECONDS, Math.floor(seconds)));

export const sessionSeconds = async (setting: SessionDurationSetting | undefined): Promise<number> => {
  const duration = (await setting?.getSettings?.())?.sessionDuration;
  return clampSessionSeconds(duration === undefined ? undefined : parseIsoDuration(duration));
};
