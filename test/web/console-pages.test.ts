// The account console without a browser engine, on both back ends: the portal's "Management
// console" signs in through the federation endpoint and lands on the relay state when it is a
// console page; the console shows the session, answers "Check access" with the policy engine's
// decision for this very role session (allowed, implicit deny by the identity policies or the
// boundary, explicit deny by an SCP or an inline statement) with the deciding statements, lists
// the role's policies, refuses without a cookie, and ends with the portal session, a role
// revocation, and its own sign-out.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server.js';
import { Browser, signIn, type PageResponse } from '../support/browser.js';
import {
  seedConsoleWorld,
  CONSOLE_USER,
  SCP_NAME,
  SCP_SID,
  EXTERNAL_RELAY_STATE,
  type ConsoleWorld,
} from '../e2e/console-fixture.js';

const consoleUrl = (accountId: string, roleName: string) => `/start/console?${new URLSearchParams({ account_id: accountId, role_name: roleName })}`;
const CHECK = '/console/check#check-result';
const verdict = (page: PageResponse) => /<h3 class="verdict">([^<]*)<\/h3>/.exec(page.text)?.[1];
const errorOf = (page: PageResponse) => /<p class="error" id="check-error" role="alert">([^<]*)<\/p>/.exec(page.text)?.[1];

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`account console pages (${backend})`, () => {
    let server: TestServer;
    let world: ConsoleWorld;
    let browser: Browser;
    const raw = (path: string, cookies: ReadonlyMap<string, string>, init: RequestInit = {}) =>
      fetch(new URL(path, server.endpoint), { redirect: 'manual', ...init, headers: { ...(init.headers as object), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });

    before(async () => {
      server = await startTestServer({ backend, mfaMode: 'off' });
      world = await seedConsoleWorld(server);
      browser = new Browser(server.endpoint);
      await signIn(browser, await browser.go('/start'), { ...CONSOLE_USER });
    });
    after(() => server?.close());

    /** Opens the console as the portal's "Management console" link does, in `b`. */
    const openConsole = (b: Browser, accountIndex: number, roleName: string) => b.go(consoleUrl(world.accountIds[accountIndex]!, roleName));

    test('without a console cookie the console sends the browser to sign in (or to the portal when signed in)', async () => {
      const stranger = await fetch(`${server.endpoint}/console`, { redirect: 'manual' });
      assert.equal(stranger.status, 303);
      assert.equal(stranger.headers.get('location'), '/signin?next=%2Fstart');
      const forged = await raw('/console', new Map([['gatehouse_console', 'gh1.key.forged']]));
      assert.equal(forged.headers.get('location'), '/signin?next=%2Fstart');
      assert.match(forged.headers.get('set-cookie')!, /^gatehouse_console=; .*Max-Age=0/);
      const signedIn = await raw('/console', browser.cookies());
      assert.equal(signedIn.headers.get('location'), '/start');
      assert.equal((await fetch(`${server.endpoint}/start/console?account_id=1&role_name=x`, { redirect: 'manual' })).headers.get('location'), `/signin?next=${encodeURIComponent('/start/console?account_id=1&role_name=x')}`);
    });

    test('the accounts page links each role to the console; a role the user does not hold is a 404', async () => {
      const start = await browser.go('/start');
      assert.ok(start.text.includes(`href="${consoleUrl(world.accountIds[0]!, 'ReadOnly').replace(/&/g, '&amp;')}"`));
      assert.match(start.text, /aria-label="Management console for ReadOnly in Zephyr Production">Management console<\/a>/);
      const missing = await browser.go(consoleUrl(world.accountIds[0]!, 'Developer'));
      assert.equal(missing.status, 404);
    });

    test('"Management console" lands on the relay state (a console page) and shows account, role, session name and expiry', async () => {
      const page = await openConsole(browser, 0, 'ReadOnly');
      assert.equal(page.status, 200);
      assert.equal(page.url, `${server.endpoint}/console#check`, 'the relay state /console#check');
      assert.match(page.text, /<dd id="account">Zephyr Production <span class="meta">\d{12}<\/span><\/dd>/);
      assert.ok(page.text.includes(`<dd id="role">ReadOnly <span class="meta">${world.roleName}</span></dd>`));
      assert.match(page.text, /<dd id="session-name">grace<\/dd>/);
      const expiresAt = Number(/data-expires-at="(\d+)"/.exec(page.text)![1]);
      assert.ok(Math.abs(expiresAt - (Date.now() + 3600_000)) < 60_000, 'the session expires in an hour');
      assert.match(page.text, /<time id="expiry"[^>]*>(59:\d\d|1:00:00)<\/time>/);
      assert.match(page.text, /<script src="\/console\/assets\/console.js" defer><\/script>/);
      assert.doesNotMatch(page.text, /<script>/);
      assert.doesNotMatch(page.text, /This permission set's start page is outside/);
      const res = await raw('/console', browser.cookies());
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.match(res.headers.get('content-security-policy')!, /script-src 'self'; style-src 'self'/);
      const js = await raw('/console/assets/console.js', new Map());
      assert.match(js.headers.get('content-type')!, /^text\/javascript/);
      assert.equal((await raw('/console/assets/..%2Fconsole-layout.ts', new Map())).status, 404);
    });

    test('an external relay state is shown as a link, not followed', async () => {
      const b = new Browser(server.endpoint);
      await signIn(b, await b.go('/start'), { ...CONSOLE_USER });
      const page = await openConsole(b, 1, 'Developer');
      assert.equal(page.url, `${server.endpoint}/console`);
      assert.ok(page.text.includes(`<a href="${EXTERNAL_RELAY_STATE}" rel="noopener noreferrer">${EXTERNAL_RELAY_STATE}</a>`));
    });

    test('Check access: allowed by ReadOnlyAccess, implicitly denied, and explicitly denied by the SCP, with the deciding statements', async () => {
      const page = await openConsole(browser, 0, 'ReadOnly');
      const allowed = await browser.submit(page, CHECK, { action: 's3:getobject', resource: 'arn:aws:s3:::any-bucket/key' });
      assert.equal(allowed.status, 200);
      assert.equal(verdict(allowed), 'Allowed');
      assert.match(allowed.text, /<code>s3:GetObject<\/code> on <code>arn:aws:s3:::any-bucket\/key<\/code>/, 'the action as the catalog spells it');
      assert.match(allowed.text, /<h4>Allowing statements<\/h4>/);
      assert.match(allowed.text, /<strong class="policy-name">ReadOnlyAccess<\/strong> <span class="meta">identity-based policy<\/span>/);
      assert.match(allowed.text, /<span class="ln" aria-hidden="true">\d+<\/span>.*&quot;s3:Get\*&quot;/);

      const implicit = await browser.submit(page, CHECK, { action: 's3:PutObject', resource: '*' });
      assert.equal(verdict(implicit), 'Denied: implicitly, no identity-based policy allows it');
      assert.match(implicit.text, /because no identity-based policy allows the s3:PutObject action/);

      const scp = await browser.submit(page, CHECK, { action: 'ec2:DescribeInstances', resource: '*' });
      assert.equal(verdict(scp), 'Denied: explicit deny in a service control policy');
      assert.match(scp.text, /with an explicit deny in a service control policy/);
      assert.match(scp.text, /<h4>Denying statements<\/h4>/);
      assert.ok(scp.text.includes(`<strong class="policy-name">${SCP_NAME}</strong>`));
      assert.ok(scp.text.includes(`Sid <code class="sid">${SCP_SID}</code>`));
      // The same action in the account without the SCP is allowed: the SCP alone decided.
      const apollo = await openConsole(browser, 1, 'ReadOnly');
      assert.equal(verdict(await browser.submit(apollo, CHECK, { action: 'ec2:DescribeInstances' })), 'Allowed');
    });

    test('Check access names the inline statement and its line, and the boundary when it refuses; context keys reach the engine', async () => {
      const page = await openConsole(browser, 1, 'Developer');
      const allowed = await browser.submit(page, CHECK, { action: 's3:GetObject', resource: 'arn:aws:s3:::team-bucket/report.csv' });
      assert.equal(verdict(allowed), 'Allowed');
      assert.match(allowed.text, /Sid <code class="sid">TeamBucketRead<\/code><\/span>\n?<span class="meta">line 4<\/span>/);
      const other = await browser.submit(page, CHECK, { action: 's3:GetObject', resource: 'arn:aws:s3:::other-bucket/x' });
      assert.equal(verdict(other), 'Denied: implicitly, no identity-based policy allows it');
      const deny = await browser.submit(page, CHECK, { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::team-bucket' });
      assert.equal(verdict(deny), 'Denied: explicit deny in an identity-based policy');
      assert.match(deny.text, /Sid <code class="sid">NeverDeleteBuckets<\/code><\/span>\n?<span class="meta">line 10<\/span>/);
      assert.match(deny.text, /<span class="ln" aria-hidden="true">13<\/span>      &quot;Action&quot;: &quot;s3:DeleteBucket&quot;,/);
      // ListReportsOnly allows s3:ListBucket only with s3:prefix=reports/: the context decides.
      const list = { csrf: csrfOf(page), action: 's3:ListBucket', resource: 'arn:aws:s3:::team-bucket' };
      const noContext = await browser.go(CHECK, list);
      assert.equal(verdict(noContext), 'Denied: implicitly, no identity-based policy allows it');
      assert.match(noContext.text, /did not supply: s3:prefix/);
      const withContext = await browser.go(CHECK, { ...list, context: 'aws:SourceIp=10.1.2.3\n\ns3:prefix=reports/' });
      assert.equal(verdict(withContext), 'Allowed');
      assert.match(withContext.text, /Sid <code class="sid">ListReportsOnly<\/code>/);
      const otherPrefix = await browser.go(CHECK, { ...list, context: 's3:prefix=secrets/' });
      assert.equal(verdict(otherPrefix), 'Denied: implicitly, no identity-based policy allows it');
      // The inline policy allows sqs:SendMessage, the boundary (S3 reads only) does not.
      const boundary = await browser.submit(page, CHECK, { action: 'sqs:SendMessage', resource: '*' });
      assert.equal(verdict(boundary), 'Denied: implicitly, no permissions boundary allows it');
      assert.match(boundary.text, /because no permissions boundary allows the sqs:SendMessage action/);
      assert.match(boundary.text, /<h4>Statements that allow it in other layers<\/h4>[\s\S]*Sid <code class="sid">SendToQueues<\/code>/);
      // The form shows what was asked, the context lines included.
      assert.match(otherPrefix.text, /<textarea id="check-context"[^>]*>s3:prefix=secrets\/<\/textarea>/);
    });

    test('Check access refuses an unknown action, a bad resource or context line with a clear message, and a post without the CSRF token', async () => {
      const page = await openConsole(browser, 0, 'ReadOnly');
      const cases: [Record<string, string>, RegExp][] = [
        [{ action: 'foo:Bar' }, /There is no service with the prefix &quot;foo&quot;/],
        [{ action: 's3:FlyToTheMoon' }, /The service s3 has no action named FlyToTheMoon\./],
        [{ action: 's3:Get*' }, /is not an action: write service:Action/],
        [{ action: '' }, /Enter an action/],
        [{ action: 's3:GetObject', resource: 'bucket' }, /The resource must be \* or an ARN/],
        [{ action: 's3:GetObject', context: 'aws:SourceIp 10.0.0.1' }, /Line 1: write key=value/],
        [{ action: 's3:GetObject', context: 'aws:PrincipalArn=arn:aws:iam::1:root' }, /describes the role session itself/],
      ];
      for (const [fields, message] of cases) {
        const res = await browser.go(CHECK, { csrf: csrfOf(page), resource: '*', ...fields });
        assert.equal(res.status, 400, JSON.stringify(fields));
        assert.match(errorOf(res) ?? '', message);
        assert.equal(verdict(res), undefined);
      }
      const forged = await browser.go(CHECK, { csrf: 'nope', action: 's3:GetObject' });
      assert.equal(forged.status, 403);
    });

    test('the role\'s policies are listed and readable', async () => {
      const readOnly = await openConsole(browser, 0, 'ReadOnly');
      assert.match(readOnly.text, /<section class="policy-group" id="aws-managed"[\s\S]*<span class="name">ReadOnlyAccess<\/span><code class="meta">arn:aws:iam::aws:policy\/ReadOnlyAccess<\/code>/);
      assert.match(readOnly.text, /<details class="policy" data-policy-id="arn:aws:iam::aws:policy\/ReadOnlyAccess">[\s\S]*?&quot;Statement&quot;/);
      assert.ok(readOnly.text.includes(`<span class="name">${SCP_NAME}</span><code class="meta">ACCOUNT ${world.accountIds[0]}</code>`));
      assert.match(readOnly.text, /id="inline-h">Inline policy<\/h3>\n<p class="meta">None.<\/p>/);
      assert.match(readOnly.text, /id="boundary-h">Permissions boundary<\/h3>\n<p class="meta">None/);
      const dev = await openConsole(browser, 1, 'Developer');
      assert.match(dev.text, /id="inline-h">Inline policy<\/h3>\n<ul class="policies">[\s\S]*TeamBucketRead/);
      assert.match(dev.text, /id="aws-managed-h">AWS managed policies<\/h3>\n<p class="meta">None.<\/p>/);
      assert.match(dev.text, /id="boundary-h">Permissions boundary<\/h3>\n<ul class="policies">[\s\S]*?<span class="name">AmazonS3ReadOnlyAccess<\/span><code class="meta">arn:aws:iam::aws:policy\/AmazonS3ReadOnlyAccess<\/code>/);
    });

    test('signing out of the portal ends the console; so does revoking the role\'s sessions', async () => {
      const b = new Browser(server.endpoint);
      const start = await signIn(b, await b.go('/start'), { ...CONSOLE_USER });
      assert.equal((await openConsole(b, 0, 'ReadOnly')).status, 200);
      await b.submit(start, '/signout');
      const after = await b.go('/console');
      assert.equal(after.url, `${server.endpoint}/signin?next=%2Fstart`);

      const c = new Browser(server.endpoint);
      await signIn(c, await c.go('/start'), { ...CONSOLE_USER });
      assert.equal((await openConsole(c, 1, 'Developer')).status, 200);
      await new Promise((r) => setTimeout(r, 5));
      await server.server.services.sts.revokeRoleSessions(world.accountIds[1]!, world.developerRoleName);
      assert.equal((await c.go('/console')).url, `${server.endpoint}/start`);
    });

    test('the console\'s Sign out needs its CSRF token, ends the console cookie, and the old cookie no longer works', async () => {
      const b = new Browser(server.endpoint);
      await signIn(b, await b.go('/start'), { ...CONSOLE_USER });
      const page = await openConsole(b, 0, 'ReadOnly');
      const cookie = b.cookies().get('gatehouse_console')!;
      assert.ok(cookie);
      const forged = await raw('/console/signout', b.cookies(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=nope' });
      assert.equal(forged.status, 403);
      assert.equal((await raw('/console', b.cookies())).status, 200, 'a refused sign-out changes nothing');
      const out = await b.submit(page, '/console/signout');
      assert.equal(out.url, `${server.endpoint}/start`);
      assert.equal(b.cookies().get('gatehouse_console'), undefined);
      const replay = await raw('/console', new Map([...b.cookies(), ['gatehouse_console', cookie]]));
      assert.equal(replay.status, 303, 'the cookie, replayed after sign-out, is refused');
      assert.equal(replay.headers.get('location'), '/start');
    });
  });
}

const csrfOf = (page: PageResponse) => /name="csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? assert.fail('no CSRF token on the page');
