// The identity store's errors, shaped the way the Identity Store API reports them:
// ResourceNotFoundException carries a ResourceType (the model's enum) and a ResourceId,
// ConflictException a Reason.

import { GatehouseError, invalid, type ErrorDetails } from '../../lib/errors.js';

/** The model's `ResourceType` enum. */
export type ResourceType = 'GROUP' | 'USER' | 'IDENTITY_STORE' | 'GROUP_MEMBERSHIP';

/** The model's `ConflictExceptionReason` enum. */
export type ConflictReason = 'UNIQUENESS_CONSTRAINT_VIOLATION' | 'CONCURRENT_MODIFICATION';

export interface IdentityStoreErrorDetails extends ErrorDetails {
  /** The identifier of the missing resource (`ResourceId`), when the request named one. */
  readonly resourceId?: string;
}

export const resourceNotFound = (resourceType: ResourceType, resourceId?: string): GatehouseError => {
  const details: IdentityStoreErrorDetails = { resource: resourceType, ...(resourceId ? { resourceId } : {}) };
  return new GatehouseError('NotFound', `${resourceType} not found.`, details);
};

export const identityStoreConflict = (message: string, reason: ConflictReason, details: ErrorDetails = {}) =>
  new GatehouseError('Conflict', message, { ...details, reason });

export const concurrentModification = (resource: ResourceType) =>
  identityStoreConflict(`The ${resource} was modified concurrently; retry the request.`, 'CONCURRENT_MODIFICATION', {
    resource,
  });

export { invalid };
