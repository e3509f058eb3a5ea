// The small rules of sso-oidc: user codes, PKCE, redirect URI matching, scopes.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cryptoRandom } from '../../../src/lib/random.js';
import { formatUserCode, newUserCode, normalizeUserCode, USER_CODE_ALPHABET } from '../../../src/domain/oidc/user-code.js';
import { s256, verifyPkce, isCodeChallenge } from '../../../src/domain/oidc/pkce.js';
import { isAcceptableRedirectUri, isRegisteredRedirectUri } from '../../../src/domain/oidc/redirect-uri.js';
import { checkScopes, grantableScopes, splitScopes } from '../../../src/domain/oidc/scopes.js';

describe('user codes', () => {
  test('eight letters of the alphabet, shown XXXX-XXXX, typed loosely', () => {
    for (let n = 0; n < 200; n++) {
      const code = newUserCode(cryptoRandom);
      assert.match(code, new RegExp(`^[${USER_CODE_ALPHABET}]{8}$`));
      assert.equal(normalizeUserCode(formatUserCode(code).toLowerCase()), code);
    }
    assert.equal(normalizeUserCode(' bcdf ghjk '), 'BCDFGHJK');
    assert.equal(normalizeUserCode('BCDF-GHJA'), undefined, 'vowels are not in the alphabet');
    assert.equal(normalizeUserCode('BCDF-GHJ'), undefined);
  });
});

describe('PKCE S256', () => {
  test('RFC 7636 appendix B', () => {
    assert.equal(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    assert.equal(verifyPkce('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), true);
    assert.equal(verifyPkce('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj'), false);
    assert.equal(verifyPkce('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', undefined), false);
    assert.equal(verifyPkce(s256('short'), 'short'), false, 'verifiers are 43 to 128 characters');
    assert.equal(isCodeChallenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'), true);
    assert.equal(isCodeChallenge('plain'), false);
  });
});

describe('redirect URIs', () => {
  test('https, or http on loopback', () => {
    assert.equal(isAcceptableRedirectUri('https://app.example.com/cb'), true);
    assert.equal(isAcceptableRedirectUri('http://127.0.0.1/oauth/callback'), true);
    assert.equal(isAcceptableRedirectUri('http://example.com/cb'), false);
    assert.equal(isAcceptableRedirectUri('https://app.example.com/cb#frag'), false);
    assert.equal(isAcceptableRedirectUri('javascript:alert(1)'), false);
  });

  test('a loopback redirect matches whatever its port; others match exactly', () => {
    const registered = ['http://127.0.0.1/oauth/callback', 'https://app.example.com/cb'];
    assert.equal(isRegisteredRedirectUri(registered, 'http://127.0.0.1:54321/oauth/callback'), true);
    assert.equal(isRegisteredRedirectUri(registered, 'http://127.0.0.1/oauth/callback'), true);
    assert.equal(isRegisteredRedirectUri(registered, 'http://127.0.0.1:54321/other'), false);
    assert.equal(isRegisteredRedirectUri(registered, 'http://localhost:54321/oauth/callback'), false, 'the host must match');
    assert.equal(isRegisteredRedirectUri(registered, 'https://app.example.com:8443/cb'), false);
    assert.equal(isRegisteredRedirectUri(registered, 'https://app.example.com/cb'), true);
  });
});

describe('scopes', () => {
  test('known scopes only; requests within the registration', () => {
    assert.deepEqual(checkScopes(['sso:account:access', 'sso:account:access']), ['sso:account:access']);
    assert.throws(() => checkScopes(['sso:admin']), (e: { details?: { reason?: string } }) => e.details?.reason === 'invalid_scope');
    assert.deepEqual(splitScopes('sso:account:access openid'), ['sso:account:access', 'openid']);
    assert.deepEqual(grantableScopes([], []), ['sso:account:access']);
    assert.throws(() => grantableScopes(['sso:account:access'], ['openid']), (e: { details?: { reason?: string } }) => e.details?.reason === 'invalid_scope');
  });
});
