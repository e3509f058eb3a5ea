// The console tests' world: the portal's world (grace, ReadOnly on Zephyr Production and Apollo
// Sandbox), plus
// - an SCP on Zephyr Production that denies ec2:DescribeInstances (which ReadOnlyAccess allows),
// - ReadOnly's relay state set to a page of our console (/console#check),
// - a Developer permission set on Apollo Sandbox with an inline policy (allows, a Sid'd deny, a
//   conditional allow), an AWS managed permissions boundary that voids one of the allows, and an
//   external relay state, which the console shows as a link and does not follow.

import assert from 'node:assert/strict';
import { OrganizationsClient, CreatePolicyCommand, AttachPolicyCommand } from '@aws-sdk/client-organizations';
import { IdentitystoreClient, GetUserIdCommand } from '@aws-sdk/client-identitystore';
import {
  SSOAdminClient,
  ListInstancesCommand,
  ListPermissionSetsCommand,
  DescribePermissionSetCommand,
  UpdatePermissionSetCommand,
  CreatePermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
} from '@aws-sdk/client-sso-admin';
import type { TestServer } from '../support/server.js';
import { settle } from '../support/settle.js';
import { seedPortalWorld, PORTAL_USER, type PortalWorld } from './portal-fixture.js';

export { PORTAL_USER as CONSOLE_USER };

export const SCP_NAME = 'NoInstanceListing';
export const SCP_SID = 'DenyDescribeInstances';
export const READ_ONLY_RELAY_STATE = '/console#check';
export const EXTERNAL_RELAY_STATE = 'https://runbooks.example.com/developer';

/** Written over several lines, as people write them: the statements' lines are known. */
export const DEVELOPER_INLINE_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "TeamBucketRead",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::team-bucket/*"
    },
    {
      "Sid": "NeverDeleteBuckets",
      "Effect": "Deny",
      "Action": "s3:DeleteBucket",
      "Resource": "*"
    },
    {
      "Sid": "ListReportsOnly",
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::team-bucket",
      "Condition": { "StringEquals": { "s3:prefix": "reports/" } }
    },
    {
      "Sid": "SendToQueues",
      "Effect": "Allow",
      "Action": "sqs:SendMessage",
      "Resource": "*"
    }
  ]
}`;

/** Developer's permissions boundary: S3 reads only, so the inline sqs:SendMessage allow is void. */
export const DEVELOPER_BOUNDARY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

export interface ConsoleWorld extends PortalWorld {
  /** AWSReservedSSO_Developer_{suffix}, on accountIds[1] (Apollo Sandbox). */
  readonly developerRoleName: string;
}

export async function seedConsoleWorld(server: TestServer): Promise<ConsoleWorld> {
  const world = await seedPortalWorld(server);
  const orgs = new OrganizationsClient(server.clientConfig);
  const scp = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: SCP_SID, Effect: 'Deny', Action: 'ec2:DescribeInstances', Resource: '*' }] }, null, 2);
  const { Policy } = await orgs.send(new CreatePolicyCommand({ Name: SCP_NAME, Description: 'no instance listing', Type: 'SERVICE_CONTROL_POLICY', Content: scp }));
  await orgs.send(new AttachPolicyCommand({ PolicyId: Policy!.PolicySummary!.Id!, TargetId: world.accountIds[0]! }));

  const admin = new SSOAdminClient(server.clientConfig);
  const { InstanceArn, IdentityStoreId } = (await admin.send(new ListInstancesCommand({}))).Instances![0]! as { InstanceArn: string; IdentityStoreId: string };
  for (const arn of (await admin.send(new ListPermissionSetsCommand({ InstanceArn }))).PermissionSets ?? []) {
    const ps = (await admin.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn: arn }))).PermissionSet!;
    if (ps.Name === 'ReadOnly') await admin.send(new UpdatePermissionSetCommand({ InstanceArn, PermissionSetArn: arn, RelayState: READ_ONLY_RELAY_STATE }));
  }

  const dev = (await admin.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'Developer', RelayState: EXTERNAL_RELAY_STATE }))).PermissionSet!;
  await admin.send(new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn: dev.PermissionSetArn!, InlinePolicy: DEVELOPER_INLINE_POLICY }));
  await admin.send(new PutPermissionsBoundaryToPermissionSetCommand({ InstanceArn, PermissionSetArn: dev.PermissionSetArn!, PermissionsBoundary: { ManagedPolicyArn: DEVELOPER_BOUNDARY } }));
  const ids = new IdentitystoreClient(server.clientConfig);
  const { UserId } = await ids.send(
    new GetUserIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: PORTAL_USER.userName } } }),
  );
  const s = (
    await admin.send(
      new CreateAccountAssignmentCommand({ InstanceArn, PermissionSetArn: dev.PermissionSetArn!, PrincipalType: 'USER', PrincipalId: UserId!, TargetType: 'AWS_ACCOUNT', TargetId: world.accountIds[1]! }),
    )
  ).AccountAssignmentCreationStatus!;
  const done = await settle(async () => (await admin.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId: s.RequestId! }))).AccountAssignmentCreationStatus);
  assert.equal(done.Status, 'SUCCEEDED', done.FailureReason);
  const { roleSuffix } = await server.server.services.ssoAdmin.describePermissionSet(InstanceArn, dev.PermissionSetArn!);
  return { ...world, developerRoleName: `AWSReservedSSO_Developer_${roleSuffix}` };
}

export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

/** The role credentials the portal's access keys page shows the signed-in browser. */
export async function portalCredentials(browser: import('../support/browser.js').Browser, accountId: string, roleName: string): Promise<TemporaryCredentials> {
  const page = await browser.go(`/start/credentials?${new URLSearchParams({ account_id: accountId, role_name: roleName })}`);
  assert.equal(page.status, 200, page.text);
  const value = (key: string) => new RegExp(`${key}=([^\\s<]+)`).exec(page.text)?.[1] ?? assert.fail(`no ${key} on the page`);
  return { accessKeyId: value('aws_access_key_id'), secretAccessKey: value('aws_secret_access_key'), sessionToken: value('aws_session_token') };
}

/** The federation endpoint's `Session` parameter for credentials. */
export const sessionParam = (c: TemporaryCredentials): string =>
  JSON.stringify({ sessionId: c.accessKeyId, sessionKey: c.secretAccessKey, sessionToken: c.sessionToken });

/** getSigninToken as an identity broker calls it (GET, as AWS documents it). */
export async function getSigninToken(endpoint: string, session: string): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`${endpoint}/federation?${new URLSearchParams({ Action: 'getSigninToken', Session: session })}`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** The federation login URL for a sign-in token. */
export const loginUrl = (signinToken: string, destination = '/console'): string =>
  `/federation?${new URLSearchParams({ Action: 'login', Issuer: 'https://broker.example.com', Destination: destination, SigninToken: signinToken })}`;
