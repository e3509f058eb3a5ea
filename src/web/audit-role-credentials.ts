// Role credentials the portal pages issue ("Access keys", "Management console"), recorded as the
// portal API's GetRoleCredentials is: the account and role asked for, the role reached, never
// the credentials; `Via` says which page asked.

import type { RoleCredentials } from '../domain/portal/issue-role-credentials.js';
import { SSO_SOURCE, type PersonEvent } from '../domain/audit/people-audit.js';

export const roleCredentialsEvent = (accountId: string, roleName: string, via: 'AccessKeysPage' | 'ConsoleLink', issued: RoleCredentials | undefined): PersonEvent => ({
  source: SSO_SOURCE,
  name: 'GetRoleCredentials',
  requestParameters: { accountId, roleName },
  additionalEventData: { Via: via, ...(issued ? { roleArn: issued.session.roleArn } : {}) },
  ...(issued ? {} : { error: { code: 'ResourceNotFoundException', message: 'No access' } }),
});
