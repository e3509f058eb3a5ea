// IAM's block of the exception table, keyed as lookupException looks errors up: `Code:Resource`
// (GatehouseError code and `details.resource`) first, then `Code`. Names and statuses from the
// documented IAM model (NoSuchEntity 404, EntityAlreadyExists 409, DeleteConflict 409,
// LimitExceeded 409, MalformedPolicyDocument 400, InvalidInput 400, PolicyNotAttachable 400,
// UnmodifiableEntity 400); ValidationError, AccessDenied and Throttling are the query
// protocol's common errors.

export const IAM_EXCEPTIONS: Record<string, { name: string; status: number }> = {
  NotFound: { name: 'NoSuchEntity', status: 404 },
  Conflict: { name: 'EntityAlreadyExists', status: 409 },
  'Conflict:Concurrent': { name: 'ConcurrentModification', status: 409 },
  // DeleteRole/DeleteUser/DeletePolicy/DeletePolicyVersion refusals (details.reason DeleteConflict).
  InvalidState: { name: 'DeleteConflict', status: 409 },
  LimitExceeded: { name: 'LimitExceeded', status: 409 },
  // Business-rule input errors are InvalidInput; model constraint failures are ValidationError.
  Validation: { name: 'InvalidInput', status: 400 },
  'Validation:Input': { name: 'ValidationError', status: 400 },
  'Validation:PolicyDocument': { name: 'MalformedPolicyDocument', status: 400 },
  'Validation:PolicyNotAttachable': { name: 'PolicyNotAttachable', status: 400 },
  AccessDenied: { name: 'AccessDenied', status: 403 },
  // Roles under /aws-reserved/sso.amazonaws.com/ and /aws-service-role/: real IAM answers
  // UnmodifiableEntity (400), "Cannot perform the operation on the protected role '…' - this role
  // is only modifiable by AWS". Drop this entry to answer AccessDenied (403) instead.
  'AccessDenied:ProtectedRole': { name: 'UnmodifiableEntity', status: 400 },
  Unauthenticated: { name: 'AccessDenied', status: 403 },
  Throttled: { name: 'Throttling', status: 400 },
};

/** The entry for an error, looked up as the protocol helper does (`Code:Resource`, then `Code`). */
export const iamException = (code: string, resource?: string): { name: string; status: number } | undefined =>
  (resource !== undefined ? IAM_EXCEPTIONS[`${code}:${resource}`] : undefined) ?? IAM_EXCEPTIONS[code];
