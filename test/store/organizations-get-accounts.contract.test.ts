// getAccounts, the batch read behind the portal's account list: every back end must return
// exactly the accounts asked for that exist, whatever the number of ids (past one chunk).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import type { OrganizationsRepository } from '../../src/domain/organizations/organizations-repository.js';
import type { Account } from '../../src/domain/organizations/model.js';

const account = (n: number): Account => {
  const id = String(100_000_000_000 + n);
  return {
    id, arn: `arn:aws:organizations::111111111111:account/o-abcdefghij/${id}`, name: `acct ${n}`, email: `a${n}@example.com`,
    status: 'ACTIVE', joinedMethod: 'CREATED', joinedAt: 1_700_000_000_000 + n, parentId: 'r-ab12',
  };
};

const COUNT = 1200;

for (const backend of BACKENDS) {
  describe(`organizations getAccounts (${backend.name})`, () => {
    let dispose: () => Promise<void>;
    let repo: OrganizationsRepository;
    const all = Array.from({ length: COUNT }, (_, n) => account(n));

    before(async () => {
      const opened = await backend.open();
      dispose = opened.dispose;
      repo = opened.store.organizations;
      await opened.store.transaction(async (tx) => {
        for (const a of all) await tx.organizations.createAccount(a);
      });
    });
    after(async () => dispose());

    const sorted = (accounts: readonly Account[]) => [...accounts].sort((a, b) => a.id.localeCompare(b.id));

    it('returns nothing for no ids', async () => {
      assert.deepEqual(await repo.getAccounts([]), []);
    });

    it('returns every account asked for across chunks, whole, once each', async () => {
      const got = await repo.getAccounts(all.map((a) => a.id));
      assert.equal(got.length, COUNT);
      assert.deepEqual(sorted(got), sorted(all));
    });

    it('skips unknown ids and repeats', async () => {
      const wanted = [all[5]!.id, '999999999999', all[5]!.id, all[1100]!.id];
      assert.deepEqual(sorted(await repo.getAccounts(wanted)), sorted([all[5]!, all[1100]!]));
    });
  });
}
