import { createHmac, hash } from 'node:crypto';
import { opsPerSecond } from './bench/result.js';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from './test/protocols/support/node-sha256.js';
import { parseSignature } from './src/protocols/sigv4/parse-signature.js';
import { canonicalRequest } from './src/protocols/sigv4/canonical-request.js';
import { headerPairs } from './src/protocols/sigv4/signable-request.js';
const body = JSON.stringify({ IdentityStoreId: 'd-1234567890', UserId: 'a1b2c3d4-1234-1234-1234-123456789012' });
const signer = new SignatureV4({ credentials: { accessKeyId: 'AKIAGATEHOUSEBENCH01', secretAccessKey: 'x' }, region: 'us-east-1', service: 'identitystore', sha256: NodeSha256 });
const signed = await signer.sign({ method: 'POST', protocol: 'https:', hostname: 'g.example.com', path: '/', query: {}, headers: { host: 'g.example.com', 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSIdentityStore.DescribeUser', 'x-amz-user-agent': 'aws-sdk-js/3.1138.0', 'amz-sdk-invocation-id': '6c2b0f3e-3f0b-4a51-9b8e-0d3b8c2f5a11', 'amz-sdk-request': 'attempt=1; max=3', 'content-length': String(body.length) }, body }, { signingDate: new Date() });
const req = { method: 'POST', path: '/', query: '', headers: headerPairs(Object.entries(signed.headers as Record<string,string>).flat()), body: Buffer.from(body) };
const p = parseSignature(req);
const key = Buffer.alloc(32, 1);
const creq = canonicalRequest({ method: 'POST', path: '/', query: '', headers: req.headers, signedHeaders: p.signedHeaders, payloadHash: 'a'.repeat(64), presigned: false });
console.log(creq.length, p.signedHeaders);
const r = (n: string, f: () => void) => console.log(n.padEnd(12), Math.round(opsPerSecond(f, 400)));
for (let k = 0; k < 2; k++) {
r('hmac', () => { createHmac('sha256', key).update('x'.repeat(120)).digest(); });
r('parse', () => { parseSignature(req); });
r('canonical', () => { canonicalRequest({ method: 'POST', path: '/', query: '', headers: req.headers, signedHeaders: p.signedHeaders, payloadHash: 'a'.repeat(64), presigned: false }); });
r('hash body', () => { hash('sha256', req.body, 'hex'); });
r('hash creq', () => { hash('sha256', creq, 'hex'); });
r('hexcheck', () => { /^[0-9a-f]{64}$/.test(p.signature) && Buffer.from(p.signature, 'hex'); });
}
