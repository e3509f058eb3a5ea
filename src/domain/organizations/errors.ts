// The organization's errors, as GatehouseErrors whose code and resource select the exception
// name in the protocol's table (src/protocols/errors/organizations-exceptions.ts).

import { GatehouseError, invalid, notFound } from '../../lib/errors.js';

/** AWSOrganizationsNotInUseException. */
export const organizationNotInUse = () =>
  notFound('Organization', "Your account is not a member of an organization.");

/** ConstraintViolationException with its Reason. */
export const constraintViolation = (reason: string, message: string, resource?: string) =>
  new GatehouseError('LimitExceeded', message, { reason, ...(resource ? { resource } : {}) });

/** InvalidInputException with its Reason. */
export const invalidInput = (field: string, reason: string, message: string) => invalid(field, message, { reason });

/** MalformedPolicyDocumentException. */
export const malformedPolicy = (message: string) =>
  new GatehouseError('Validation', message, { field: 'Content', resource: 'PolicyDocument' });

/** OrganizationalUnitNotEmptyException, PolicyInUseException, PolicyTypeNotEnabledException. */
export const invalidState = (resource: 'OrganizationalUnit' | 'Policy' | 'PolicyType', message: string) =>
  new GatehouseError('InvalidState', message, { resource });

export { notFound };
