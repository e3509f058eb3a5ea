// The per-request fast paths in SigV4 verification (bench/sigv4.ts) give the same answers as the
// plain definitions they replace: memoized parses, the scan for header values that need no
// normalizing, the date shape check, the prepared HMAC's 'binary' output, and the comparison
// of a reused scratch buffer against every wrong or malformed signature.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { SignatureV4 } from '@smithy/signature-v4';
import { BoundedMemo } from '../../../src/protocols/sigv4/bounded-memo.js';
import { canonicalHeaders, canonicalRequest } from '../../../src/protocols/sigv4/canonical-request.js';
import { parseAmzDate } from '../../../src/protocols/sigv4/amz-date.js';
import { parseSignature } from '../../../src/protocols/sigv4/parse-signature.js';
import { PreparedHmacKey, SigningKeyCache } from '../../../src/protocols/sigv4/signing-key-cache.js';
import { signingHeaders } from '../../../src/protocols/sigv4/signing-headers.js';
import type { SignableRequest } from '../../../src/protocols/sigv4/signable-request.js';
import { SigV4Failure } from '../../../src/protocols/sigv4/sigv4-failure.js';
import { checkSignature } from '../../../src/protocols/sigv4/verify-signature.js';
import { NodeSha256 } from '../../../src/lib/node-sha256.js';

test('BoundedMemo computes once per key, stays bounded, and forgets nothing that threw', () => {
  let calls = 0;
  const memo = new BoundedMemo((k: string) => {
    calls++;
    if (k === 'bad') throw new Error('bad');
    return { k };
  }, 3);
  const a = memo.get('a');
  assert.equal(memo.get('a'), a);
  memo.get('b');
  assert.equal(memo.get('a'), a, 'a hit after another key still answers the first value');
  assert.equal(calls, 2);
  assert.throws(() => memo.get('bad'));
  assert.throws(() => memo.get('bad'), 'a throwing compute runs (and throws) every time');
  assert.equal(calls, 4);
  for (const k of ['c', 'd', 'e', 'f', 'g']) memo.get(k);
  assert.ok(memo.size <= 3);
  assert.deepEqual(memo.get('a'), { k: 'a' });
});

test('a malformed credential scope or signed-header list is refused every time, not remembered', () => {
  const base = [['host', 'h'], ['x-amz-date', '20260115T120000Z']] as const;
  const auth = (cred: string, signed: string) =>
    `AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=${signed}, Signature=${'0'.repeat(64)}`;
  const req = (a: string): SignableRequest => ({ method: 'POST', path: '/', query: '', headers: [...base, ['authorization', a]], body: Buffer.alloc(0) });
  for (let i = 0; i < 2; i++) {
    assert.throws(() => parseSignature(req(auth('AKID/20260115/us-east-1/sts', 'host'))), (e: unknown) => e instanceof SigV4Failure && e.reason === 'incomplete-signature');
    assert.throws(() => parseSignature(req(auth('AKID/20260115/us-east-1/sts/aws4_request', 'x-amz-date'))), (e: unknown) => e instanceof SigV4Failure && e.reason === 'incomplete-signature');
  }
  const ok = parseSignature(req(auth('AKID/20260115/us-east-1/sts/aws4_request', 'host;x-amz-date')));
  assert.ok(Object.isFrozen(ok.signedHeaders), 'shared lists cannot be changed by a caller');
  assert.deepEqual([...ok.signedHeaders], ['host', 'x-amz-date']);
});

// The definitions the fast paths replace, kept here as the reference.
const referenceNormalize = (v: string) => (/[\t\r\n]| {2}/.test(v) ? v.replace(/[ \t\r\n]+/g, ' ') : v).trim();
const referenceHeaders = (headers: ReadonlyArray<readonly [string, string]>, signed: readonly string[]) =>
  signed.map((name) => `${name}:${headers.filter(([k]) => k.toLowerCase() === name).map(([, v]) => referenceNormalize(v)).join(',')}\n`).join('');

test('canonical header values: the no-work scan agrees with trim-and-collapse on any value', () => {
  const piece = fc.constantFrom(' ', '  ', '\t', '\r\n', 'a', 'Z', '~', '\u00a0', '\ufeff', 'é', '\u2028', ';', '=');
  const value = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('X-Amz-Date', 'x-amz-date', 'host', 'Host', 'x-custom'), value), { maxLength: 6 }), (pairs) => {
      const signed = ['host', 'x-amz-date', 'x-custom'];
      assert.equal(canonicalHeaders(pairs, signed), referenceHeaders(pairs, signed));
    }),
    { numRuns: 2000 },
  );
});

test('the signed-header line is joined afresh for a list that is not one of the frozen shared ones', () => {
  const parts = { method: 'GET', path: '/', query: '', headers: [['host', 'h'], ['a', '1']] as const, payloadHash: 'p', presigned: false };
  const list = ['a', 'host'];
  assert.match(canonicalRequest({ ...parts, signedHeaders: list }), /\na;host\np$/);
  list.pop();
  assert.match(canonicalRequest({ ...parts, signedHeaders: list }), /\na\np$/);
});

