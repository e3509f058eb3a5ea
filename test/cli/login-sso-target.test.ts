// Which start URL, region and cache name a command uses, from its flags and the config file:
// the same rules in login, credentials and configure, so they find each other's token.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSsoTarget, SsoTargetError, loginHint } from '../../src/cli/sso-target.js';

const CONFIG = `[sso-session corp]
sso_start_url = https://gh.example.com/start
sso_region = eu-west-1
`;

describe('resolving the sign-in target', () => {
  test('a start URL alone: its origin, the default region, the cache named after the URL', async () => {
    assert.deepEqual(await resolveSsoTarget({ startUrl: 'http://127.0.0.1:9000/start' }, '', { AWS_REGION: 'ap-south-1' }), {
      startUrl: 'http://127.0.0.1:9000/start',
      origin: 'http://127.0.0.1:9000',
      region: 'ap-south-1',
    });
  });

  test('no flags: GATEHOUSE_ENDPOINT/start, else the local server', async () => {
    assert.equal((await resolveSsoTarget({}, '', { GATEHOUSE_ENDPOINT: 'https://gh.example.com/' })).startUrl, 'https://gh.example.com/start');
    assert.equal((await resolveSsoTarget({}, '', {})).startUrl, 'http://127.0.0.1:8080/start');
    assert.equal((await resolveSsoTarget({}, '', {})).region, 'us-east-1');
  });

  test('a start URL the config has an sso-session for adopts that session', async () => {
    const t = await resolveSsoTarget({ startUrl: 'https://gh.example.com/start' }, CONFIG, {});
    assert.deepEqual(t, { startUrl: 'https://gh.example.com/start', origin: 'https://gh.example.com', region: 'eu-west-1', sessionName: 'corp' });
    assert.equal(loginHint(t), 'gatehouse login --start-url https://gh.example.com/start --sso-session corp');
  });

  test('--sso-session reads the config; flags win; unknown sessions and bad URLs are refused', async () => {
    assert.deepEqual(await resolveSsoTarget({ ssoSession: 'corp', region: 'us-west-2' }, CONFIG, {}), {
      startUrl: 'https://gh.example.com/start',
      origin: 'https://gh.example.com',
      region: 'us-west-2',
      sessionName: 'corp',
    });
    await assert.rejects(resolveSsoTarget({ ssoSession: 'other' }, CONFIG, { HOME: '/nonexistent' }), SsoTargetError);
    await assert.rejects(resolveSsoTarget({ ssoSession: 'bad name' }, CONFIG, {}), SsoTargetError);
    await assert.rejects(resolveSsoTarget({ startUrl: 'not a url' }, '', {}), SsoTargetError);
    await assert.rejects(resolveSsoTarget({ startUrl: 'ftp://x/start' }, '', {}), SsoTargetError);
  });
});
