// The portal tests' world: a user with a password, two accounts named so that sorting shows, and
// a read-only permission set assigned to the user on both and provisioned.

import assert from 'node:assert/strict';
import { OrganizationsClient, CreateAccountCommand } from '@aws-sdk/client-organizations';
import { IdentitystoreClient, CreateUserCommand } from '@aws-sdk/client-identitystore';
import {
  SSOAdminClient,
  ListInstancesCommand,
  CreatePermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
} from '@aws-sdk/client-sso-admin';
import type { TestServer } from '../support/server.js';
import { settle } from '../support/settle.js';

export const PORTAL_USER = { userName: 'grace', password: 'compiler-harbor-violet-7731' };

/** Created in this order so that sorting by name is visible: the list must show Apollo first. */
export const PORTAL_ACCOUNTS = [
  { name: 'Zephyr Production', email: 'zephyr-prod@example.com' },
  { name: 'Apollo Sandbox', email: 'apollo-sandbox@example.com' },
] as const;

/** Markup in it must come out as text. */
export const PERMISSION_SET_DESCRIPTION = 'Read everything, change nothing <safely>';

export interface PortalWorld {
  /** In PORTAL_ACCOUNTS order. */
  readonly accountIds: readonly string[];
  /** The provisioned role's name: AWSReservedSSO_ReadOnly_{suffix}. */
  readonly roleName: string;
}

export async function seedPortalWorld(server: TestServer): Promise<PortalWorld> {
  const admin = new SSOAdminClient(server.clientConfig);
  const { InstanceArn, IdentityStoreId } = (await admin.send(new ListInstancesCommand({}))).Instances![0]! as { InstanceArn: string; IdentityStoreId: string };
  const ids = new IdentitystoreClient(server.clientConfig);
  const userId = (await ids.send(new CreateUserCommand({ IdentityStoreId, UserName: PORTAL_USER.userName, DisplayName: 'Grace H', Name: { GivenName: 'Grace', FamilyName: 'H' } }))).UserId!;
  await server.server.services.directory.setPassword(userId, PORTAL_USER.password);
  const org = new OrganizationsClient(server.clientConfig);
  const accountIds: string[] = [];
  for (const a of PORTAL_ACCOUNTS) accountIds.push((await org.send(new CreateAccountCommand({ AccountName: a.name, Email: a.email }))).CreateAccountStatus!.AccountId!);
  const ps = (await admin.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'ReadOnly', Description: PERMISSION_SET_DESCRIPTION }))).PermissionSet!;
  await admin.send(new AttachManagedPolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn: ps.PermissionSetArn!, ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  const { roleSuffix } = await server.server.services.ssoAdmin.describePermissionSet(InstanceArn, ps.PermissionSetArn!);
  for (const TargetId of accountIds) {
    const s = (await admin.send(new CreateAccountAssignmentCommand({ InstanceArn, PermissionSetArn: ps.PermissionSetArn!, PrincipalType: 'USER', PrincipalId: userId, TargetType: 'AWS_ACCOUNT', TargetId }))).AccountAssignmentCreationStatus!;
    const done = await settle(async () => (await admin.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId: s.RequestId! }))).AccountAssignmentCreationStatus);
    assert.equal(done.Status, 'SUCCEEDED', done.FailureReason);
  }
  return { accountIds, roleName: `AWSReservedSSO_ReadOnly_${roleSuffix}` };
}
