// Session tags and transitive tag keys (AWS "Pass session tags in AWS STS"): keys are unique
// regardless of case, `aws:` is reserved, transitive keys name tags of the session, and in a
// role chain the calling session's transitive tags pass on and may not be overridden.

import type { SessionTag } from './role-session.js';
import { stsValidation } from './errors.js';

export interface SessionTagSet {
  readonly tags: readonly SessionTag[];
  readonly transitiveTagKeys: readonly string[];
}

const lower = (s: string) => s.toLowerCase();

/** The tags a new session carries, from the request and the calling session (role chaining). */
export function sessionTagSet(passed: readonly SessionTag[], transitive: readonly string[], inherited?: SessionTagSet): SessionTagSet {
  const seen = new Set<string>();
  for (const t of passed) {
    if (lower(t.key).startsWith('aws:')) throw stsValidation('Tags', `Tag keys beginning with 'aws:' are reserved: ${t.key}`);
    if (seen.has(lower(t.key))) throw stsValidation('Tags', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(lower(t.key));
  }
  const inheritedTransitive = new Set((inherited?.transitiveTagKeys ?? []).map(lower));
  const carried = (inherited?.tags ?? []).filter((t) => inheritedTransitive.has(lower(t.key)));
  for (const t of passed) {
    if (inheritedTransitive.has(lower(t.key))) {
      throw stsValidation('Tags', `The session tag ${t.key} conflicts with a transitive tag inherited from the calling session.`);
    }
  }
  const all = [...carried, ...passed];
  const byKey = new Map(all.map((t) => [lower(t.key), t.key]));
  const keys = new Map<string, string>();
  for (const k of inherited?.transitiveTagKeys ?? []) if (byKey.has(lower(k))) keys.set(lower(k), byKey.get(lower(k))!);
  for (const k of transitive) {
    const key = byKey.get(lower(k));
    if (key === undefined) throw stsValidation('TransitiveTagKeys', `The transitive tag key ${k} is not the key of a session tag.`);
    keys.set(lower(k), key);
  }
  return { tags: all, transitiveTagKeys: [...keys.values()] };
}

/** `aws:PrincipalTag/*` of a session: the role's tags, overridden by the session's tags. */
export function principalTags(roleTags: readonly SessionTag[], sessionTags: readonly SessionTag[]): Record<string, string> {
  const merged = new Map<string, SessionTag>();
  for (const t of [...roleTags, ...sessionTags]) merged.set(lower(t.key), t);
  return Object.fromEntries([...merged.values()].map((t) => [t.key, t.value]));
}
