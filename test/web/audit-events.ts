// Reading what the audit log kept, for the tests of people's events: every page, oldest first,
// and checks that an event is in a given order and says nothing it must not.

import assert from 'node:assert/strict';
import type { AuditEvent } from '../../src/domain/audit/audit-event.js';
import type { AuditLookup } from '../../src/domain/audit/audit-log.js';
import type { Services } from '../../src/domain/services.js';

/** Every event the lookup matches, oldest first. */
export async function auditEvents(services: Services, query: Omit<AuditLookup, 'nextToken' | 'maxResults'>): Promise<AuditEvent[]> {
  const all: AuditEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await services.audit.lookup({ ...query, ...(nextToken ? { nextToken } : {}) });
    all.push(...page.events);
    nextToken = page.nextToken;
  } while (nextToken);
  return all.reverse();
}

/** A short signature of an event: its name, and how it ended. */
export const signature = (e: AuditEvent, detail?: string): string =>
  `${e.eventName}${detail ? `:${detail}` : ''}:${e.errorCode ?? 'ok'}`;

/**
 * The events are exactly `expected` (signatures), in that order as far as the clock tells
 * (events of one request may share a millisecond, whose order the log does not keep).
 */
export function assertInOrder(events: readonly AuditEvent[], sign: (e: AuditEvent) => string, expected: readonly string[]): Map<string, AuditEvent> {
  assert.deepEqual(events.map(sign).sort(), [...expected].sort(), `events: ${events.map(sign).join(', ')}`);
  const bySignature = new Map(events.map((e) => [sign(e), e]));
  assert.equal(bySignature.size, expected.length, 'each expected event once');
  for (let i = 1; i < expected.length; i++) {
    assert.ok(bySignature.get(expected[i - 1]!)!.eventTime <= bySignature.get(expected[i]!)!.eventTime, `${expected[i - 1]} before ${expected[i]}`);
  }
  return bySignature;
}

/** None of `secrets` appears anywhere in the stored events. */
export function assertNoSecrets(events: readonly AuditEvent[], secrets: readonly string[]): void {
  const json = JSON.stringify(events);
  for (const s of secrets) assert.ok(s.length >= 8 && !json.includes(s), `a secret (${s.slice(0, 4)}…) is in the audit log`);
}
