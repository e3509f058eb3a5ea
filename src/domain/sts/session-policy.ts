// Session policies passed to AssumeRole: an inline JSON policy and up to 10 managed policy ARNs
// (AWS managed, or customer managed in the role's account). They can only narrow the role's
// permissions. AWS also packs the policies and session tags into a binary form with its own
// limit and reports how full it is as PackedPolicySize (a percentage); we pack with deflate.

import { deflateRawSync } from 'node:zlib';
import { parsePolicy, PolicyParseError, type NamedPolicy, type PolicyDocument } from '../../policy/index.js';
import type { IamRepository } from '../iam/iam-repository.js';
import { defaultDocument, resolvePolicy } from '../iam/policy-resolver.js';
import type { Random } from '../../lib/random.js';
import { malformedSessionPolicy, packedPolicyTooLarge, stsValidation } from './errors.js';
import type { RoleSession, SessionTag } from './role-session.js';

export const MAX_SESSION_POLICY_ARNS = 10;
/** The packed form's limit, in deflated bytes. */
export const PACKED_LIMIT_BYTES = 2048;

/** Parses the inline session policy; identity-style only (no Principal), else MalformedPolicyDocument. */
export function parseSessionPolicy(text: string): PolicyDocument {
  let doc: PolicyDocument;
  try {
    doc = parsePolicy(text);
  } catch (e) {
    if (e instanceof PolicyParseError) throw malformedSessionPolicy(e.message);
    throw e;
  }
  if (doc.statements.some((s) => s.principal !== undefined)) {
    throw malformedSessionPolicy('Policy document should not specify a principal.');
  }
  return doc;
}

/** The packed size as a percentage of the limit; PackedPolicyTooLarge above 100. */
export function packedPolicySize(policy: string | undefined, policyArns: readonly string[], tags: readonly SessionTag[]): number {
  const compact = policy === undefined ? '' : JSON.stringify(JSON.parse(policy));
  const packed = deflateRawSync(Buffer.from([compact, ...policyArns, ...tags.flatMap((t) => [t.key, t.value])].join('\0')));
  const percent = Math.ceil((100 * packed.length) / PACKED_LIMIT_BYTES);
  if (percent > 100) throw packedPolicyTooLarge(percent);
  return percent;
}

const iamContext = (repo: IamRepository, accountId: string, now: number, random: Random) => ({ repo, accountId, now, random });

/** Checks that each managed session policy exists for the role's account. */
export async function checkSessionPolicyArns(repo: IamRepository, accountId: string, arns: readonly string[], now: number, random: Random) {
  if (arns.length > MAX_SESSION_POLICY_ARNS) {
    throw stsValidation('PolicyArns', `A session may have at most ${MAX_SESSION_POLICY_ARNS} managed session policies.`);
  }
  for (const arn of arns) {
    const found = await resolvePolicy(iamContext(repo, accountId, now, random), arn, 'PolicyArns').catch(() => undefined);
    if (!found) throw stsValidation('PolicyArns', `The managed session policy ${arn} does not exist.`);
  }
}

/**
 * The session's policies for the engine's `session` slot: undefined when the session has none
 * (then nothing narrows the role). A managed policy deleted since allows nothing.
 */
export async function sessionPolicies(
  repo: IamRepository,
  session: Pick<RoleSession, 'accountId' | 'policy' | 'policyArns' | 'assumedRoleArn'>,
  now: number,
  random: Random,
): Promise<NamedPolicy[] | undefined> {
  if (session.policy === undefined && session.policyArns.length === 0) return undefined;
  const list: NamedPolicy[] = [];
  if (session.policy !== undefined) list.push({ id: `session:${session.assumedRoleArn}`, document: parsePolicy(session.policy) });
  const ctx = iamContext(repo, session.accountId, now, random);
  for (const arn of session.policyArns) {
    const resolved = await resolvePolicy(ctx, arn).catch(() => undefined);
    if (resolved) list.push({ id: arn, document: parsePolicy(await defaultDocument(ctx, resolved)) });
  }
  return list;
}
