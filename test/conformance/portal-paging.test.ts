// The portal API at scale, through the real @aws-sdk/client-sso: a user holding a thousand
// accounts pages through them 100 at a time, by hand and with the SDK's paginator, and gets
// each account exactly once, in the API's order (by account id), with names and e-mail
// addresses; a page size over 100 is the AWS InvalidRequestException.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { SSOClient, ListAccountsCommand, ListAccountRolesCommand, paginateListAccounts, type AccountInfo } from '@aws-sdk/client-sso';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';
import { deviceLogin } from '../support/browser.js';
import { seedManyAccounts, MANY_USER, type ManyAccountsWorld } from '../e2e/many-accounts-fixture.js';

const COUNT = 1000;

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`portal API paging over ${COUNT} accounts (${backend})`, () => {
    let server: TestServer;
    let sso: SSOClient;
    let world: ManyAccountsWorld;
    let accessToken: string;

    before(async () => {
      server = await startTestServer({ backend, mfaMode: 'off' });
      world = await seedManyAccounts(server, COUNT);
      const config = { endpoint: server.endpoint, region: server.region, maxAttempts: 1 };
      sso = new SSOClient(config);
      accessToken = (await deviceLogin(new SSOOIDCClient(config), server.endpoint, { ...MANY_USER })).accessToken!;
    });
    after(() => server?.close());

    const expectedIds = () => world.accounts.map((a) => a.id).sort();

    test('ListAccounts by hand, 100 at a time: ten full pages, no token after the last', async () => {
      const pages: AccountInfo[][] = [];
      let nextToken: string | undefined;
      do {
        const out = await sso.send(new ListAccountsCommand({ accessToken, maxResults: 100, nextToken }));
        pages.push(out.accountList ?? []);
        nextToken = out.nextToken;
        assert.ok(pages.length <= COUNT / 100, 'the pages end');
      } while (nextToken);
      assert.deepEqual(pages.map((p) => p.length), Array(COUNT / 100).fill(100));
      const ids = pages.flat().map((a) => a.accountId!);
      assert.equal(new Set(ids).size, COUNT, 'no account twice');
      assert.deepEqual(ids, expectedIds(), 'every account, in account id order');
      const byId = new Map(world.accounts.map((a) => [a.id, a]));
      for (const a of pages.flat()) {
        assert.equal(a.accountName, byId.get(a.accountId!)!.name);
        assert.equal(a.emailAddress, byId.get(a.accountId!)!.email);
      }
    });

    test('the SDK paginator gets the same thousand, once each, in order', async () => {
      const ids: string[] = [];
      let pages = 0;
      for await (const page of paginateListAccounts({ client: sso, pageSize: 100 }, { accessToken })) {
        pages++;
        ids.push(...page.accountList!.map((a) => a.accountId!));
      }
      assert.equal(pages, COUNT / 100);
      assert.equal(new Set(ids).size, COUNT);
      assert.deepEqual(ids, expectedIds());
    });

    test('without maxResults a page holds 100; a later page continues after the earlier one', async () => {
      const first = await sso.send(new ListAccountsCommand({ accessToken }));
      assert.equal(first.accountList!.length, 100);
      const second = await sso.send(new ListAccountsCommand({ accessToken, maxResults: 37, nextToken: first.nextToken }));
      assert.deepEqual(second.accountList!.map((a) => a.accountId), expectedIds().slice(100, 137));
    });

    test('a page size over 100, or under 1, is InvalidRequestException; a foreign token too', async () => {
      await assert.rejects(sso.send(new ListAccountsCommand({ accessToken, maxResults: 101 })), awsError('InvalidRequestException', 400));
      await assert.rejects(sso.send(new ListAccountsCommand({ accessToken, maxResults: 1000 })), awsError('InvalidRequestException', 400));
      await assert.rejects(sso.send(new ListAccountsCommand({ accessToken, maxResults: 0 })), awsError('InvalidRequestException', 400));
      const roles = await sso.send(new ListAccountRolesCommand({ accessToken, accountId: world.accounts[0]!.id, maxResults: 1 }));
      assert.deepEqual(roles.roleList, [{ roleName: 'ReadOnly', accountId: world.accounts[0]!.id }]);
      await assert.rejects(sso.send(new ListAccountsCommand({ accessToken, nextToken: 'bm90LWEtdG9rZW4=' })), awsError('InvalidRequestException', 400));
    });
  });
}
