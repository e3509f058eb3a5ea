// sts:AssumeRoleWithSAML: the assertion is the credential, so the request is judged on it alone.
// Verify (assume-role-with-saml-signature.ts) with the certificates of the IAM SAML provider the
// request names, read the claims from the signed assertion only, check them, accept each
// assertion once, let the role's trust policy decide with the SAML: keys, then mint a session.

import type { RequestOrigin } from '../authorization/request-context.js';
import type { Ports } from '../ports.js';
import { parseArn } from '../../lib/arn.js';
import { assumedRoleArn, sessionUserId, type RoleSession } from './role-session.js';
import { parseRoleArn } from './role-arn.js';
import { notAuthorized } from './errors.js';
import { sessionTagSet } from './session-tags.js';
import { checkSessionPolicyArns, packedPolicySize, parseSessionPolicy } from './session-policy.js';
import { decideAssumeRole } from './assume-role-decision.js';
import { issueSession } from './issue-session.js';
import { checkDuration, DEFAULT_DURATION_SECONDS } from './session-duration.js';
import { invalidSamlResponse, samlAssertionExpired } from './assume-role-with-saml-errors.js';
import { NS, onlyChild, parseUntrustedXml } from './assume-role-with-saml-xml.js';
import { signedAssertion } from './assume-role-with-saml-signature.js';
import { readClaims } from './assume-role-with-saml-claims.js';
import { checkAudience, checkRolePair, checkTimes } from './assume-role-with-saml-checks.js';
import { samlSessionRequest } from './assume-role-with-saml-session.js';
import { metadataSigningCertificates } from './assume-role-with-saml-metadata.js';
import { nameQualifier, samlContext, subjectType } from './assume-role-with-saml-context.js';
import { claimAssertionOnce } from './assume-role-with-saml-replay.js';

export interface AssumeRoleWithSamlInput {
  readonly roleArn: string;
  readonly principalArn: string;
  /** Base64 of the SAML Response, as the HTTP-POST binding delivered it. */
  readonly samlAssertion: string;
  readonly durationSeconds?: number;
  readonly policy?: string;
  readonly policyArns?: readonly string[];
}

export interface AssumeRoleWithSamlOutput {
  readonly credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: number };
  readonly assumedRoleUser: { assumedRoleId: string; arn: string };
  readonly packedPolicySize?: number;
  readonly subject: string;
  readonly subjectType: string;
  readonly issuer: string;
  readonly audience: string;
  readonly nameQualifier: string;
  readonly sourceIdentity?: string;
  readonly session: RoleSession;
}

const MAX_RESPONSE_BYTES = 100_000;
const ACTION = 'sts:AssumeRoleWithSAML';
const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

const decodeResponse = (b64: string): string => {
  const compact = b64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length > (MAX_RESPONSE_BYTES * 4) / 3 + 4) {
    throw invalidSamlResponse('SAMLAssertion is not base64 of a SAML response');
  }
  return Buffer.from(compact, 'base64').toString('utf8');
};

