// The console cookie's attributes: HttpOnly and SameSite=Lax always; Secure with the __Host-
// prefix (bound to this origin) over https and any non-loopback host (a TLS-terminating proxy);
// on plain-http loopback neither, since browsers would drop the cookie.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearConsoleCookie, readConsoleCookie, setConsoleCookie } from '../../src/web/console/console-cookie.js';

const request = (protocol: 'http' | 'https', host: string, cookie = '') => ({ protocol, headers: { host, cookie } }) as unknown as FastifyRequest;
const reply = () => {
  const headers: Record<string, string> = {};
  return { headers, header: (k: string, v: string) => ((headers[k] = v), undefined) } as unknown as FastifyReply & { headers: Record<string, string> };
};

test('over https, and over http to a non-loopback host: __Host- prefix, Secure, HttpOnly, SameSite=Lax, the session lifetime', () => {
  for (const protocol of ['https', 'http'] as const) {
    const r = reply();
    setConsoleCookie(request(protocol, 'gatehouse.example.com'), r, 'sealed', 3599.7);
    assert.equal(r.headers['set-cookie'], '__Host-gatehouse_console=sealed; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=3599', protocol);
  }
  assert.equal(readConsoleCookie(request('https', 'gatehouse.example.com', 'a=1; __Host-gatehouse_console=sealed')), 'sealed');
  // The plain name is not read there: a cookie planted without the prefix does not count.
  assert.equal(readConsoleCookie(request('https', 'gatehouse.example.com', 'gatehouse_console=planted')), undefined);
});

test('over plain-http loopback: no Secure, no prefix; clearing sets Max-Age=0', () => {
  const r = reply();
  setConsoleCookie(request('http', '127.0.0.1:8080'), r, 'sealed', 60);
  assert.equal(r.headers['set-cookie'], 'gatehouse_console=sealed; Path=/; HttpOnly; SameSite=Lax; Max-Age=60');
  const c = reply();
  clearConsoleCookie(request('https', 'gatehouse.example.com'), c);
  assert.equal(c.headers['set-cookie'], '__Host-gatehouse_console=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0');
});
