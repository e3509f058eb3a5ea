// sso-admin's errors as GatehouseErrors; the protocol's one table names them
// (NotFound → ResourceNotFoundException, Conflict → ConflictException, Validation →
// ValidationException, LimitExceeded → ServiceQuotaExceededException).

import { GatehouseError, conflict, invalid, notFound } from '../../lib/errors.js';

export const resourceNotFound = (resource: string, message: string) => notFound(resource, message);

export const conflictWith = (resource: string, message: string) => conflict(message, { resource });

export const validation = (field: string, message: string) => invalid(field, message);

export const quotaExceeded = (resource: string, message: string) => new GatehouseError('LimitExceeded', message, { resource });
