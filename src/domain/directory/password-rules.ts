// What a new password must be (NIST SP 800-63B 5.1.1.2): long enough, not too long to hash
// cheaply, not a known common password, not the user's own name. No composition rules.

import { invalid } from '../../lib/errors.js';
import { isCommonPassword } from './common-passwords.js';
import { normalizePassword, passwordLength } from './normalize-password.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-parameters.js';

/** Returns the normalized password to hash, or throws a Validation error naming `field`. */
export const checkNewPassword = (password: string, userName: string, field = 'Password'): string => {
  const normalized = normalizePassword(password);
  const length = passwordLength(normalized);
  if (length < MIN_PASSWORD_LENGTH) {
    throw invalid(field, `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`, { reason: 'TOO_SHORT' });
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw invalid(field, `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`, { reason: 'TOO_LONG' });
  }
  if (isCommonPassword(normalized)) {
    throw invalid(field, 'The password is too common: it appears on a list of passwords attackers try first.', { reason: 'COMMON' });
  }
  if (normalized.toLowerCase() === normalizePassword(userName).toLowerCase()) {
    throw invalid(field, 'The password must not be the user name.', { reason: 'USER_NAME' });
  }
  return normalized;
};
