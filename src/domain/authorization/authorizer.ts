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
import { loadPrincipalFacts } from './principal-policy-set.js';
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
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly outsideOrganization: boolean;
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
    const { compiled, context, outsideOrganization } = await this.entry(principal);
    // Object.assign, not a double spread: V8's spread of two filled objects is several times slower.
    const merged: Record<string, ContextValue> = Object.assign({}, query.context, context);
    // The request context names the organization for every caller; a standalone account's is in none.
    if (outsideOrganization) delete merged['aws:PrincipalOrgID'];
    return query.resources.map((resource) =>
      decide(compiled, {
        action: query.action,
        resource,
        principalArn: principal.arn,
        principalAccount: principal.accountId,
        context: merged,
      }),
    );
  }

  /** Throws AccessDenied, in AWS's words, unless every resource is allowed. */
  async authorize(principal: Principal, query: AuthorizationQuery): Promise<void> {
    if (await this.services.sts.isPrincipalRevoked(principal)) {
      throw accessDenied(`User: ${principal.arn} is not authorized to perform: ${query.action} because its session was revoked`);
    }
    const decisions = await this.decide(principal, query);
    const refused = decisions.findIndex((d) => d.decision !== 'Allow');
    if (refused >= 0) {
      throw accessDenied(denialMessage(principal.arn, query.action, query.resources[refused], decisions[refused]));
    }
  }

  private async entry(principal: Principal): Promise<Entry> {
    const now = this.services.ports.clock.now();
    // Role sessions of one role differ in session policies and tags: one entry per session.
    const key = principal.kind === 'assumed-role' ? principal.accessKeyId : principal.arn;
    const hit = this.cache.get(key);
    if (hit && hit.epoch === this.epoch && now - hit.loadedAt < CACHE_TTL_MS) return hit;
    const epoch = this.epoch;
    const facts = await loadPrincipalFacts(this.services, principal);
    const entry: Entry = { compiled: compilePolicySet(facts.set), context: facts.context, outsideOrganization: facts.outsideOrganization, loadedAt: now, epoch };
    if (epoch === this.epoch) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, entry);
    }
    return entry;
  }
}
