// The lifecycle of the instance's SAML signing keys. One key is current (it signs); a rotation
// adds a `next` key that metadata publishes at once, so service providers learn it before it
// signs; activation (by an operator, or on its own once `activateAfter` passes) makes it current
// and retires the old key, which metadata keeps publishing for a while. Every step is safe when
// nodes race: the store settles who wins, the losers read the winner's keys.

import type { Ports } from '../ports.js';
import { GatehouseError, notFound } from '../../lib/errors.js';
import type { SigningKeyRecord } from './saml-repository.js';
import { generateIdpSigningKey } from './signing-key-material.js';

const DAY_MS = 24 * 3600 * 1000;
/** How long a rotation's next key is published before it activates on its own. */
export const DEFAULT_ACTIVATE_AFTER_MS = 7 * DAY_MS;
/** How long a retired key stays in metadata (service providers cache metadata). */
export const RETIRED_PUBLISH_MS = 7 * DAY_MS;
const COMMON_NAME = 'Gatehouse SAML signing';

export interface SigningKeySet {
  readonly current: SigningKeyRecord;
  readonly next?: SigningKeyRecord;
  /** Retired keys still published. */
  readonly retired: readonly SigningKeyRecord[];
}

const newKey = (ports: Ports, state: 'current' | 'next', now: number, activateAfter?: number): SigningKeyRecord => ({
  ...generateIdpSigningKey(ports.keyRing, { commonName: COMMON_NAME, now }),
  state,
  createdAt: now,
  ...(state === 'current' ? { activatedAt: now } : { activateAfter: activateAfter ?? now + DEFAULT_ACTIVATE_AFTER_MS }),
});

const setOf = (keys: readonly SigningKeyRecord[], now: number): SigningKeySet | undefined => {
  const current = keys.find((k) => k.state === 'current');
  if (!current) return undefined;
  const next = keys.find((k) => k.state === 'next');
  const retired = keys.filter((k) => k.state === 'retired' && (k.publishUntil ?? 0) > now);
  return { current, ...(next ? { next } : {}), retired };
};

const activate = (ports: Ports, keyId: string, now: number) => ports.store.saml.activateSigningKey(keyId, now, now + RETIRED_PUBLISH_MS);

/** The keys as of now: creates the first key on first use, activates a next key that is due. */
export async function signingKeySet(ports: Ports): Promise<SigningKeySet> {
  const now = ports.clock.now();
  const repo = ports.store.saml;
  let keys = await repo.listSigningKeys();
  const due = keys.find((k) => k.state === 'next' && k.activateAfter !== undefined && k.activateAfter <= now);
  if (due) {
    await activate(ports, due.keyId, now);
    keys = await repo.listSigningKeys();
  }
  if (keys.some((k) => k.state === 'retired' && (k.publishUntil ?? 0) <= now)) await repo.deleteExpiredSigningKeys(now);
  const set = setOf(keys, now);
  if (set) return set;
  // First use: whichever node inserts first wins; the others read its key.
  await repo.insertSigningKey(newKey(ports, 'current', now));
  const created = setOf(await repo.listSigningKeys(), now);
  if (!created) throw new GatehouseError('InvalidState', 'No SAML signing key could be created.');
  return created;
}

/** The certificates metadata publishes: current first, then next, then retired ones. */
export const publishedCertificates = (set: SigningKeySet): string[] =>
  [set.current, ...(set.next ? [set.next] : []), ...set.retired].map((k) => k.certificatePem);

/** Starts a rotation: a next key, published now, current from `activateAfterMs` on. */
export async function createNextSigningKey(ports: Ports, opts: { readonly activateAfterMs?: number } = {}): Promise<SigningKeyRecord> {
  await signingKeySet(ports);
  const now = ports.clock.now();
  const key = newKey(ports, 'next', now, now + (opts.activateAfterMs ?? DEFAULT_ACTIVATE_AFTER_MS));
  if (!(await ports.store.saml.insertSigningKey(key))) {
    throw new GatehouseError('Conflict', 'A next signing key exists already: activate it before rotating again.', { resource: 'SamlSigningKey', reason: 'NEXT_KEY_EXISTS' });
  }
  return key;
}

/** Makes the next key `keyId` current now; the current key retires. */
export async function activateSigningKey(ports: Ports, keyId: string): Promise<SigningKeySet> {
  const keys = await ports.store.saml.listSigningKeys();
  const key = keys.find((k) => k.keyId === keyId);
  if (!key) throw notFound('SamlSigningKey', `There is no SAML signing key ${keyId}.`, { resourceId: keyId, field: 'KeyId' });
  if (key.state !== 'next') {
    throw new GatehouseError('InvalidState', `Signing key ${keyId} is ${key.state}; only the next key can be activated.`, { resource: 'SamlSigningKey', resourceId: keyId, field: 'KeyId' });
  }
  if (!(await activate(ports, keyId, ports.clock.now()))) {
    throw new GatehouseError('InvalidState', `Signing key ${keyId} is no longer the next key.`, { resource: 'SamlSigningKey', resourceId: keyId, field: 'KeyId' });
  }
  return signingKeySet(ports);
}

/** Every key still known (current, next, retired), newest first. */
export async function listSigningKeys(ports: Ports): Promise<SigningKeyRecord[]> {
  await signingKeySet(ports);
  return ports.store.saml.listSigningKeys();
}
