// /start is sent compressed when it echoes nothing from the request, and as it is when it does
// (?q=): a secret (the CSRF token) beside attacker-chosen text must never share a compressed body.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '../support/server.js';
import { Browser, signIn } from '../support/browser.js';
import { DEMO_USERS } from '../../src/server/demo/demo-data.js';
import { encodePage } from '../../src/web/portal/compressed-page.js';

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

const get = (url: string, headers: Record<string, string>): Promise<Raw> =>
  new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject).end();
  });

describe('/start compression', () => {
  let server: TestServer;
  let cookie: string;

  before(async () => {
    server = await startTestServer({ demo: true, mfaMode: 'off' });
    const browser = new Browser(server.endpoint);
    const page = await signIn(browser, await browser.go('/start'), { ...DEMO_USERS[0] });
    assert.equal(page.status, 200);
    cookie = [...browser.cookies()].map(([k, v]) => `${k}=${v}`).join('; ');
  });
  after(async () => server?.close());

  test('without ?q= the page is sent br or gzip as accepted, decoding to the plain page, with Vary and the same CSP', async () => {
    const plain = await get(`${server.endpoint}/start`, { cookie });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.body.toString(), /id="account-count"/);
    const br = await get(`${server.endpoint}/start`, { cookie, 'accept-encoding': 'gzip, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(br.headers['cache-control'], 'no-store');
    assert.equal(br.headers['content-security-policy'], plain.headers['content-security-policy']);
    assert.equal(br.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(brotliDecompressSync(br.body).toString(), plain.body.toString());
    const gz = await get(`${server.endpoint}/start`, { cookie, 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), plain.body.toString());
  });

  test('with ?q= (input echoed into the page) it is never compressed', async () => {
    const r = await get(`${server.endpoint}/start?q=prod`, { cookie, 'accept-encoding': 'gzip, br' });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], undefined);
    assert.match(r.body.toString(), /value="prod"/);
  });

  test('encodePage leaves small pages and clients that accept nothing alone', () => {
    assert.deepEqual(encodePage('<p>hi</p>', 'br'), { body: '<p>hi</p>', headers: { vary: 'Accept-Encoding' } });
    const big = '<li>account</li>'.repeat(500);
    assert.equal(encodePage(big, undefined).body, big);
    assert.equal(encodePage(big, 'br;q=0, gzip;q=0').body, big);
    const br = encodePage(big, 'br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.body as Buffer).toString(), big);
  });
});
