// The organizations block of the exception table, keyed `Code` or `Code:Resource` (the more
// specific key is looked up first). Names from the Organizations model's error shapes; the model
// gives no HTTP statuses, so every one is 400. ConstraintViolationException and
// InvalidInputException carry the domain error's reason as their `Reason` member.

const e = (name: string, status = 400) => ({ name, status });

export const ORGANIZATIONS_EXCEPTIONS: Record<string, { name: string; status: number }> = {
  'NotFound:Organization': e('AWSOrganizationsNotInUseException'),
  'NotFound:Account': e('AccountNotFoundException'),
  'NotFound:OrganizationalUnit': e('OrganizationalUnitNotFoundException'),
  'NotFound:Parent': e('ParentNotFoundException'),
  'NotFound:SourceParent': e('SourceParentNotFoundException'),
  'NotFound:DestinationParent': e('DestinationParentNotFoundException'),
  'NotFound:Child': e('ChildNotFoundException'),
  'NotFound:Root': e('RootNotFoundException'),
  'NotFound:Policy': e('PolicyNotFoundException'),
  'NotFound:Target': e('TargetNotFoundException'),
  'NotFound:PolicyAttachment': e('PolicyNotAttachedException'),
  'NotFound:CreateAccountStatus': e('CreateAccountStatusNotFoundException'),
  'NotFound:DelegatedAdministrator': e('AccountNotRegisteredException'),
  NotFound: e('TargetNotFoundException'),

  'Conflict:Account': e('DuplicateAccountException'),
  'Conflict:OrganizationalUnit': e('DuplicateOrganizationalUnitException'),
  'Conflict:Policy': e('DuplicatePolicyException'),
  'Conflict:PolicyAttachment': e('DuplicatePolicyAttachmentException'),
  'Conflict:PolicyType': e('PolicyTypeAlreadyEnabledException'),
  'Conflict:DelegatedAdministrator': e('AccountAlreadyRegisteredException'),
  'Conflict:Organization': e('AlreadyInOrganizationException'),
  Conflict: e('ConcurrentModificationException'),

  'InvalidState:OrganizationalUnit': e('OrganizationalUnitNotEmptyException'),
  'InvalidState:Policy': e('PolicyInUseException'),
  'InvalidState:PolicyType': e('PolicyTypeNotEnabledException'),
  'InvalidState:ManagementAccount': e('MasterCannotLeaveOrganizationException'),
  InvalidState: e('ConstraintViolationException'),

  'Validation:PolicyDocument': e('MalformedPolicyDocumentException'),
  Validation: e('InvalidInputException'),

  LimitExceeded: e('ConstraintViolationException'),
  AccessDenied: e('AccessDeniedException'),
  Unauthenticated: e('AccessDeniedException'),
  Throttled: e('TooManyRequestsException'),
};