test('the one-pass header scan finds the first value of each SigV4 header, in any case', () => {
  const names = ['Authorization', 'authorization', 'X-Amz-Date', 'x-amz-date', 'Date', 'DATE', 'x-amz-security-token', 'X-Amz-Security-Token', 'x-amz-content-sha256', 'X-AMZ-CONTENT-SHA256', 'host', 'x-amz-target', 'dates', 'x-amz-content-sha25x'];
  const first = (headers: ReadonlyArray<readonly [string, string]>, name: string) => headers.find(([k]) => k.toLowerCase() === name)?.[1];
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 4 })), { maxLength: 12 }), (headers) => {
      const found = signingHeaders({ method: 'POST', path: '/', query: '', headers, body: Buffer.alloc(0) });
      assert.deepEqual(found, {
        authorization: first(headers, 'authorization'),
        amzDate: first(headers, 'x-amz-date'),
        date: first(headers, 'date'),
        securityToken: first(headers, 'x-amz-security-token'),
        contentSha256: first(headers, 'x-amz-content-sha256'),
      });
    }),
    { numRuns: 2000 },
  );
});

test('X-Amz-Date: the shape scan accepts exactly what ^\\d{8}T\\d{6}Z$ accepts', () => {
  const ch = fc.constantFrom('0', '1', '2', '5', '9', 'T', 'Z', 'a', ' ', '-', ':', '٣');
  fc.assert(
    fc.property(fc.array(ch, { minLength: 14, maxLength: 18 }).map((c) => c.join('')), (s) => {
      if (!/^\d{8}T\d{6}Z$/.test(s)) assert.equal(parseAmzDate(s), undefined);
    }),
    { numRuns: 5000 },
  );
  assert.equal(parseAmzDate('20260115T120000Z'), Date.UTC(2026, 0, 15, 12, 0, 0));
  assert.equal(parseAmzDate('20240229T235959Z'), Date.UTC(2024, 1, 29, 23, 59, 59));
  for (const bad of ['20260115T120000Z ', ' 20260115T120000Z', '20260115t120000Z', '2026011ST120000Z', '20260115T12000OZ']) {
    assert.equal(parseAmzDate(bad), undefined, bad);
  }
});

test("PreparedHmacKey's 'binary' digest is the HMAC byte for byte", () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.string({ maxLength: 300, unit: 'binary' }), (key, message) => {
      const k = Buffer.from(key);
      assert.equal(Buffer.from(new PreparedHmacKey(k).digestBinary(message), 'binary').toString('hex'), createHmac('sha256', k).update(message).digest('hex'));
    }),
    { numRuns: 500 },
  );
});

test('one PreparedHmacKey stays exact across messages of changing lengths (its reused view)', () => {
  const key = Buffer.alloc(32, 9);
  const prepared = new PreparedHmacKey(key);
  for (const message of ['abc', 'abcd', 'abc', '', 'x'.repeat(200), 'abd', 'y'.repeat(3000), 'abc', 'é'.repeat(40), 'abc']) {
    assert.equal(Buffer.from(prepared.digestBinary(message), 'binary').toString('hex'), createHmac('sha256', key).update(message).digest('hex'), message.slice(0, 8));
  }
});

test('the signature comparison refuses every wrong, short, long or non-hex signature, after a good one', async () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  const signer = new SignatureV4({ credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: secret }, region: 'us-east-1', service: 'sts', sha256: NodeSha256 });
  const r = await signer.sign({ method: 'POST', protocol: 'https:', hostname: 'h.test', path: '/', query: {}, headers: { host: 'h.test' }, body: 'x' }, { signingDate: new Date(Date.UTC(2026, 0, 15)) });
  const req: SignableRequest = { method: 'POST', path: '/', query: '', headers: Object.entries(r.headers as Record<string, string>), body: Buffer.from('x') };
  const keys = new SigningKeyCache();
  const p = parseSignature(req);
  const good = p.signature;
  const flip = (i: number) => good.slice(0, i) + (good[i] === '0' ? '1' : '0') + good.slice(i + 1);
  // Characters just outside the hex ranges, in either case, at both ends of a byte.
  const near = ['/', ':', '@', 'G', '`', 'g', ' ', '\u0130'].flatMap((c) => [`${c}${good.slice(1)}`, `${good.slice(0, 63)}${c}`]);
  const wrong = [flip(0), flip(31), flip(63), good.slice(0, 62), `${good}00`, `${good.slice(0, 62)}zz`, `zz${good.slice(2)}`, 'g'.repeat(64), '', ...near];
  for (const signature of wrong) {
    checkSignature(req, p, secret, keys); // the scratch buffers now hold a matching pair
    assert.throws(() => checkSignature(req, { ...p, signature }, secret, keys), (e: unknown) => e instanceof SigV4Failure && e.reason === 'signature-mismatch', signature);
  }
  assert.throws(() => checkSignature(req, p, 'another secret', keys), (e: unknown) => e instanceof SigV4Failure && e.reason === 'signature-mismatch');
  checkSignature(req, { ...p, signature: good.toUpperCase() }, secret, keys); // hex is case-insensitive, as before
});
