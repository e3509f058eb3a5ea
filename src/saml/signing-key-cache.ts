// Opening a sealed key costs a decryption and a PEM parse: keep opened keys per key ring, by
// key id (a key id names one key for good, so an entry never goes stale).

import type { KeyRing } from '../lib/key-ring.js';
import { openIdpSigningKey, type SigningKey, type StoredSigningKey } from '../domain/saml-keys/signing-key-material.js';

const opened = new WeakMap<KeyRing, Map<string, SigningKey>>();

export function openSigningKeyCached(keyRing: KeyRing, stored: StoredSigningKey): SigningKey {
  let byId = opened.get(keyRing);
  if (!byId) opened.set(keyRing, (byId = new Map()));
  let key = byId.get(stored.keyId);
  if (!key) byId.set(stored.keyId, (key = openIdpSigningKey(keyRing, stored)));
  return key;
}
