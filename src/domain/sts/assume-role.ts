// sts:AssumeRole: check the request, decide it (assume-role-decision.ts), then mint a session.
// Refusals never say whether the role exists: a missing role and a role that does not trust
// the caller get the same AccessDenied.

import type { RequestOrigin } from '../authorization/request-context.js';
import type { Ports } from '../ports.js';
import type { Principal } from '../principal.js';
import type { IamService } from '../iam/iam-service.js';
import type { OrganizationsService } from '../organizations/organizations-service.js';
import type { ScpLevel } from '../organizations/scp-levels.js';
import { assumedRoleArn, sessionUserId, type RoleSession, type SessionTag } from './role-session.js';
import { parseRoleArn } from './role-arn.js';
import { notAuthorized, stsValidation } from './errors.js';
import { principalTags, sessionTagSet } from './session-tags.js';
import { checkSessionPolicyArns, packedPolicySize, parseSessionPolicy, sessionPolicies } from './session-policy.js';
import { assumeRoleContext } from './assume-role-context.js';
import { decideAssumeRole } from './assume-role-decision.js';
import { issueSession } from './issue-session.js';
import { sessionOf } from './session-of-principal.js';
import { checkDuration } from './session-duration.js';
import { callerTagsOf } from './caller-tags.js';

export interface AssumeRoleInput {
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly durationSeconds?: number;
  readonly policy?: string;
  readonly policyArns?: readonly string[];
  readonly tags?: readonly SessionTag[];
  readonly transitiveTagKeys?: readonly string[];
  readonly externalId?: string;
  readonly sourceIdentity?: string;
  readonly serialNumber?: string;
  readonly tokenCode?: string;
}

export type RequestFacts = RequestOrigin;

export interface AssumeRoleOutput {
  readonly credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: number };
  readonly assumedRoleUser: { assumedRoleId: string; arn: string };
  /** Present when session policies or tags were passed. */
  readonly packedPolicySize?: number;
  readonly sourceIdentity?: string;
  readonly session: RoleSession;
}

export interface AssumeRoleDeps {
  readonly ports: Ports;
  readonly iam: IamService;
  readonly organizations: OrganizationsService;
  readonly isRevoked: (session: RoleSession) => Promise<boolean>;
  readonly organizationId: () => Promise<string | undefined>;
}

/** Service-linked roles, like the management account, are not restricted by SCPs. */
const exemptFromScps = (caller: Principal) => caller.kind === 'assumed-role' && caller.arn.includes(':assumed-role/AWSServiceRoleFor');

/** The organization's id for an account in it; none for a standalone account (it left). */
const orgIdIfMember = async (deps: AssumeRoleDeps, accountId: string): Promise<string | undefined> =>
  (await deps.organizations.accountStanding(accountId))?.kind === 'member' ? deps.organizationId() : undefined;

const checkSourceIdentity = (value: string | undefined, inherited: string | undefined): string | undefined => {
  if (value !== undefined && value.toLowerCase().startsWith('aws:')) {
    throw stsValidation('SourceIdentity', "SourceIdentity must not begin with the reserved prefix 'aws:'.");
  }
  // A source identity, once set, stays for the whole role chain.
  if (inherited !== undefined && value !== undefined && value !== inherited) {
    throw stsValidation('SourceIdentity', 'The source identity of a role chain cannot be changed.');
  }
  return inherited ?? value;
};

