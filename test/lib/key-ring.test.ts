import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { KeyRing, parseKeyRingSpec } from '../../src/lib/key-ring.js';

const key = () => randomBytes(32);

test('a sealed value opens to the plaintext and does not contain it', () => {
  const ring = new KeyRing([{ id: 'k1', key: key() }]);
  const sealed = ring.seal('wJalrXUtnFEMI/K7MDENG', 'ctx');
  assert.ok(!sealed.includes('wJalrXUtnFEMI'));
  assert.equal(ring.openString(sealed, 'ctx'), 'wJalrXUtnFEMI/K7MDENG');
});

test('sealing twice gives different ciphertexts (fresh IV)', () => {
  const ring = new KeyRing([{ id: 'k1', key: key() }]);
  assert.notEqual(ring.seal('same'), ring.seal('same'));
});

test('a tampered value, a wrong context or an unknown key is refused', () => {
  const ring = new KeyRing([{ id: 'k1', key: key() }]);
  const sealed = ring.seal('secret', 'a');
  // Flip a character inside the ciphertext (the last one may only carry padding bits).
  const at = sealed.length - 10;
  const flipped = sealed[at] === 'A' ? 'B' : 'A';
  assert.throws(() => ring.open(`${sealed.slice(0, at)}${flipped}${sealed.slice(at + 1)}`, 'a'));
  assert.throws(() => ring.open(sealed, 'b'));
  assert.throws(() => new KeyRing([{ id: 'k2', key: key() }]).open(sealed, 'a'), /unknown/);
});

test('rotation: the first key seals, every key in the ring still opens', () => {
  const old = { id: 'old', key: key() };
  const sealedWithOld = new KeyRing([old]).seal('v');
  const rotated = new KeyRing([{ id: 'new', key: key() }, old]);
  assert.equal(rotated.openString(sealedWithOld), 'v');
  assert.match(rotated.seal('v'), /^gh1\.new\./);
});

test('key ring specs: one bare key, or id:key pairs; keys must be 32 bytes', () => {
  const a = key().toString('base64');
  assert.deepEqual(parseKeyRingSpec(a).map((k) => k.id), ['k0']);
  assert.deepEqual(parseKeyRingSpec(`x:${a},y:${a}`).map((k) => k.id), ['x', 'y']);
  assert.throws(() => new KeyRing(parseKeyRingSpec(randomBytes(16).toString('base64'))), /32 bytes/);
  assert.throws(() => new KeyRing([]), /at least one/);
});
