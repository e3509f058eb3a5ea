// The instance's sign-in settings: the MFA mode, and how long an access portal session lasts
// (the sign-in work reads it). A new instance takes its MFA mode from the composition root
// (GATEHOUSE_MFA_MODE) once; after that only the admin API changes it.

import { invalid } from '../../lib/errors.js';
import { parseIsoDuration } from '../../lib/iso-duration.js';
import type { Ports } from '../ports.js';
import type { MfaMode } from './directory-credentials.js';

export interface DirectorySettings {
  readonly mfaMode: MfaMode;
  /** ISO 8601, PT15M to P90D. */
  readonly sessionDuration: string;
}

export const MFA_MODES: readonly MfaMode[] = ['required', 'optional', 'off'];

export const DEFAULT_SETTINGS: DirectorySettings = { mfaMode: 'required', sessionDuration: 'PT8H' };

const MIN_SESSION_SECONDS = 15 * 60;
const MAX_SESSION_SECONDS = 90 * 24 * 3600;

export const checkMfaMode = (mode: string, field = 'MfaMode'): MfaMode => {
  if (!(MFA_MODES as readonly string[]).includes(mode)) throw invalid(field, `${field} must be one of ${MFA_MODES.join(', ')}.`);
  return mode as MfaMode;
};

/** The duration in seconds; throws unless it is an ISO 8601 duration from PT15M to P90D. */
export const sessionSeconds = (duration: string, field = 'SessionDuration'): number => {
  const seconds = parseIsoDuration(duration);
  if (seconds === undefined || seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
    throw invalid(field, `${field} must be an ISO 8601 duration from PT15M to P90D, such as PT8H.`);
  }
  return seconds;
};

export class DirectorySettingsStore {
  constructor(private readonly ports: Ports) {}

  async get(): Promise<DirectorySettings> {
    const row = await this.ports.store.directory.getSettings();
    return row ? { mfaMode: row.mfaMode, sessionDuration: row.sessionDuration } : DEFAULT_SETTINGS;
  }

  /** Stores the first settings of a new instance; an instance that has settings keeps them. */
  async ensure(initial: Partial<DirectorySettings>): Promise<DirectorySettings> {
    const settings = this.checked({ ...DEFAULT_SETTINGS, ...initial });
    await this.ports.store.directory.insertSettingsIfAbsent({ ...settings, updatedAt: this.ports.clock.now() });
    return this.get();
  }

  async update(patch: Partial<DirectorySettings>): Promise<DirectorySettings> {
    const settings = this.checked({ ...(await this.get()), ...patch });
    await this.ports.store.directory.putSettings({ ...settings, updatedAt: this.ports.clock.now() });
    return settings;
  }

  private checked(s: DirectorySettings): DirectorySettings {
    sessionSeconds(s.sessionDuration);
    return { mfaMode: checkMfaMode(s.mfaMode), sessionDuration: s.sessionDuration };
  }
}
