// Shared setup for the tests that run Gatehouse as separate processes: SDK clients for a node,
// a group, a permission set, many accounts, and polling a request to its end.

import {
  SSOAdminClient,
  ListInstancesCommand,
  CreatePermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
} from '@aws-sdk/client-sso-admin';
import { IdentitystoreClient, CreateGroupCommand } from '@aws-sdk/client-identitystore';
import { OrganizationsClient, CreateAccountCommand } from '@aws-sdk/client-organizations';
import { TEST_ADMIN_CREDENTIALS, TEST_REGION } from '../../support/server.js';

export const clientFor = <T>(Ctor: new (c: object) => T, url: string): T =>
  new Ctor({ endpoint: url, region: TEST_REGION, credentials: TEST_ADMIN_CREDENTIALS, maxAttempts: 1 });

export const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

export async function instanceOf(url: string): Promise<{ InstanceArn: string; IdentityStoreId: string }> {
  const i = (await clientFor(SSOAdminClient, url).send(new ListInstancesCommand({}))).Instances![0]!;
  return { InstanceArn: i.InstanceArn!, IdentityStoreId: i.IdentityStoreId! };
}

export async function newGroup(url: string, IdentityStoreId: string, DisplayName: string): Promise<string> {
  return (await clientFor(IdentitystoreClient, url).send(new CreateGroupCommand({ IdentityStoreId, DisplayName }))).GroupId!;
}

/** A permission set with one AWS managed and one inline policy. */
export async function newPermissionSet(url: string, InstanceArn: string, Name: string): Promise<string> {
  const sso = clientFor(SSOAdminClient, url);
  const arn = (await sso.send(new CreatePermissionSetCommand({ InstanceArn, Name, Description: 'v1' }))).PermissionSet!.PermissionSetArn!;
  await sso.send(new AttachManagedPolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn: arn, ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  await sso.send(new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn: arn, InlinePolicy: doc('s3:GetObject') }));
  return arn;
}

/** `n` member accounts through CreateAccount, a few calls at a time. */
export async function newAccounts(url: string, n: number, tag: string): Promise<string[]> {
  const org = clientFor(OrganizationsClient, url);
  const ids: string[] = [];
  for (let start = 0; start < n; start += 10) {
    const batch = Array.from({ length: Math.min(10, n - start) }, (_, k) => start + k);
    const made = await Promise.all(batch.map((k) => org.send(new CreateAccountCommand({ Email: `${tag}-${k}@example.com`, AccountName: `${tag} ${k}` }))));
    ids.push(...made.map((r) => r.CreateAccountStatus!.AccountId!));
  }
  return ids;
}

async function poll<T extends { Status?: string }>(read: () => Promise<T | undefined>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const s = await read();
    if (s && s.Status !== 'IN_PROGRESS') return s;
    if (Date.now() > until) throw new Error(`still IN_PROGRESS after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const settleCreation = (url: string, InstanceArn: string, id: string, ms = 60_000) =>
  poll(async () => (await clientFor(SSOAdminClient, url).send(new DescribeAccountAssignmentCreationStatusCommand({
    InstanceArn, AccountAssignmentCreationRequestId: id,
  }))).AccountAssignmentCreationStatus, ms);

export const settleProvisioning = (url: string, InstanceArn: string, id: string, ms = 60_000) =>
  poll(async () => (await clientFor(SSOAdminClient, url).send(new DescribePermissionSetProvisioningStatusCommand({
    InstanceArn, ProvisionPermissionSetRequestId: id,
  }))).PermissionSetProvisioningStatus, ms);
