// STS's errors as GatehouseErrors. The exception table's `sts` block maps them:
// Validation → ValidationError, Validation:PolicyDocument → MalformedPolicyDocument,
// LimitExceeded:PackedPolicy → PackedPolicyTooLarge, AccessDenied → AccessDenied (403).

import { GatehouseError, accessDenied } from '../../lib/errors.js';

export const stsValidation = (field: string, message: string) => new GatehouseError('Validation', message, { field });

export const malformedSessionPolicy = (message: string) =>
  new GatehouseError('Validation', message, { field: 'Policy', resource: 'PolicyDocument', reason: 'MalformedPolicyDocument' });

export const packedPolicyTooLarge = (percent: number) =>
  new GatehouseError('LimitExceeded', `Packed size of session policies and tags exceeds limit by ${percent - 100}%.`, {
    resource: 'PackedPolicy',
  });

/** AWS's refusal: the same words whether the role is missing or merely not assumable by the caller. */
export const notAuthorized = (callerArn: string, action: string, roleArn: string) =>
  accessDenied(`User: ${callerArn} is not authorized to perform: ${action} on resource: ${roleArn}`, { resource: 'Role' });
