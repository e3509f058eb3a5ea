// The config file `gatehouse configure` writes: managed sections replaced where they stand,
// profiles of roles no longer held dropped, every other line kept, the same file on a second
// run; and the SDK's own loader reads it as intended (services endpoints included).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { configSections, parseConfigBlocks, readConfigFile, replaceSections, writeConfigFile } from '../../src/cli/aws-config-file.js';
import { isManagedProfile, profileNameFor, ssoProfileSections, type SsoProfileLayout } from '../../src/cli/aws-sso-profiles.js';

const layout: SsoProfileLayout = { sessionName: 'gatehouse', startUrl: 'http://127.0.0.1:8080/start', region: 'eu-west-1', origin: 'http://127.0.0.1:8080', profilePrefix: 'gh-' };
const grants = [
  { accountId: '222233334444', roleName: 'Admin' },
  { accountId: '111122223333', roleName: 'Developer', accountName: 'Dev' },
];

const FOREIGN = `# my settings
[default]
region = us-west-2
output = json

[profile work]  ; hand-written
role_arn = arn:aws:iam::123456789012:role/Work
source_profile = default
`;

const write = (text: string) => replaceSections(text, ssoProfileSections(layout, grants, (name) => configSections(text).get(name)), isManagedProfile(layout));

describe('the AWS config file writer', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'gatehouse-config-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('renders the sso-session, services and one profile per account and role', () => {
    assert.equal(
      write(''),
      `[sso-session gatehouse]
sso_start_url = http://127.0.0.1:8080/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[services gatehouse]
sts =
  endpoint_url = http://127.0.0.1:8080
sso =
  endpoint_url = http://127.0.0.1:8080
sso_oidc =
  endpoint_url = http://127.0.0.1:8080
iam =
  endpoint_url = http://127.0.0.1:8080
identitystore =
  endpoint_url = http://127.0.0.1:8080
sso_admin =
  endpoint_url = http://127.0.0.1:8080
organizations =
  endpoint_url = http://127.0.0.1:8080

[profile gh-Developer-111122223333]
sso_session = gatehouse
sso_account_id = 111122223333
sso_role_name = Developer
region = eu-west-1
services = gatehouse

[profile gh-Admin-222233334444]
sso_session = gatehouse
sso_account_id = 222233334444
sso_role_name = Admin
region = eu-west-1
services = gatehouse
`,
    );
  });

  test('keeps foreign sections byte for byte, and a second run changes nothing', () => {
    const once = write(FOREIGN);
    assert.ok(once.startsWith(FOREIGN), once);
    assert.equal(write(once), once);
  });

  test('replaces managed sections where they stand; drops profiles of roles no longer held; keeps keys it does not own', () => {
    const old = `[profile gh-Developer-111122223333]
sso_session = gatehouse
sso_account_id = 111122223333
sso_role_name = Developer
region = us-east-1
services = gatehouse
output = table

[profile gh-Gone-999999999999]
sso_session = gatehouse
sso_account_id = 999999999999
sso_role_name = Gone
services = gatehouse

[profile mine]
sso_session = gatehouse
sso_account_id = 999999999999
sso_role_name = Gone

${FOREIGN}
[sso-session gatehouse]
sso_start_url = http://old/start
sso_region = us-east-1
`;
    const next = write(old);
    const names = parseConfigBlocks(next).map((b) => b.name);
    assert.deepEqual(names, [
      'profile gh-Developer-111122223333',
      'profile mine',
      'default',
      'profile work',
      'sso-session gatehouse',
      'services gatehouse',
      'profile gh-Admin-222233334444',
    ]);
    const sections = configSections(next);
    assert.deepEqual(sections.get('profile gh-Developer-111122223333'), {
      sso_session: 'gatehouse',
      sso_account_id: '111122223333',
      sso_role_name: 'Developer',
      region: 'eu-west-1',
      services: 'gatehouse',
      output: 'table',
    });
    assert.equal(sections.get('sso-session gatehouse')?.sso_start_url, 'http://127.0.0.1:8080/start');
    assert.ok(next.includes(FOREIGN));
    assert.equal(write(next), next);
  });

  test("the SDK's loader reads the profiles, the session and the services endpoints", async () => {
    const path = join(dir, 'config');
    await writeConfigFile(write(FOREIGN), { AWS_CONFIG_FILE: path });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const { configFile } = await loadSharedConfigFiles({ configFilepath: path, filepath: join(dir, 'none'), ignoreCache: true });
    assert.deepEqual(configFile[profileNameFor('gh-', grants[1]!)], { sso_session: 'gatehouse', sso_account_id: '111122223333', sso_role_name: 'Developer', region: 'eu-west-1', services: 'gatehouse' });
    assert.deepEqual(configFile['sso-session.gatehouse'], { sso_start_url: 'http://127.0.0.1:8080/start', sso_region: 'eu-west-1', sso_registration_scopes: 'sso:account:access' });
    assert.equal(configFile['services.gatehouse']?.['sso_oidc.endpoint_url'], 'http://127.0.0.1:8080');
    assert.equal(configFile['services.gatehouse']?.['sts.endpoint_url'], 'http://127.0.0.1:8080');
    assert.equal(configFile.default?.region, 'us-west-2');
    assert.equal(configFile.work?.role_arn, 'arn:aws:iam::123456789012:role/Work');
  });

  test('rewriting keeps the mode of an existing file; AWS_CONFIG_FILE wins over HOME', async () => {
    const path = join(dir, 'config-644');
    writeFileSync(path, FOREIGN);
    chmodSync(path, 0o644);
    await writeConfigFile(write(await readConfigFile({ AWS_CONFIG_FILE: path, HOME: '/nonexistent' })), { AWS_CONFIG_FILE: path });
    assert.equal(statSync(path).mode & 0o777, 0o644);
    assert.ok(readFileSync(path, 'utf8').startsWith(FOREIGN));
    assert.equal(await readConfigFile({ HOME: join(dir, 'empty-home') }), '');
  });

  test('profile names use only the characters profile names allow', () => {
    assert.equal(profileNameFor('', { accountId: '111122223333', roleName: 'Read Only' }), 'Read-Only-111122223333');
  });
});
