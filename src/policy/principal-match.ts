// Principal / NotPrincipal matching for resource-side policies. The answer is not just yes or
// no: AWS treats a grant to the caller itself differently from a grant to its role or account
// (see combine.ts), so the match says how the caller was named.

import type { PrincipalBlock, PrincipalEntry, Effect } from './ast.js';
import { matchGlob, tokenizePattern } from './glob.js';

/** How a statement named the caller, weakest first; compare with `>`. */
export const Grant = { none: 0, account: 1, role: 2, direct: 3 } as const;
export type Grant = (typeof Grant)[keyof typeof Grant];

export interface Caller {
  /** The request's principal ARN (the role-session ARN for a role session). */
  readonly arn: string;
  readonly account: string;
  /** For a role session, the role's ARN; otherwise undefined. */
  readonly roleArn: string | undefined;
}

const ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;

export function principalGrant(block: PrincipalBlock, caller: Caller, effect: Effect, hasBoundary: boolean): Grant {
  let best: Grant = Grant.none;
  for (const entry of block.entries) {
    const g = entryGrant(entry, caller);
    if (g > best) best = g;
  }
  if (!block.not) return best;
  // AWS: a Deny with NotPrincipal always applies to a principal with a permissions boundary.
  if (effect === 'Deny' && hasBoundary) return Grant.direct;
  return best === Grant.none ? Grant.direct : Grant.none;
}

function entryGrant(entry: PrincipalEntry, caller: Caller): Grant {
  if (entry.type === '*') return Grant.direct;
  let best: Grant = Grant.none;
  for (const value of entry.values) {
    const g = entry.type === 'AWS' ? awsGrant(value, caller) : serviceGrant(entry.type, value, caller);
    if (g > best) best = g;
  }
  return best;
}

function awsGrant(value: string, caller: Caller): Grant {
  if (value === '*') return Grant.direct;
  const account = /^\d{12}$/.test(value) ? value : ROOT.exec(value)?.[1];
  if (account !== undefined) return account === caller.account ? Grant.account : Grant.none;
  if (arnMatches(value, caller.arn)) return Grant.direct;
  if (caller.roleArn !== undefined && arnMatches(value, caller.roleArn)) return Grant.role;
  return Grant.none;
}

function serviceGrant(type: PrincipalEntry['type'], value: string, caller: Caller): Grant {
  // Service and federated principal names are not case-sensitive; canonical ids are.
  const fold = type === 'Service' || type === 'Federated';
  const pattern = fold ? value.toLowerCase() : value;
  const arn = fold ? caller.arn.toLowerCase() : caller.arn;
  return arnMatches(pattern, arn) ? Grant.direct : Grant.none;
}

function arnMatches(pattern: string, arn: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === arn;
  return matchGlob(tokenizePattern(pattern, 'plain'), arn);
}

const SESSION = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;
const ROLE = /^arn:[^:]+:iam::\d{12}:role\//;

/**
 * The role behind a role session: `aws:PrincipalArn` when the request carries it (it keeps the
 * role's path), else derived from the session ARN. Undefined for other principals.
 */
export function roleArnOf(principalArn: string, principalArnKey: string | undefined): string | undefined {
  const m = SESSION.exec(principalArn);
  if (!m) return undefined;
  if (principalArnKey !== undefined && ROLE.test(principalArnKey)) return principalArnKey;
  return `arn:${m[1]}:iam::${m[2]}:role/${m[3]}`;
}
