// The federation endpoint (/federation), on both back ends: getSigninToken answers a sign-in
// token for valid temporary credentials and refuses bad, expired and revoked ones; login redeems
// a token once, refuses used, expired and forged tokens, sets an HttpOnly SameSite=Lax cookie,
// and never redirects outside our console.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OrganizationsClient, CreateAccountCommand, RemoveAccountFromOrganizationCommand } from '@aws-sdk/client-organizations';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from '../support/server.js';
import { Browser, signIn } from '../support/browser.js';
import { seedConsoleWorld, portalCredentials, sessionParam, getSigninToken, loginUrl, CONSOLE_USER, type ConsoleWorld } from '../e2e/console-fixture.js';

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`federation endpoint (${backend})`, () => {
    let server: TestServer;
    let world: ConsoleWorld;
    let browser: Browser;
    // Real time, moved forward on demand (SigV4 clients need the real time while seeding).
    let offset = 0;
    const clock = { now: () => Date.now() + offset };
    const later = async <T>(ms: number, fn: () => Promise<T>): Promise<T> => {
      offset = ms;
      try {
        return await fn();
      } finally {
        offset = 0;
      }
    };
    /** A request without following redirects, so Location and Set-Cookie can be read. */
    const raw = (path: string, init: RequestInit = {}) => fetch(new URL(path, server.endpoint), { redirect: 'manual', ...init });

    before(async () => {
      server = await startTestServer({ backend, mfaMode: 'off', clock });
      world = await seedConsoleWorld(server);
      browser = new Browser(server.endpoint);
      await signIn(browser, await browser.go('/start'), { ...CONSOLE_USER });
    });
    after(() => server?.close());

    const freshToken = async () => {
      const creds = await portalCredentials(browser, world.accountIds[0]!, 'ReadOnly');
      const { status, body } = await getSigninToken(server.endpoint, sessionParam(creds));
      assert.equal(status, 200, JSON.stringify(body));
      return body.SigninToken!;
    };

    test('getSigninToken answers {"SigninToken"} for valid credentials, by GET and by POST', async () => {
      const creds = await portalCredentials(browser, world.accountIds[0]!, 'ReadOnly');
      const res = await raw(`/federation?${new URLSearchParams({ Action: 'getSigninToken', Session: sessionParam(creds) })}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^application\/json/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const body = (await res.json()) as Record<string, string>;
      assert.deepEqual(Object.keys(body), ['SigninToken']);
      // Sealed: neither the secret nor the session token can be read in it.
      assert.ok(!body.SigninToken!.includes(creds.secretAccessKey) && !body.SigninToken!.includes(creds.accessKeyId));
      const posted = await raw('/federation', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ Action: 'getSigninToken', Session: sessionParam(creds) }).toString(),
      });
      assert.equal(posted.status, 200);
      assert.ok(((await posted.json()) as Record<string, string>).SigninToken);
    });

    test('getSigninToken refuses missing, malformed, forged and mismatched credentials', async () => {
      const creds = await portalCredentials(browser, world.accountIds[0]!, 'ReadOnly');
      const cases: [string | undefined, number, RegExp][] = [
        [undefined, 400, /Session parameter is required/],
        ['not json', 400, /not valid JSON/],
        [JSON.stringify({ sessionId: creds.accessKeyId, sessionKey: creds.secretAccessKey }), 400, /lacks sessionToken/],
        [sessionParam({ ...creds, secretAccessKey: `${creds.secretAccessKey.slice(0, -1)}x` }), 403, /security token included in the request is invalid/],
        [sessionParam({ ...creds, sessionToken: `${creds.sessionToken.slice(0, -4)}AAAA` }), 403, /security token included in the request is invalid/],
        [sessionParam({ ...creds, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' }), 403, /security token included in the request is invalid/],
        [sessionParam({ accessKeyId: 'AKIAGATEHOUSETEST234', secretAccessKey: 'x', sessionToken: 'y' }), 403, /invalid/],
      ];
      for (const [session, status, message] of cases) {
        const res = await raw(`/federation?${new URLSearchParams({ Action: 'getSigninToken', ...(session === undefined ? {} : { Session: session }) })}`);
        assert.equal(res.status, status, session);
        assert.match(((await res.json()) as { Message: string }).Message, message);
      }
      const duration = await raw(`/federation?${new URLSearchParams({ Action: 'getSigninToken', SessionDuration: '3600', Session: sessionParam(creds) })}`);
      assert.equal(duration.status, 400);
      assert.equal((await raw('/federation?Action=assumeEverything')).status, 400);
    });

    test('getSigninToken refuses expired credentials, revoked role sessions and credentials of an ended portal session', async () => {
      const creds = await portalCredentials(browser, world.accountIds[0]!, 'ReadOnly');
      const expired = await later(2 * 3600_000, () => getSigninToken(server.endpoint, sessionParam(creds)));
      assert.equal(expired.status, 403);
      assert.match(expired.body.Message!, /expired/);

      // Another portal session of the same user, then signed out: its credentials die with it.
      const other = new Browser(server.endpoint);
      const page = await signIn(other, await other.go('/start'), { ...CONSOLE_USER });
      const otherCreds = await portalCredentials(other, world.accountIds[0]!, 'ReadOnly');
      assert.equal((await getSigninToken(server.endpoint, sessionParam(otherCreds))).status, 200);
      await other.submit(page, '/signout');
      const ended = await getSigninToken(server.endpoint, sessionParam(otherCreds));
      assert.equal(ended.status, 403);
      assert.match(ended.body.Message!, /revoked or its portal session has ended/);

      // "Revoke active sessions" on the role: sessions issued before now are refused.
      const dev = await portalCredentials(browser, world.accountIds[1]!, 'Developer');
      await new Promise((r) => setTimeout(r, 5));
      await server.server.services.sts.revokeRoleSessions(world.accountIds[1]!, world.developerRoleName);
      const revoked = await getSigninToken(server.endpoint, sessionParam(dev));
      assert.equal(revoked.status, 403);
      assert.match(revoked.body.Message!, /revoked/);
    });

    test('login sets an HttpOnly, SameSite=Lax console cookie and lands on the destination; the token is single-use', async () => {
      const token = await freshToken();
      const res = await raw(loginUrl(token, '/console#check'));
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/console#check');
      const cookie = res.headers.get('set-cookie')!;
      assert.match(cookie, /^gatehouse_console=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
      // Plain http on loopback: no Secure (the browser would drop it), no __Host- prefix.
      assert.doesNotMatch(cookie, /Secure/);
      const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)![1]);
      assert.ok(maxAge > 3500 && maxAge <= 3600, `the cookie lives as long as the credentials: ${maxAge}`);

      const again = await raw(loginUrl(token));
      assert.equal(again.status, 403);
      assert.equal(again.headers.get('set-cookie'), null);
      assert.match(await again.text(), /already been used/);
    });

    test('login refuses forged, altered and expired sign-in tokens', async () => {
      const token = await freshToken();
      for (const bad of ['', 'forged', `${token.slice(0, -3)}AAA`, token.replace(/^[^.]+\.[^.]+/, 'gh1.other')]) {
        const res = await raw(loginUrl(bad));
        assert.equal(res.status, 403, bad);
        assert.equal(res.headers.get('set-cookie'), null);
        assert.match(await res.text(), /sign-in token is not valid/);
      }
      // 16 minutes on: the credentials (1 hour) still stand, the sign-in token (15 minutes) does not.
      const late = await later(16 * 60_000, () => raw(loginUrl(token)));
      assert.equal(late.status, 403);
      assert.match(await late.text(), /sign-in token has expired/);
    });

    test('login never sends the browser outside our console: other destinations land on the console home', async () => {
      const outside = ['https://evil.example.com/', '//evil.example.com/console', '/start', '/console/../start', '/consolex', 'javascript:alert(1)', `http://evil.example.com${'/console'}`, '/\\evil.example.com'];
      for (const destination of outside) {
        const res = await raw(loginUrl(await freshToken(), destination));
        assert.equal(res.status, 303, destination);
        assert.equal(res.headers.get('location'), '/console', destination);
      }
      const ours = await raw(loginUrl(await freshToken(), `${server.endpoint}/console#policies`));
      assert.equal(ours.headers.get('location'), '/console#policies');
    });

    test('credentials of an account that left the organization sign in to its console too, named by its standalone record', async () => {
      const org = new OrganizationsClient(server.clientConfig);
      const created = await org.send(new CreateAccountCommand({ AccountName: 'Left Behind', Email: 'left-behind@example.com' }));
      const accountId = created.CreateAccountStatus!.AccountId!;
      await org.send(new RemoveAccountFromOrganizationCommand({ AccountId: accountId }));
      const assumed = await new STSClient(server.clientConfig).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: 'ops' }),
      );
      const c = assumed.Credentials!;
      const { status, body } = await getSigninToken(server.endpoint, sessionParam({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! }));
      assert.equal(status, 200, JSON.stringify(body));
      const console = new Browser(server.endpoint);
      const landed = await console.go(loginUrl(body.SigninToken!));
      assert.equal(landed.status, 200, landed.text);
      assert.match(landed.text, /Left Behind/);
      assert.match(landed.text, new RegExp(accountId));
      assert.match(landed.text, /OrganizationAccountAccessRole/);
    });
  });
}
