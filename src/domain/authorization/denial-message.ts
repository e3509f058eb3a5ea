// AWS's AccessDenied message: who, what, on which resource, and which policy type refused.

import type { Decision, PolicyType } from '../../policy/index.js';

/** How AWS names each policy type in its messages. */
export const TYPE_WORDS: Readonly<Record<PolicyType, string>> = {
  identity: 'identity-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
  resource: 'resource-based policy',
};

/** "an identity-based policy", "a service control policy": the article follows the sound. */
export const withArticle = (words: string): string => `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;

// The order AWS reports the refusing layer in: organization guardrails first.
const ORDER: readonly PolicyType[] = ['scp', 'rcp', 'boundary', 'session', 'identity', 'resource'];

export const denialMessage = (principalArn: string, action: string, resource: string, decision: Decision): string => {
  const head = `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource}`;
  if (decision.decision === 'ExplicitDeny') {
    const type = ORDER.find((t) => decision.byType[t] === 'ExplicitDeny') ?? 'identity';
    return `${head} with an explicit deny in ${withArticle(TYPE_WORDS[type])}`;
  }
  const type = ORDER.find((t) => decision.byType[t] === 'ImplicitDeny') ?? 'identity';
  return `${head} because no ${TYPE_WORDS[type]} allows the ${action} action`;
};
