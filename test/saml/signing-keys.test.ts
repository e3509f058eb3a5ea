// The instance's SAML signing keys on both back ends: created once on first use however many
// callers race; a rotation publishes the next key at once; activation (by hand, or on its own
// when due) makes it current and keeps the old key published until its time is up; wrong
// activations are refused with their reason.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import { openDomainFixture, type DomainFixture } from '../support/domain-fixture.js';
import {
  activateSigningKey,
  createNextSigningKey,
  listSigningKeys,
  publishedCertificates,
  RETIRED_PUBLISH_MS,
  signingKeySet,
} from '../../src/domain/saml-keys/saml-signing-keys.js';
import { openIdpSigningKey } from '../../src/saml/idp-signing-key.js';

const START = Date.UTC(2026, 10, 28, 12, 0, 0);
const HOUR = 3600_000;

for (const backend of BACKENDS) {
  describe(`SAML signing keys (${backend.name})`, () => {
    let fx: DomainFixture;
    before(async () => {
      fx = await openDomainFixture(backend, START);
    });
    after(() => fx?.dispose());

    it('first use by many racing callers creates exactly one current key, sealed at rest', async () => {
      const sets = await Promise.all(Array.from({ length: 6 }, () => signingKeySet(fx.ports)));
      assert.equal(new Set(sets.map((s) => s.current.keyId)).size, 1);
      const keys = await fx.store.saml.listSigningKeys();
      assert.equal(keys.length, 1);
      assert.match(keys[0]!.sealedPrivateKey, /^gh1\./);
      assert.doesNotMatch(keys[0]!.sealedPrivateKey, /PRIVATE KEY/);
      assert.equal(openIdpSigningKey(fx.ports.keyRing, keys[0]!).privateKey.asymmetricKeyType, 'rsa');
    });

    it('rotation: the next key is published at once; a second rotation is refused until it is active', async () => {
      const before = await signingKeySet(fx.ports);
      const next = await createNextSigningKey(fx.ports, { activateAfterMs: 48 * HOUR });
      const set = await signingKeySet(fx.ports);
      assert.equal(set.current.keyId, before.current.keyId);
      assert.equal(set.next?.keyId, next.keyId);
      assert.deepEqual(publishedCertificates(set), [before.current.certificatePem, next.certificatePem]);
      await assert.rejects(createNextSigningKey(fx.ports), { code: 'Conflict' });
    });

    it('activation makes the next key current and keeps the old one published for a while', async () => {
      const before = await signingKeySet(fx.ports);
      await assert.rejects(activateSigningKey(fx.ports, before.current.keyId), { code: 'InvalidState' });
      await assert.rejects(activateSigningKey(fx.ports, 'feedface'), { code: 'NotFound' });
      const after = await activateSigningKey(fx.ports, before.next!.keyId);
      assert.equal(after.current.keyId, before.next!.keyId);
      assert.equal(after.next, undefined);
      assert.deepEqual(after.retired.map((k) => k.keyId), [before.current.keyId]);
      assert.equal(publishedCertificates(after).length, 2);
      fx.clock.advance(RETIRED_PUBLISH_MS + 1);
      const later = await signingKeySet(fx.ports);
      assert.deepEqual(publishedCertificates(later), [after.current.certificatePem]);
      assert.equal((await listSigningKeys(fx.ports)).length, 1, 'the expired key is deleted');
    });

    it('a next key activates on its own once its publish period is over, once however many callers race', async () => {
      const current = (await signingKeySet(fx.ports)).current;
      const next = await createNextSigningKey(fx.ports, { activateAfterMs: 2 * HOUR });
      fx.clock.advance(HOUR);
      assert.equal((await signingKeySet(fx.ports)).current.keyId, current.keyId);
      fx.clock.advance(HOUR);
      const sets = await Promise.all(Array.from({ length: 4 }, () => signingKeySet(fx.ports)));
      for (const s of sets) assert.equal(s.current.keyId, next.keyId);
      const keys = await fx.store.saml.listSigningKeys();
      assert.deepEqual(keys.map((k) => k.state).sort(), ['current', 'retired']);
    });

    it('two activations of one key race: one wins, the other is told', async () => {
      const next = await createNextSigningKey(fx.ports);
      const results = await Promise.allSettled([activateSigningKey(fx.ports, next.keyId), activateSigningKey(fx.ports, next.keyId)]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.equal(lost.reason.code, 'InvalidState');
      assert.equal((await signingKeySet(fx.ports)).current.keyId, next.keyId);
    });
  });
}
