// A child process for the SQLite concurrency test: opens the shared database and runs many
// read-then-write transactions, the kind that fail with SQLITE_BUSY under deferred BEGIN.

import { openStore } from '../../src/store/open-store.js';

const [dataDir, worker, count] = process.argv.slice(2);
const store = await openStore({ dataDir });
for (let i = 0; i < Number(count); i++) {
  await store.transaction(async (tx) => {
    const name = `w${worker}-${i}`;
    if (!(await tx.iam.getUser('111122223333', name))) {
      await tx.iam.createUser({ accountId: '111122223333', userName: name, userId: `AIDA${worker}X${i}`, path: '/', arn: `arn:${name}`, createdAt: i });
    }
  });
}
await store.close();
