// IAM's block of the exception table. Keys: `Code:reason` (GatehouseError code and
// `details.reason`) first, then `Code`. Names and statuses from the documented IAM model
// (NoSuchEntity 404, EntityAlreadyExists 409, DeleteConflict 409, LimitExceeded 409,
// MalformedPolicyDocument 400, InvalidInput 400, PolicyNotAttachable 400, UnmodifiableEntity
// 400); ValidationError and AccessDenied are the query protocol's common errors.

export const IAM_EXCEPTIONS: Record<string, { name: string; status: number }> = {
  NotFound: { name: 'NoSuchEntity', status: 404 },
  Conflict: { name: 'EntityAlreadyExists', status: 409 },
  'Conflict:EntityAlreadyExists': { name: 'EntityAlreadyExists', status: 409 },
  'Conflict:DeleteConflict': { name: 'DeleteConflict', status: 409 },
  LimitExceeded: { name: 'LimitExceeded', status: 409 },
  Validation: { name: 'ValidationError', status: 400 },
  'Validation:MalformedPolicyDocument': { name: 'MalformedPolicyDocument', status: 400 },
  'Validation:InvalidInput': { name: 'InvalidInput', status: 400 },
  'Validation:PolicyNotAttachable': { name: 'PolicyNotAttachable', status: 400 },
  AccessDenied: { name: 'AccessDenied', status: 403 },
  // Roles under /aws-reserved/sso.amazonaws.com/ and /aws-service-role/: IAM answers
  // UnmodifiableEntity (400) with "Cannot perform the operation on the protected role '…'".
  'AccessDenied:UnmodifiableEntity': { name: 'UnmodifiableEntity', status: 400 },
};

/** The entry for an error's code and reason, as the protocol helper looks it up. */
export const iamException = (code: string, reason?: string): { name: string; status: number } | undefined =>
  (reason !== undefined ? IAM_EXCEPTIONS[`${code}:${reason}`] : undefined) ?? IAM_EXCEPTIONS[code];
