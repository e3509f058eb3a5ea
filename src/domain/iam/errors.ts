// IAM's errors as GatehouseErrors. The exception table (src/protocols/iam/iam-exceptions.ts)
// is keyed `Code` or `Code:Resource`, as the protocol helper looks errors up:
// NotFound → NoSuchEntity; Conflict → EntityAlreadyExists; InvalidState → DeleteConflict;
// LimitExceeded → LimitExceeded; Validation → InvalidInput, with `Validation:PolicyDocument` →
// MalformedPolicyDocument, `Validation:PolicyNotAttachable` → PolicyNotAttachable and
// `Validation:Input` → ValidationError (model constraints); AccessDenied with resource
// `ProtectedRole` → protected roles. `details.reason` names the IAM exception as well.

import { GatehouseError } from '../../lib/errors.js';

export type IamResource =
  | 'User'
  | 'Role'
  | 'Policy'
  | 'PolicyVersion'
  | 'RolePolicy'
  | 'UserPolicy'
  | 'AccessKey'
  | 'SAMLProvider'
  | 'AccountAlias'
  | 'PolicyDocument';

export const noSuchEntity = (resource: IamResource, message: string) =>
  new GatehouseError('NotFound', message, { resource });

export const entityAlreadyExists = (resource: IamResource, message: string) =>
  new GatehouseError('Conflict', message, { resource, reason: 'EntityAlreadyExists' });

export const deleteConflict = (resource: IamResource, message: string) =>
  new GatehouseError('InvalidState', message, { resource, reason: 'DeleteConflict' });

export const limitExceeded = (resource: IamResource, message: string) =>
  new GatehouseError('LimitExceeded', message, { resource });

export const malformedPolicyDocument = (message: string, field = 'PolicyDocument') =>
  new GatehouseError('Validation', message, { field, resource: 'PolicyDocument', reason: 'MalformedPolicyDocument' });

export const invalidInput = (field: string, message: string) =>
  new GatehouseError('Validation', message, { field, reason: 'InvalidInput' });

export const policyNotAttachable = (message: string) =>
  new GatehouseError('Validation', message, { field: 'PolicyArn', resource: 'PolicyNotAttachable', reason: 'PolicyNotAttachable' });

/** A value outside a model constraint (IAM's ValidationError, as the model validator reports). */
export const constraintViolation = (field: string, message: string) =>
  new GatehouseError('Validation', message, { field, resource: 'Input' });

/** A change to a role only its owning service (the provisioner) may make. */
export const protectedRole = (roleName: string) =>
  new GatehouseError(
    'AccessDenied',
    `Cannot perform the operation on the protected role '${roleName}' - this role is only modifiable by AWS`,
    { resource: 'ProtectedRole', reason: 'UnmodifiableEntity' },
  );

/** The messages IAM uses for entities it cannot find. */
export const roleNotFound = (name: string) => noSuchEntity('Role', `The role with name ${name} cannot be found.`);
export const userNotFound = (name: string) => noSuchEntity('User', `The user with name ${name} cannot be found.`);
export const policyNotFound = (arn: string) =>
  noSuchEntity('Policy', `Policy ${arn} does not exist or is not attachable.`);
