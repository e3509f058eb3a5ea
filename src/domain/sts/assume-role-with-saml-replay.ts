// Each assertion is accepted once while it is valid, on every node: the memory of used
// assertions is a table shared by all nodes, keyed by a digest of (provider, issuer, assertion
// id) with a unique constraint, so of two nodes presented the same assertion one inserts and the
// other is refused. Entries go once their assertion could no longer be accepted anyway.

import { createHash } from 'node:crypto';
import type { Ports } from '../ports.js';

export interface AssertionIdentity {
  readonly providerArn: string;
  readonly issuer: string;
  readonly assertionId: string;
}

const replayKey = (a: AssertionIdentity): string =>
  createHash('sha256').update(`${a.providerArn}\n${a.issuer}\n${a.assertionId}`).digest('hex');

/** Records the assertion as used until `until` (epoch ms); false when it was used already. */
export const claimAssertionOnce = (ports: Ports, assertion: AssertionIdentity, until: number): Promise<boolean> =>
  ports.store.saml.claimAssertion(replayKey(assertion), until, ports.clock.now());
