// The demo's permission sets and group assignments; provisioning then runs as for any request.

import type { Services } from '../../domain/services.js';
import { DEMO_PERMISSION_SETS } from './demo-data.js';

export const seedAccess = async (services: Services, groupIds: ReadonlyMap<string, string>, accountIds: ReadonlyMap<string, string>): Promise<void> => {
  const { ssoAdmin } = services;
  const { instanceArn } = await services.instance.get();
  for (const ps of DEMO_PERMISSION_SETS) {
    const set = await ssoAdmin.createPermissionSet(instanceArn, { name: ps.name, description: ps.description, sessionDuration: ps.sessionDuration });
    for (const arn of ps.managedPolicyArns) await ssoAdmin.attachManagedPolicy(instanceArn, set.permissionSetArn, arn);
    if ('inlinePolicy' in ps) await ssoAdmin.putInlinePolicy(instanceArn, set.permissionSetArn, ps.inlinePolicy);
    if ('boundaryArn' in ps) await ssoAdmin.putPermissionsBoundary(instanceArn, set.permissionSetArn, { managedPolicyArn: ps.boundaryArn });
    for (const { group, accounts } of ps.assignments) {
      for (const account of accounts) {
        await ssoAdmin.createAccountAssignment(instanceArn, {
          permissionSetArn: set.permissionSetArn,
          principalType: 'GROUP',
          principalId: groupIds.get(group)!,
          targetType: 'AWS_ACCOUNT',
          targetId: accountIds.get(account)!,
        });
      }
    }
  }
};
