// verifySignature on its own: what the HTTP tests cannot reach (paths other than `/`, the Date
// header, malformed values).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignatureV4 } from '@smithy/signature-v4';
import { parseSignature } from '../../../src/protocols/sigv4/parse-signature.js';
import { SigningKeyCache } from '../../../src/protocols/sigv4/signing-key-cache.js';
import type { SignableRequest } from '../../../src/protocols/sigv4/signable-request.js';
import { SigV4Failure, type SigV4Reason } from '../../../src/protocols/sigv4/sigv4-failure.js';
import { verifySignature } from '../../../src/protocols/sigv4/verify-signature.js';
import { TEST_KEY, TEST_PRINCIPAL, TEST_TIME } from '../support/aws-test-app.js';
import { NodeSha256 } from '../../../src/lib/node-sha256.js';

const ctx = {
  now: TEST_TIME,
  keys: new SigningKeyCache(),
  resolveCredentials: async (id: string) => (id === TEST_KEY.accessKeyId ? { principal: TEST_PRINCIPAL, secretAccessKey: TEST_KEY.secretAccessKey } : undefined),
};

const signer = new SignatureV4({ credentials: TEST_KEY, region: 'us-east-1', service: 'sts', sha256: NodeSha256 });

const signed = async (path: string, headers: Record<string, string> = {}): Promise<SignableRequest> => {
  const r = await signer.sign({ method: 'POST', protocol: 'https:', hostname: 'h.test', path, query: {}, headers: { host: 'h.test', ...headers }, body: 'Action=GetCallerIdentity' }, { signingDate: new Date(TEST_TIME) });
  return { method: 'POST', path, query: '', headers: Object.entries(r.headers as Record<string, string>), body: Buffer.from('Action=GetCallerIdentity') };
};

const refused = async (req: SignableRequest, reason: SigV4Reason) => {
  await assert.rejects(verifySignature(req, parseSignature(req), ctx), (e: unknown) => e instanceof SigV4Failure && e.reason === reason);
};

test('a path other than the one signed is refused', async () => {
  const req = await signed('/a/b');
  assert.equal((await verifySignature(req, parseSignature(req), ctx)).principal, TEST_PRINCIPAL);
  await refused({ ...req, path: '/a/c' }, 'signature-mismatch');
});

test('paths are encoded once more, as the SDKs sign them', async () => {
  const req = await signed('/some%20thing/x');
  assert.ok(await verifySignature(req, parseSignature(req), ctx));
});

test('a malformed signature or payload hash is refused, never thrown past the failure type', async () => {
  const req = await signed('/');
  const auth = req.headers.find(([k]) => k === 'authorization')![1];
  await refused({ ...req, headers: req.headers.map(([k, v]) => [k, k === 'authorization' ? auth.replace(/Signature=\w+/, 'Signature=zz') : v] as const) }, 'signature-mismatch');
  const withHash = await signed('/', { 'x-amz-content-sha256': 'not-a-hash' });
  await refused(withHash, 'incomplete-signature');
});

test('a Date header stands in for X-Amz-Date', async () => {
  // Built by hand: the SDK always sends X-Amz-Date.
  const req = await signed('/');
  const date = req.headers.find(([k]) => k === 'x-amz-date')![1];
  const httpDate = new Date(TEST_TIME).toUTCString();
  const headers = req.headers.filter(([k]) => k !== 'x-amz-date').concat([['date', httpDate]]);
  const p = parseSignature({ ...req, headers });
  assert.equal(p.amzDate, date);
  assert.equal(p.time, TEST_TIME);
});

test('impossible dates are malformed', async () => {
  const req = await signed('/');
  for (const bad of ['20260230T120000Z', '20261301T000000Z', '20260101T250000Z', '2026-01-01T00:00:00Z']) {
    const headers = req.headers.map(([k, v]) => [k, k === 'x-amz-date' ? bad : v] as const);
    assert.throws(() => parseSignature({ ...req, headers }), (e: unknown) => e instanceof SigV4Failure && e.reason === 'incomplete-signature');
  }
});