export async function assumeRoleWithSaml(
  ports: Ports,
  input: AssumeRoleWithSamlInput,
  facts: RequestOrigin,
): Promise<AssumeRoleWithSamlOutput> {
  const { store, clock, random } = ports;
  const now = clock.now();
  const ref = parseRoleArn(input.roleArn);
  const refuse = (action = ACTION) => notAuthorized(input.principalArn, action, input.roleArn);
  const providerParts = parseArn(input.principalArn);
  if (!providerParts || providerParts.service !== 'iam' || !providerParts.resource.startsWith('saml-provider/')) {
    throw invalidSamlResponse('PrincipalArn is not a SAML provider');
  }
  // A provider vouches only for roles of its own account.
  if (providerParts.account !== ref.accountId) throw refuse();
  const providerName = providerParts.resource.slice('saml-provider/'.length);
  if (input.policy !== undefined) parseSessionPolicy(input.policy);

  const provider = await store.iam.getSamlProvider(input.principalArn);
  if (!provider || (provider.validUntil !== undefined && provider.validUntil <= now)) {
    throw invalidSamlResponse('the SAML provider does not exist or its metadata has expired');
  }
  const xml = decodeResponse(input.samlAssertion);
  const doc = parseUntrustedXml(xml);
  const assertion = signedAssertion(doc, xml, metadataSigningCertificates(provider.metadataDocument));
  const status = onlyChild(doc.documentElement!, NS.protocol, 'Status');
  const statusCode = status && onlyChild(status, NS.protocol, 'StatusCode');
  if (statusCode?.getAttribute('Value') !== STATUS_SUCCESS) throw invalidSamlResponse('the response status is not Success');

  const claims = readClaims(assertion);
  const usableUntil = checkTimes(claims, now);
  const recipient = checkAudience(claims);
  checkRolePair(claims, input.roleArn, input.principalArn);
  const wanted = samlSessionRequest(claims);
  const tagSet = sessionTagSet(wanted.tags, wanted.transitiveTagKeys);

  const role = await store.iam.getRole(ref.accountId, ref.roleName);
  if (!role || role.arn !== input.roleArn) throw refuse();
  const actions = [ACTION];
  if (tagSet.tags.length > 0) actions.push('sts:TagSession');
  if (wanted.sourceIdentity !== undefined) actions.push('sts:SetSourceIdentity');
  const verdict = decideAssumeRole({
    callerArn: provider.arn,
    callerAccountId: provider.accountId,
    roleArn: role.arn,
    roleAccountId: role.accountId,
    trustPolicy: role.assumeRolePolicyDocument,
    identity: [],
    scpLevels: [],
    context: samlContext({ claims, session: wanted, recipient, providerAccountId: provider.accountId, providerName, now, ...facts }),
    actions,
  });
  if (!verdict.allowed) throw refuse(verdict.action);

  // DurationSeconds must fit the role; the IdP's SessionDuration is capped by it instead.
  const durationSeconds =
    input.durationSeconds !== undefined
      ? checkDuration(input.durationSeconds, role.maxSessionDuration, false)
      : Math.min(wanted.durationSeconds ?? DEFAULT_DURATION_SECONDS, role.maxSessionDuration);
  const policyArns = input.policyArns ?? [];
  await checkSessionPolicyArns(store.iam, role.accountId, policyArns, now, random);
  const passes = input.policy !== undefined || policyArns.length > 0 || tagSet.tags.length > 0;
  const packed = passes ? packedPolicySize(input.policy, policyArns, tagSet.tags) : undefined;
  // The IdP's own session end bounds the credentials too.
  if (claims.sessionNotOnOrAfter !== undefined && claims.sessionNotOnOrAfter <= now) throw samlAssertionExpired();
  const expiresAt = Math.min(now + durationSeconds * 1000, claims.sessionNotOnOrAfter ?? Infinity);

  // Last, after every other check: the shared table lets one of two racing requests win.
  if (!(await claimAssertionOnce(ports, { providerArn: provider.arn, issuer: claims.issuer, assertionId: claims.assertionId }, usableUntil))) {
    throw invalidSamlResponse('the assertion has already been used');
  }
  const { session, sessionToken } = issueSession(ports, {
    accountId: role.accountId,
    roleName: role.roleName,
    roleId: role.roleId,
    roleArn: role.arn,
    sessionName: wanted.sessionName,
    assumedRoleArn: assumedRoleArn(role.accountId, role.roleName, wanted.sessionName),
    caller: { arn: provider.arn, accountId: provider.accountId, userId: claims.nameId },
    tags: tagSet.tags,
    transitiveTagKeys: tagSet.transitiveTagKeys,
    ...(wanted.sourceIdentity !== undefined ? { sourceIdentity: wanted.sourceIdentity } : {}),
    ...(input.policy !== undefined ? { policy: input.policy } : {}),
    policyArns,
    issuedAt: now,
    expiresAt,
  });
  return {
    credentials: { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken, expiration: session.expiresAt },
    assumedRoleUser: { assumedRoleId: sessionUserId(session), arn: session.assumedRoleArn },
    ...(packed !== undefined ? { packedPolicySize: packed } : {}),
    subject: claims.nameId,
    subjectType: subjectType(claims.nameIdFormat),
    issuer: claims.issuer,
    audience: recipient,
    nameQualifier: nameQualifier(claims.issuer, provider.accountId, providerName),
    ...(wanted.sourceIdentity !== undefined ? { sourceIdentity: wanted.sourceIdentity } : {}),
    session,
  };
}
