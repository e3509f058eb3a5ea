// The WebAuthn relying party: the configured public URL wins over whatever Host a proxy (or an
// attacker) sends; without one, the host the browser used.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyRequest } from 'fastify';
import { relyingParty } from '../../src/web/web-context.js';

const request = (host: string, protocol = 'http') => ({ headers: { host }, protocol }) as unknown as FastifyRequest;

test('without a public URL, the rp id is the host name the browser used and the origin its origin', () => {
  assert.deepEqual(relyingParty(request('localhost:8080')), { id: 'localhost', origin: 'http://localhost:8080' });
  assert.deepEqual(relyingParty(request('sso.example.com', 'https')), { id: 'sso.example.com', origin: 'https://sso.example.com' });
});

test('a configured public URL decides the rp id and origin, whatever Host says', () => {
  assert.deepEqual(relyingParty(request('phish.example.net'), 'https://sso.example.com/'), { id: 'sso.example.com', origin: 'https://sso.example.com' });
  assert.deepEqual(relyingParty(request('localhost:8080'), 'https://sso.example.com:8443'), { id: 'sso.example.com', origin: 'https://sso.example.com:8443' });
});
