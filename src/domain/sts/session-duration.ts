// How long a role session lasts: DurationSeconds (default one hour) up to the role's
// MaxSessionDuration, and at most one hour when a role session assumes a role (role chaining).
// 900..43200 is checked against the model before we get here.

import { stsValidation } from './errors.js';

export const DEFAULT_DURATION_SECONDS = 3600;
export const ROLE_CHAINING_MAX_SECONDS = 3600;

export const checkDuration = (requested: number | undefined, roleMax: number, chained: boolean): number => {
  const seconds = requested ?? DEFAULT_DURATION_SECONDS;
  if (chained && seconds > ROLE_CHAINING_MAX_SECONDS) {
    throw stsValidation('DurationSeconds', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  if (seconds > roleMax) {
    throw stsValidation('DurationSeconds', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  return seconds;
};
