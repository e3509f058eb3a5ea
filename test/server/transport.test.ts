// HTTPS and reverse proxies through the real SDK: Gatehouse serving TLS itself answers
// `aws:SecureTransport` true; plain HTTP answers false; behind a trusted proxy the proxy's
// X-Forwarded-For and X-Forwarded-Proto decide `aws:SourceIp` and `aws:SecureTransport`, and the
// same headers from anyone else change nothing. A policy that needs HTTPS and one source range
// is the witness: allowed or AccessDenied.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Agent } from 'node:https';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IdentitystoreClient, ListUsersCommand } from '@aws-sdk/client-identitystore';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';
import { createSelfSignedCertificate } from '../../src/domain/saml-keys/self-signed-certificate.js';

const SOURCE_RANGE = '203.0.113.0/24';
const FORWARDED = { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' };

/**
 * A user who may list users only over HTTPS (and, with `fromRange`, only from SOURCE_RANGE);
 * answers its client options.
 */
const httpsOnlyUser = async (server: TestServer, userName: string, fromRange: boolean) => {
  const services = server.server.services;
  const { ownerAccountId } = await services.instance.get();
  await services.iam.createIamUser(ownerAccountId, { userName });
  const condition = { Bool: { 'aws:SecureTransport': 'true' }, ...(fromRange ? { IpAddress: { 'aws:SourceIp': SOURCE_RANGE } } : {}) };
  await services.iam.putUserPolicy(ownerAccountId, userName, 'https-only', JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'identitystore:ListUsers', Resource: '*', Condition: condition }],
  }));
  const key = await services.iam.createUserAccessKey(ownerAccountId, userName);
  return { region: server.region, credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } };
};

/** Adds headers to every request the client sends, after signing (as a proxy would). */
const withHeaders = <C extends IdentitystoreClient>(client: C, headers: Record<string, string>): C => {
  client.middlewareStack.add((next) => async (args) => {
    Object.assign((args.request as { headers: Record<string, string> }).headers, headers);
    return next(args);
  }, { step: 'finalizeRequest', priority: 'low' });
  return client;
};

const listUsers = async (client: IdentitystoreClient, server: TestServer) =>
  client.send(new ListUsersCommand({ IdentityStoreId: (await server.server.services.instance.get()).identityStoreId }));

describe('HTTPS served by Gatehouse', () => {
  let server: TestServer;
  let ca: string;
  before(async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = Date.now();
    const cert = createSelfSignedCertificate({ publicKey, privateKey, commonName: 'localhost', notBefore: now - 60_000, notAfter: now + 3_600_000, serial: randomBytes(8) });
    ca = cert.toString();
    server = await startTestServer({ tls: { cert: ca, key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string } });
  });
  after(() => server?.close());

  // The certificate names localhost; the server listens on 127.0.0.1.
  const tls = () => ({ requestHandler: { httpsAgent: new Agent({ ca, servername: 'localhost', checkServerIdentity: () => undefined }) } });

  test('listens on https and the SDK talks to it', async () => {
    assert.match(server.endpoint, /^https:\/\/127\.0\.0\.1:\d+$/);
    const sts = new STSClient({ ...server.clientConfig, ...tls() });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.match(me.Arn!, /:user\/admin$/);
  });

  test('aws:SecureTransport is true over its own TLS; aws:SourceIp is the peer', async () => {
    const anywhere = await httpsOnlyUser(server, 'tls-anywhere', false);
    assert.ok(Array.isArray((await listUsers(new IdentitystoreClient({ ...anywhere, endpoint: server.endpoint, ...tls() }), server)).Users));
    const user = await httpsOnlyUser(server, 'tls-from-range', true);
    // Over TLS from 127.0.0.1: secure, but outside the range.
    await assert.rejects(listUsers(new IdentitystoreClient({ ...user, endpoint: server.endpoint, ...tls() }), server), awsError('AccessDeniedException'));
    // Forwarded headers from an untrusted peer (no proxy is trusted here) change nothing.
    const forged = withHeaders(new IdentitystoreClient({ ...user, endpoint: server.endpoint, ...tls() }), FORWARDED);
    await assert.rejects(listUsers(forged, server), awsError('AccessDeniedException'));
  });
});

describe('plain HTTP behind a trusted reverse proxy', () => {
  let server: TestServer;
  let proxy: Server;
  let proxyUrl: string;
  before(async () => {
    // The proxy reaches Gatehouse from 127.0.0.2, the only address Gatehouse trusts.
    server = await startTestServer({ trustProxy: ['127.0.0.2'] });
    const upstream = new URL(server.endpoint);
    proxy = createServer((req, res) => {
      const up = httpRequest(
        { host: upstream.hostname, port: upstream.port, localAddress: '127.0.0.2', method: req.method, path: req.url, headers: { ...req.headers, ...FORWARDED } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(up);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    await server?.close();
  });

  test("through the proxy, its X-Forwarded-For and -Proto are the caller's address and TLS", async () => {
    const user = await httpsOnlyUser(server, 'tls-from-range', true);
    const listed = await listUsers(new IdentitystoreClient({ ...user, endpoint: proxyUrl }), server);
    assert.ok(Array.isArray(listed.Users));

    // Straight to Gatehouse with the same headers, from 127.0.0.1: not a trusted proxy.
    const forged = withHeaders(new IdentitystoreClient({ ...user, endpoint: server.endpoint }), FORWARDED);
    await assert.rejects(listUsers(forged, server), awsError('AccessDeniedException'));
    // Plain HTTP is not secure transport, wherever it comes from.
    const anywhere = await httpsOnlyUser(server, 'tls-anywhere', false);
    await assert.rejects(listUsers(new IdentitystoreClient({ ...anywhere, endpoint: server.endpoint }), server), awsError('AccessDeniedException'));
    assert.ok(Array.isArray((await listUsers(new IdentitystoreClient({ ...anywhere, endpoint: proxyUrl }), server)).Users));
  });
});
