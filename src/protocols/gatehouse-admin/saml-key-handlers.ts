// The instance's SAML signing keys in the admin API: list them, start a rotation (a next key
// that metadata publishes at once), and activate the next key.

import type { ServiceHandlers } from '../operation.js';
import type { SigningKeyRecord } from '../../domain/saml-keys/saml-repository.js';
import { activateSigningKey, createNextSigningKey, listSigningKeys } from '../../domain/saml-keys/saml-signing-keys.js';

const HOUR_MS = 3600_000;
const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

const keyShape = (k: SigningKeyRecord) => ({
  KeyId: k.keyId,
  State: k.state,
  CertificatePem: k.certificatePem,
  NotAfter: new Date(k.notAfter),
  CreatedAt: new Date(k.createdAt),
  ActivateAfter: date(k.activateAfter),
  ActivatedAt: date(k.activatedAt),
  RetiredAt: date(k.retiredAt),
  PublishUntil: date(k.publishUntil),
});

export const SAML_KEY_HANDLERS: ServiceHandlers = {
  async ListSamlSigningKeys(_input, { services: { ports } }) {
    return { SigningKeys: (await listSigningKeys(ports)).map(keyShape) };
  },
  async CreateSamlSigningKey(input, { services: { ports } }) {
    const hours = input.ActivateAfterHours as number | undefined;
    return { SigningKey: keyShape(await createNextSigningKey(ports, hours !== undefined ? { activateAfterMs: hours * HOUR_MS } : {})) };
  },
  async ActivateSamlSigningKey(input, { services: { ports } }) {
    return { SigningKey: keyShape((await activateSigningKey(ports, input.KeyId)).current) };
  },
};
