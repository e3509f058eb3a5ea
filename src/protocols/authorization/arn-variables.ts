// Where each ARN template variable of the catalog comes from in a request.

export interface ArnFacts {
  readonly partition: string;
  /** The account whose resources the call acts on (the caller's, or the management account's). */
  readonly account: string;
  readonly region: string;
  readonly organizationId: string | undefined;
  readonly callerName: string;
}

type Source = (input: Record<string, unknown>, facts: ArnFacts) => string | undefined;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The first of `members` that holds a string. */
const member = (...members: string[]): Source => (input) => {
  for (const m of members) {
    const v = str(input[m]);
    if (v !== undefined) return v;
  }
  return undefined;
};

/** The first of `members` whose value starts with `prefix` (organizations' typed ids). */
const idWithPrefix = (prefix: string | RegExp, ...members: string[]): Source => (input) =>
  members.map((m) => str(input[m])).find((v) => v !== undefined && (typeof prefix === 'string' ? v.startsWith(prefix) : prefix.test(v)));

/** The part of an ARN member after its last `/`. */
const arnTail = (m: string): Source => (input) => str(input[m])?.split('/').pop();

const PARENTS = ['TargetId', 'ParentId', 'DestinationParentId', 'SourceParentId', 'ChildId'];

export const ARN_VARIABLES: Readonly<Record<string, Source>> = {
  Partition: (_, f) => f.partition,
  Account: (_, f) => f.account,
  Region: (_, f) => f.region,
  // sso-admin
  InstanceId: (input) => str(input.InstanceArn)?.split('/').pop(),
  PermissionSetId: arnTail('PermissionSetArn'),
  // identitystore
  IdentityStoreId: member('IdentityStoreId'),
  UserId: (input) => str(input.UserId) ?? str((input.MemberId as Record<string, unknown> | undefined)?.UserId),
  GroupId: member('GroupId'),
  MembershipId: member('MembershipId'),
  // organizations (and sso-admin's account resource)
  OrganizationId: (_, f) => f.organizationId,
  AccountId: idWithPrefix(/^\d{12}$/, 'AccountId', 'TargetId', 'ChildId'),
  OrganizationalUnitId: idWithPrefix('ou-', 'OrganizationalUnitId', ...PARENTS),
  RootId: idWithPrefix('r-', 'RootId', ...PARENTS),
  PolicyId: member('PolicyId'),
  PolicyType: (input) => str(input.PolicyType)?.toLowerCase() ?? (str(input.PolicyId) ? 'service_control_policy' : undefined),
  // iam
  RoleNameWithPath: member('RoleName'),
  UserNameWithPath: (input, f) => str(input.UserName) ?? f.callerName,
  GroupNameWithPath: member('GroupName'),
  PolicyNameWithPath: member('PolicyName'),
  SamlProviderName: arnTail('SAMLProviderArn'),
};
