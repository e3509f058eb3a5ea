import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { PreparedHmacKey, SigningKeyCache, deriveSigningKey } from '../../../src/protocols/sigv4/signing-key-cache.js';

test('PreparedHmacKey is HMAC-SHA256 for short, long, non-ASCII messages and long keys', () => {
  for (const key of [Buffer.alloc(32, 7), Buffer.alloc(100, 3), Buffer.from('k')]) {
    const prepared = new PreparedHmacKey(key);
    for (const message of ['', 'abc', 'x'.repeat(170), 'y'.repeat(5000), 'région ሴ'.repeat(80)]) {
      assert.deepEqual(prepared.digest(message), createHmac('sha256', key).update(message).digest());
    }
  }
});

test('AWS documentation example signing key', () => {
  // docs.aws.amazon.com "Examples of how to derive a signing key for Signature Version 4".
  const key = deriveSigningKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20120215', 'us-east-1', 'iam');
  assert.equal(key.toString('hex'), 'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d');
});

test('the cache is bounded and answers the same prepared key for the same scope', () => {
  const cache = new SigningKeyCache(2);
  const a = cache.get('s1', '20260101', 'us-east-1', 'sts');
  assert.equal(cache.get('s1', '20260101', 'us-east-1', 'sts'), a);
  assert.notEqual(cache.get('s1', '20260102', 'us-east-1', 'sts'), a);
  cache.get('s2', '20260101', 'us-east-1', 'sts');
  cache.get('s3', '20260101', 'us-east-1', 'sts');
  assert.equal(cache.size, 2);
});
