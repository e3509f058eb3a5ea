// CreateAccount records that the new account needs OrganizationAccountAccessRole (or the role
// name the caller chose): trusting the management account, with AdministratorAccess. This
// creates each pending role through IAM and marks the request done. Every step is idempotent,
// so it is safe after each CreateAccount, at start-up, and on several nodes at once.

import type { Services } from '../services.js';
import type { AccountRoleRequest } from '../organizations/model.js';
import { isGatehouseError } from '../../lib/errors.js';

export interface AccessRoleOutcome {
  readonly created: readonly AccountRoleRequest[];
  readonly failed: readonly { readonly request: AccountRoleRequest; readonly error: unknown }[];
}

export const accessRoleTrustPolicy = (trustedAccountId: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${trustedAccountId}:root` }, Action: 'sts:AssumeRole' }],
  });

async function ensureOne(services: Services, r: AccountRoleRequest): Promise<void> {
  const { iam, organizations } = services;
  // An ordinary role at path `/`, as in AWS: the account's administrators may change it.
  try {
    await iam.createRole(r.accountId, { roleName: r.roleName, assumeRolePolicyDocument: accessRoleTrustPolicy(r.trustedAccountId) });
  } catch (e) {
    // Created before (by us on another node, or by an earlier run that stopped half-way).
    if (!isGatehouseError(e) || e.code !== 'Conflict') throw e;
  }
  await iam.attachRolePolicy(r.accountId, r.roleName, r.managedPolicyArn);
  await services.ports.store.transaction((tx) => organizations.completeAccountRole(tx, r.accountId, r.roleName));
}

export async function ensureAccountAccessRoles(services: Services): Promise<AccessRoleOutcome> {
  const created: AccountRoleRequest[] = [];
  const failed: { request: AccountRoleRequest; error: unknown }[] = [];
  for (const request of await services.organizations.pendingAccountRoles()) {
    try {
      await ensureOne(services, request);
      created.push(request);
    } catch (error) {
      // One account's failure must not hold back the others; it stays pending for the next run.
      failed.push({ request, error });
    }
  }
  return { created, failed };
}
