// The admin API's exceptions, for the one exception table: Coral's standard names, status 400.

import type { ExceptionEntry } from '../errors/exception-table.js';

const e = (name: string, status = 400): ExceptionEntry => ({ name, status });

export const GATEHOUSE_ADMIN_EXCEPTIONS: Readonly<Record<string, ExceptionEntry>> = {
  NotFound: e('ResourceNotFoundException'),
  Conflict: e('ConflictException'),
  InvalidState: e('ConflictException'),
  // A third MFA device: the user's state, not the request, is what stands in the way.
  LimitExceeded: e('ConflictException'),
  Validation: e('ValidationException'),
  AccessDenied: e('AccessDeniedException'),
  Unauthenticated: e('AccessDeniedException'),
  Throttled: e('ThrottlingException'),
};