export async function assumeRole(deps: AssumeRoleDeps, caller: Principal, input: AssumeRoleInput, facts: RequestFacts): Promise<AssumeRoleOutput> {
  const { store, clock, random } = deps.ports;
  const now = clock.now();
  const ref = parseRoleArn(input.roleArn);
  const callerSession = sessionOf(caller);
  const passedTags = input.tags ?? [];
  const tagSet = sessionTagSet(passedTags, input.transitiveTagKeys ?? [], callerSession);
  const sourceIdentity = checkSourceIdentity(input.sourceIdentity, callerSession?.sourceIdentity);
  if (input.policy !== undefined) parseSessionPolicy(input.policy);
  const refuse = (action = 'sts:AssumeRole') => notAuthorized(caller.arn, action, input.roleArn);
  // MFA devices are not supported yet: a caller who offers MFA cannot be verified.
  if (input.serialNumber !== undefined || input.tokenCode !== undefined) throw refuse();

  const role = await store.iam.getRole(ref.accountId, ref.roleName);
  if (!role) throw refuse();
  if (callerSession) {
    if (await deps.isRevoked(callerSession)) throw refuse();
    // A session outlives neither its role nor the role's replacement under the same name.
    if ((await store.iam.getRole(callerSession.accountId, callerSession.roleName))?.roleId !== callerSession.roleId) throw refuse();
  }
  let levels: ScpLevel[];
  let callerPolicies: Awaited<ReturnType<IamService['getPrincipalPolicies']>>;
  try {
    const principalRef = caller.kind === 'iam-user' ? ({ kind: 'user', name: caller.name } as const) : ({ kind: 'role', name: caller.name } as const);
    callerPolicies = await deps.iam.getPrincipalPolicies(caller.accountId, principalRef);
    levels = exemptFromScps(caller) ? [] : await deps.organizations.getScpLevels(caller.accountId);
  } catch {
    // The caller's user or role is gone, or its account left the organization.
    throw refuse();
  }
  const actions = ['sts:AssumeRole'];
  if (tagSet.tags.length > 0) actions.push('sts:TagSession');
  if (sourceIdentity !== undefined) actions.push('sts:SetSourceIdentity');
  const context = assumeRoleContext({
    caller,
    callerSession,
    callerTags: await callerTagsOf(store.iam, caller, callerSession),
    principalOrgId: await orgIdIfMember(deps, caller.accountId),
    resourceOrgId: await orgIdIfMember(deps, role.accountId),
    now,
    sourceIp: facts.sourceIp,
    secureTransport: facts.secureTransport,
    region: facts.region,
    roleSessionName: input.roleSessionName,
    externalId: input.externalId,
    sourceIdentity: input.sourceIdentity,
    requestTags: passedTags,
    transitiveTagKeys: input.transitiveTagKeys ?? [],
    roleAccountId: role.accountId,
    roleTags: role.tags,
  });
  const verdict = decideAssumeRole({
    callerArn: caller.arn,
    callerAccountId: caller.accountId,
    roleArn: role.arn,
    roleAccountId: role.accountId,
    trustPolicy: role.assumeRolePolicyDocument,
    identity: callerPolicies.identity,
    ...(callerPolicies.boundary ? { boundary: callerPolicies.boundary } : {}),
    session: callerSession ? await sessionPolicies(store.iam, callerSession, now, random) : undefined,
    scpLevels: levels,
    context,
    actions,
  });
  if (!verdict.allowed) throw refuse(verdict.action);

  const durationSeconds = checkDuration(input.durationSeconds, role.maxSessionDuration, caller.kind === 'assumed-role');
  const policyArns = input.policyArns ?? [];
  await checkSessionPolicyArns(store.iam, role.accountId, policyArns, now, random);
  const passesPolicies = input.policy !== undefined || policyArns.length > 0 || passedTags.length > 0;
  const packed = passesPolicies ? packedPolicySize(input.policy, policyArns, passedTags) : undefined;

  const { session, sessionToken } = issueSession(deps.ports, {
    accountId: role.accountId,
    roleName: role.roleName,
    roleId: role.roleId,
    roleArn: role.arn,
    sessionName: input.roleSessionName,
    assumedRoleArn: assumedRoleArn(role.accountId, role.roleName, input.roleSessionName),
    caller: { arn: caller.arn, accountId: caller.accountId, userId: caller.userId },
    tags: tagSet.tags,
    transitiveTagKeys: tagSet.transitiveTagKeys,
    ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
    ...(input.policy !== undefined ? { policy: input.policy } : {}),
    policyArns,
    issuedAt: now,
    expiresAt: now + durationSeconds * 1000,
  });
  return {
    credentials: { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken, expiration: session.expiresAt },
    assumedRoleUser: { assumedRoleId: sessionUserId(session), arn: session.assumedRoleArn },
    ...(packed !== undefined ? { packedPolicySize: packed } : {}),
    ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
    session,
  };
}
