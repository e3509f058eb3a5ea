// The token cache `gatehouse login` writes is the AWS CLI's: named as the SDKs name it (sha1 of
// the sso-session name, else of the start URL), under HOME, in the format their token provider
// reads, owner-only.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { getSSOTokenFilepath, getSSOTokenFromFile } from '@smithy/core/config';
import { fromSso } from '@aws-sdk/token-providers';
import { awsTimestamp, isExpiring, isRefreshable, readSsoToken, ssoCacheFilePath, ssoCacheId, writeSsoToken, type SsoCachedToken } from '../../src/cli/sso-cache.js';
import { cacheEntryFor } from '../../src/cli/sso-oidc-session.js';

const START_URL = 'https://gatehouse.example.com/start';

describe('the SSO token cache', () => {
  let home: string;
  const savedHome = process.env.HOME;
  const savedConfig = process.env.AWS_CONFIG_FILE;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'gatehouse-cache-'));
    // The SDK reads HOME at each call: point it at the temp folder for the comparisons.
    process.env.HOME = home;
    delete process.env.AWS_CONFIG_FILE;
  });
  after(() => {
    if (savedHome === undefined) delete process.env.HOME;
    else process.env.HOME = savedHome;
    if (savedConfig !== undefined) process.env.AWS_CONFIG_FILE = savedConfig;
    rmSync(home, { recursive: true, force: true });
  });

  test('the file is named as @smithy/core (and so @aws-sdk/token-providers) names it', () => {
    const env = { HOME: home };
    assert.equal(ssoCacheFilePath('corp', env), getSSOTokenFilepath('corp'));
    assert.equal(ssoCacheFilePath(START_URL, env), getSSOTokenFilepath(START_URL));
    // hashlib.sha1(b'corp').hexdigest(), as botocore's SSOTokenLoader names it.
    assert.equal(ssoCacheFilePath('corp', env), join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`));
    assert.match(ssoCacheFilePath('corp', env), /[/\\][0-9a-f]{40}\.json$/);
    assert.equal(ssoCacheId({ sessionName: 'corp', startUrl: START_URL }), 'corp');
    assert.equal(ssoCacheId({ startUrl: START_URL }), START_URL);
  });

  test('HOME decides the folder; USERPROFILE when HOME is unset', () => {
    assert.equal(ssoCacheFilePath('x', { HOME: '/h' }).startsWith('/h/.aws/sso/cache/'), true);
    assert.equal(ssoCacheFilePath('x', { USERPROFILE: '/u' }).startsWith('/u/.aws/sso/cache/'), true);
  });

  test('timestamps are ISO 8601 UTC in whole seconds, as the AWS CLI writes them', () => {
    assert.equal(awsTimestamp(Date.UTC(2026, 10, 28, 12, 0, 0, 999)), '2026-11-28T12:00:00Z');
  });

  test('a cache entry from CreateToken: refreshable ones keep the registration', () => {
    const now = Date.UTC(2026, 10, 28, 12, 0, 0);
    const registration = { clientId: 'cid', clientSecret: 'secret', clientSecretExpiresAt: now / 1000 + 90 * 86400 };
    const target = { startUrl: START_URL, origin: 'https://gatehouse.example.com', region: 'eu-west-1', sessionName: 'corp' };
    assert.deepEqual(cacheEntryFor(target, { accessToken: 'at', expiresIn: 3600, refreshToken: 'rt' }, registration, now), {
      startUrl: START_URL,
      region: 'eu-west-1',
      accessToken: 'at',
      expiresAt: '2026-11-28T13:00:00Z',
      clientId: 'cid',
      clientSecret: 'secret',
      registrationExpiresAt: '2027-02-26T12:00:00Z',
      refreshToken: 'rt',
    });
    const plain = cacheEntryFor(target, { accessToken: 'at', expiresIn: 60 }, registration, now);
    assert.deepEqual(Object.keys(plain), ['startUrl', 'region', 'accessToken', 'expiresAt']);
    assert.equal(isRefreshable(plain, now), false);
  });

  test('written atomically, mode 0600, and read back by the SDK', async () => {
    const token: SsoCachedToken = {
      startUrl: START_URL,
      region: 'us-east-1',
      accessToken: 'access-token-1',
      expiresAt: awsTimestamp(Date.now() + 3600_000),
      clientId: 'cid',
      clientSecret: 'secret',
      registrationExpiresAt: awsTimestamp(Date.now() + 86400_000),
      refreshToken: 'refresh-1',
    };
    const path = await writeSsoToken('corp', token, { HOME: home });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), token);
    assert.deepEqual(await getSSOTokenFromFile('corp'), token);
    assert.deepEqual(await readSsoToken('corp', { HOME: home }), token);
    assert.equal(await readSsoToken('nobody', { HOME: home }), undefined);
    assert.equal(isExpiring(token, Date.now()), false);
    assert.equal(isExpiring(token, Date.now(), 2 * 3600_000), true);
    assert.equal(isRefreshable(token, Date.now()), true);
  });

  test("the SDK's sso-session token provider uses the cached token", async () => {
    mkdirSync(join(home, '.aws'), { recursive: true });
    writeFileSync(join(home, '.aws', 'config'), `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n\n[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\n`);
    const token = await fromSso({ profile: 'dev', ignoreCache: true })();
    assert.equal(token.token, 'access-token-1');
    assert.ok(token.expiration && token.expiration.getTime() > Date.now());
  });

  test('a file that is not a token reads as no token', async () => {
    writeFileSync(ssoCacheFilePath('broken', { HOME: home }), '{"accessToken": 1}');
    assert.equal(await readSsoToken('broken', { HOME: home }), undefined);
  });
});
