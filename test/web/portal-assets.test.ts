// The portal's static assets over real HTTP: each is sent brotli- or gzip-compressed as the
// client accepts, the bytes decompress to the file, every answer varies on Accept-Encoding, and
// a client holding the representation gets a 304 without the bytes.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '../support/server.js';
import { PORTAL_ASSET_FILES } from '../../src/web/portal/portal-assets.js';
import { acceptedCodings, notModified } from '../../src/web/portal/compressed-asset.js';

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A GET that leaves the body as sent (fetch would decompress it). */
const get = (url: string, headers: Record<string, string> = {}): Promise<Raw> =>
  new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject).end();
  });

const file = (name: string) => readFileSync(new URL(`../../src/web/portal/${name}`, import.meta.url));

describe('portal assets, compressed', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.close());

  const url = (name: string) => `${server.endpoint}/start/assets/${name}`;

  for (const asset of PORTAL_ASSET_FILES) {
    test(`${asset.name}: brotli, gzip and identity each decode to the file, with its content type`, async () => {
      const original = file(asset.file);
      const br = await get(url(asset.name), { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.status, 200);
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(br.headers['content-type'], asset.contentType);
      assert.equal(br.headers.vary, 'Accept-Encoding');
      assert.equal(br.headers['x-content-type-options'], 'nosniff');
      assert.ok(br.body.length < original.length, `brotli ${br.body.length} < raw ${original.length}`);
      assert.deepEqual(brotliDecompressSync(br.body), original);

      const gz = await get(url(asset.name), { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gz.headers.vary, 'Accept-Encoding');
      assert.deepEqual(gunzipSync(gz.body), original);

      const plain = await get(url(asset.name));
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.headers.vary, 'Accept-Encoding');
      assert.deepEqual(plain.body, original);

      // Strong validators, one per coding: the bytes differ.
      const tags = [br, gz, plain].map((r) => r.headers.etag as string);
      assert.ok(tags.every((t) => /^"[^"]+"$/.test(t)), tags.join(' '));
      assert.equal(new Set(tags).size, 3);
    });
  }

  test('If-None-Match with the held ETag answers 304 without a body; another ETag gets the bytes', async () => {
    const first = await get(url('portal.css'), { 'accept-encoding': 'br' });
    const etag = first.headers.etag as string;
    const again = await get(url('portal.css'), { 'accept-encoding': 'br', 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);
    assert.equal(again.headers.vary, 'Accept-Encoding');
    const weak = await get(url('portal.css'), { 'accept-encoding': 'br', 'if-none-match': `"other", W/${etag}` });
    assert.equal(weak.status, 304, 'If-None-Match compares weakly and takes a list');
    const stale = await get(url('portal.css'), { 'accept-encoding': 'br', 'if-none-match': '"not-this-one"' });
    assert.equal(stale.status, 200);
    assert.ok(stale.body.length > 0);
    // The brotli ETag does not validate the gzip representation.
    const otherCoding = await get(url('portal.css'), { 'accept-encoding': 'gzip', 'if-none-match': etag });
    assert.equal(otherCoding.status, 200);
    assert.equal(otherCoding.headers['content-encoding'], 'gzip');
  });

  test('a coding refused with q=0 is not used; an unknown asset is a 404', async () => {
    const r = await get(url('portal.js'), { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    assert.equal(r.headers['content-encoding'], 'gzip');
    const none = await get(url('portal.js'), { 'accept-encoding': '*;q=0, identity' });
    assert.equal(none.headers['content-encoding'], undefined);
    assert.equal((await get(url('nope.js'))).status, 404);
    assert.equal((await get(url('..%2Fportal-assets.ts'))).status, 404);
  });
});

describe('Accept-Encoding and If-None-Match parsing', () => {
  test('q-values, wildcards and case', () => {
    assert.deepEqual([...acceptedCodings(undefined)], ['identity']);
    assert.deepEqual([...acceptedCodings('GZIP, Br')].sort(), ['br', 'gzip', 'identity']);
    assert.deepEqual([...acceptedCodings('br;q=0, gzip; q=0.8')].sort(), ['gzip', 'identity']);
    assert.deepEqual([...acceptedCodings('*')].sort(), ['br', 'gzip', 'identity']);
    assert.deepEqual([...acceptedCodings('identity;q=0, br')].sort(), ['br']);
  });

  test('If-None-Match', () => {
    assert.equal(notModified(undefined, '"a"'), false);
    assert.equal(notModified('"a"', '"a"'), true);
    assert.equal(notModified('"b", "a"', '"a"'), true);
    assert.equal(notModified('W/"a"', '"a"'), true);
    assert.equal(notModified('"ab"', '"a"'), false);
    assert.equal(notModified('*', '"a"'), true);
  });
});

describe('the first-load benchmark finds what a page references', () => {
  test('stylesheets, icons, scripts and images, resolved against the page; nothing else', async () => {
    const { referencedAssets } = await import('../../bench/portal-first-load.js');
    const page = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/start/assets/portal.css">
<link rel=preconnect href="https://elsewhere.example"><link rel="icon" href='favicon.svg'>
<script src="/start/assets/portal.js?v=1&amp;x=2" defer></script><script>inline()</script></head>
<body><img alt="" src="logo.png"><img src="data:image/png;base64,AAAA"><a href="/start/other">x</a>
<IMG SRC="/Upper.png"><link rel="stylesheet" href="/start/assets/portal.css"></body></html>`;
    assert.deepEqual(referencedAssets(page, 'http://127.0.0.1:9/start/page'), [
      'http://127.0.0.1:9/start/assets/portal.css',
      'http://127.0.0.1:9/start/favicon.svg',
      'http://127.0.0.1:9/start/assets/portal.js?v=1&x=2',
      'http://127.0.0.1:9/start/logo.png',
      'http://127.0.0.1:9/Upper.png',
    ]);
  });
});
