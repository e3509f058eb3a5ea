// Every signed request is decided here, and only here, by the policy engine: the caller's
// identity policies, its boundary, and the SCPs on its account's path.
//
// Compiled policy sets are cached per principal. IAM is eventually consistent, and so is this:
// a change made through this node invalidates at once (`invalidate()`), a change made through
// another node is seen within CACHE_TTL_MS.

import type { Principal } from '../principal.js';
import type { Services } from '../services.js';
import { compilePolicySet, decide, type CompiledPolicySet, type ContextValue, type Decision } from '../../policy/index.js';
import { accessDenied } from '../../lib/errors.js';
import { loadPolicySet } from './principal-policy-set.js';
import { denialMessage } from './denial-message.js';

export const CACHE_TTL_MS = 2000;
const MAX_ENTRIES = 10_000;

export interface AuthorizationQuery {
  /** `service:Action`, e.g. `identitystore:CreateUser`. */
  readonly action: string;
  /** Every resource the action touches; each must be allowed. */
  readonly resources: readonly string[];
  readonly context: Readonly<Record<string, ContextValue>>;
}

interface Entry {
  readonly compiled: CompiledPolicySet;
  readonly loadedAt: number;
  readonly epoch: number;
}

export class Authorizer {
  private readonly cache = new Map<string, Entry>();
  private epoch = 0;

  constructor(private readonly services: Services) {}

  /** Forget every compiled policy set: policies changed through this node. */
  invalidate(): void {
    this.epoch++;
    this.cache.clear();
  }

  /** The decision for each resource, in order. */
  async decide(principal: Principal, query: AuthorizationQuery): Promise<Decision[]> {
    const compiled = await this.compiled(principal);
    return query.resources.map((resource) =>
      decide(compiled, {
        action: query.action,
        resource,
        principalArn: principal.arn,
        principalAccount: principal.accountId,
        context: query.context,
      }),
    );
  }

  /** Throws AccessDenied, in AWS's words, unless every resource is allowed. */
  async authorize(principal: Principal, query: AuthorizationQuery): Promise<void> {
    const decisions = await this.decide(principal, query);
    const refused = decisions.findIndex((d) => d.decision !== 'Allow');
    if (refused >= 0) {
      throw accessDenied(denialMessage(principal.arn, query.action, query.resources[refused], decisions[refused]));
    }
  }

  private async compiled(principal: Principal): Promise<CompiledPolicySet> {
    const now = this.services.ports.clock.now();
    const key = principal.arn;
    const hit = this.cache.get(key);
    if (hit && hit.epoch === this.epoch && now - hit.loadedAt < CACHE_TTL_MS) return hit.compiled;
    const epoch = this.epoch;
    const compiled = compilePolicySet(await loadPolicySet(this.services, principal));
    if (epoch === this.epoch) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, { compiled, loadedAt: now, epoch });
    }
    return compiled;
  }
}
