// A thin adapter over the STS session minting (src/domain/sts/issue-session.ts) for the portal:
// credentials for a provisioned role, named after the user, with the user's attributes as
// session tags. The STS code has no portal entry point yet; this is one.
//
// The portal session id travels in the sealed token (`portalSessionId`), so requests signed with
// these credentials are refused once that portal session ends (portal-session-revocation.ts).

import type { KeyRing } from '../../lib/key-ring.js';
import type { Random } from '../../lib/random.js';
import type { IamRole } from '../iam/model.js';
import { assumedRoleArn, type RoleSession, type SessionTag } from '../sts/role-session.js';
import { issueSession, type SessionDraft } from '../sts/issue-session.js';

export interface RoleCredentialsRequest {
  readonly role: IamRole;
  readonly sessionName: string;
  readonly durationSeconds: number;
  readonly tags: readonly SessionTag[];
  /** Who asked: the SAML provider the role trusts, in Identity Center's case. */
  readonly callerArn: string;
  readonly userId: string;
  readonly portalSessionId: string;
  readonly now: number;
}

export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch milliseconds. */
  readonly expiration: number;
  readonly session: RoleSession;
}

export function issueRoleCredentials(ports: { readonly random: Random; readonly keyRing: KeyRing }, req: RoleCredentialsRequest): RoleCredentials {
  const draft: SessionDraft = {
    accountId: req.role.accountId,
    roleName: req.role.roleName,
    roleId: req.role.roleId,
    roleArn: req.role.arn,
    sessionName: req.sessionName,
    assumedRoleArn: assumedRoleArn(req.role.accountId, req.role.roleName, req.sessionName),
    caller: { arn: req.callerArn, accountId: req.role.accountId, userId: req.userId },
    tags: req.tags,
    // Identity Center's role sessions pass no tags on to roles they assume.
    transitiveTagKeys: [],
    policyArns: [],
    issuedAt: req.now,
    expiresAt: req.now + req.durationSeconds * 1000,
    portalSessionId: req.portalSessionId,
  };
  const { session, sessionToken } = issueSession(ports, draft);
  return { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken, expiration: session.expiresAt, session };
}
