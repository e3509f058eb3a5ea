// AWS's AccessDenied message: who, what, on which resource, and which policy type refused.

import type { Decision, PolicyType } from '../../policy/index.js';

const TYPE_WORDS: Record<PolicyType, string> = {
  identity: 'identity-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
  resource: 'resource-based policy',
};

// The order AWS reports the refusing layer in: organization guardrails first.
const ORDER: readonly PolicyType[] = ['scp', 'rcp', 'boundary', 'session', 'identity', 'resource'];

export const denialMessage = (principalArn: string, action: string, resource: string, decision: Decision): string => {
  const head = `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource}`;
  if (decision.decision === 'ExplicitDeny') {
    const type = ORDER.find((t) => decision.byType[t] === 'ExplicitDeny') ?? 'identity';
    // "an identity-based policy", "a service control policy": the article follows the sound.
    return `${head} with an explicit deny in ${/^[aeiou]/.test(TYPE_WORDS[type]) ? 'an' : 'a'} ${TYPE_WORDS[type]}`;
  }
  const type = ORDER.find((t) => decision.byType[t] === 'ImplicitDeny') ?? 'identity';
  return `${head} because no ${TYPE_WORDS[type]} allows the ${action} action`;
};
