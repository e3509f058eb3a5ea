// How long a signed-in portal session lasts: the instance setting, which the directory work
// keeps; 8 hours when it offers none. Clamped to what Identity Center allows.

export const DEFAULT_SESSION_SECONDS = 8 * 3600;
export const MIN_SESSION_SECONDS = 15 * 60;
export const MAX_SESSION_SECONDS = 90 * 24 * 3600;
/** Time allowed to get from the first sign-in page to a signed-in session. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** What a directory service may offer; looked up by shape, as the setting is not in its contract. */
export interface SessionDurationSetting {
  sessionDurationSeconds?(): Promise<number | undefined>;
}

export const clampSessionSeconds = (seconds: number | undefined): number =>
  seconds === undefined || !Number.isFinite(seconds)
    ? DEFAULT_SESSION_SECONDS
    : Math.min(MAX_SESSION_SECONDS, Math.max(MIN_SESSION_SECONDS, Math.floor(seconds)));

export const sessionSeconds = async (setting: SessionDurationSetting | undefined): Promise<number> =>
  clampSessionSeconds(await setting?.sessionDurationSeconds?.());
