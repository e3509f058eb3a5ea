// `--tls-cert`/`--tls-key` and `--trust-proxy`: what is accepted, and refusals that name the
// option (a server that starts on a broken TLS identity, or trusts anyone's X-Forwarded-For,
// would fail later and quietly).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseServeArgs } from '../../src/server/config.js';
import { createSelfSignedCertificate } from '../../src/domain/saml-keys/self-signed-certificate.js';

let dir: string;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const keyPair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = createSelfSignedCertificate({ publicKey, privateKey, commonName: 'gatehouse.test', notBefore: 0, notAfter: Date.now() + 3_600_000, serial: randomBytes(8) });
  return { cert: cert.toString(), key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
};

before(() => (dir = mkdtempSync(join(tmpdir(), 'gatehouse-tls-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

test('TLS: both files, from flags or the environment, read as PEM', () => {
  const { cert, key } = keyPair();
  const [certFile, keyFile] = [file('cert.pem', cert), file('key.pem', key)];
  assert.equal(parseServeArgs([], {}).tls, undefined);
  assert.deepEqual(parseServeArgs(['--tls-cert', certFile, '--tls-key', keyFile], {}).tls, { cert, key });
  assert.deepEqual(parseServeArgs([], { GATEHOUSE_TLS_CERT: certFile, GATEHOUSE_TLS_KEY: keyFile }).tls, { cert, key });
});

test('TLS: one file alone, an unreadable file, or a key that is not the certificate\'s is refused', () => {
  const a = keyPair();
  const b = keyPair();
  const certFile = file('a-cert.pem', a.cert);
  assert.throws(() => parseServeArgs(['--tls-cert', certFile], {}), /both --tls-cert and --tls-key/);
  assert.throws(() => parseServeArgs(['--tls-cert', certFile, '--tls-key', join(dir, 'missing.pem')], {}), /--tls-key: cannot read .*missing\.pem \(ENOENT\)/);
  assert.throws(() => parseServeArgs(['--tls-cert', certFile, '--tls-key', file('b-key.pem', b.key)], {}), /--tls-cert and --tls-key do not make a usable TLS identity/);
  assert.throws(() => parseServeArgs(['--tls-cert', file('junk.pem', 'not a certificate'), '--tls-key', file('a-key.pem', a.key)], {}), /usable TLS identity/);
});

test('trust-proxy: addresses, CIDR ranges and named ranges; nothing that trusts everyone', () => {
  assert.equal(parseServeArgs([], {}).trustProxy, undefined);
  assert.deepEqual(parseServeArgs(['--trust-proxy', '10.0.0.0/8, 192.168.1.7,fd00::/8'], {}).trustProxy, ['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
  assert.deepEqual(parseServeArgs([], { GATEHOUSE_TRUST_PROXY: 'loopback,uniquelocal' }).trustProxy, ['loopback', 'uniquelocal']);
  for (const bad of ['true', '*', '2', '0.0.0.0/33', '10.0.0.1/8/1', 'proxy.example.com', '10.0.0.0/x', '::1/129', '0.0.0.0/0', '::/0']) {
    assert.throws(() => parseServeArgs(['--trust-proxy', bad], {}), /--trust-proxy must list addresses and CIDR ranges/, bad);
  }
});
