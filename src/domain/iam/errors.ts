// IAM's errors as GatehouseErrors. The code picks the family and `details.reason` the IAM
// exception where a family has several (src/protocols/iam/iam-exceptions.ts maps them):
// NotFound → NoSuchEntity; Conflict → EntityAlreadyExists, or DeleteConflict (reason);
// Validation → MalformedPolicyDocument / InvalidInput / PolicyNotAttachable (reason);
// LimitExceeded → LimitExceeded; AccessDenied (reason UnmodifiableEntity) → protected roles.

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
  new GatehouseError('Conflict', message, { resource, reason: 'DeleteConflict' });

export const limitExceeded = (resource: IamResource, message: string) =>
  new GatehouseError('LimitExceeded', message, { resource });

export const malformedPolicyDocument = (message: string, field = 'PolicyDocument') =>
  new GatehouseError('Validation', message, { field, resource: 'PolicyDocument', reason: 'MalformedPolicyDocument' });

export const invalidInput = (field: string, message: string) =>
  new GatehouseError('Validation', message, { field, reason: 'InvalidInput' });

export const policyNotAttachable = (message: string) =>
  new GatehouseError('Validation', message, { field: 'PolicyArn', resource: 'Policy', reason: 'PolicyNotAttachable' });

/** A change to a role only its owning service (the provisioner) may make. */
export const protectedRole = (roleName: string) =>
  new GatehouseError(
    'AccessDenied',
    `Cannot perform the operation on the protected role '${roleName}' - this role is only modifiable by AWS`,
    { resource: 'Role', reason: 'UnmodifiableEntity' },
  );

/** The messages IAM uses for entities it cannot find. */
export const roleNotFound = (name: string) => noSuchEntity('Role', `The role with name ${name} cannot be found.`);
export const userNotFound = (name: string) => noSuchEntity('User', `The user with name ${name} cannot be found.`);
export const policyNotFound = (arn: string) =>
  noSuchEntity('Policy', `Policy ${arn} does not exist or is not attachable.`);
