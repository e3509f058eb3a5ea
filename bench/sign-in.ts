// Password checks per second through DirectoryService.checkPassword (user look-up, attempt
// gate writes, argon2id verify, reset) against raw argon2id verifications with the same
// parameters, in the same process and run. Goal: at least 0.8x: the sign-in machinery around
// the hash should cost little next to the hash itself.

import { randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { createServices } from '../src/domain/services.js';
import { hashPassword } from '../src/domain/directory/password-hasher.js';
import { systemClock } from '../src/lib/clock.js';
import { KeyRing } from '../src/lib/key-ring.js';
import { cryptoRandom } from '../src/lib/random.js';
import { sqliteBackend } from '../test/support/backends.js';
import { median, type BenchResult } from './result.js';

const PASSWORD = 'a bench password that is long enough';

/** Sequential operations per second over about `ms` milliseconds. */
const perSecond = async (op: () => Promise<unknown>, ms: number): Promise<number> => {
  await op();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await op();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
};

export async function run(): Promise<BenchResult[]> {
  const { store, dispose } = await sqliteBackend.open();
  try {
    await store.instance.create({
      instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
      identityStoreId: 'd-0123456789',
      ownerAccountId: '111122223333',
      name: 'bench',
      status: 'ACTIVE',
      createdAt: Date.now(),
      adminUserArn: 'arn:aws:iam::111122223333:user/admin',
    });
    const services = createServices({ store, clock: systemClock, random: cryptoRandom, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) });
    const user = await services.identityStore.createUser('d-0123456789', { UserName: 'bench', DisplayName: 'Bench', Name: { GivenName: 'B', FamilyName: 'U' } });
    await services.directory.setPassword(user.userId, PASSWORD);
    const rawHash = await hashPassword(PASSWORD, cryptoRandom);

    const check = async () => {
      const r = await services.directory.checkPassword('bench', PASSWORD);
      if (!r.ok) throw new Error(`sign-in failed: ${JSON.stringify(r)}`);
    };
    const raw = async () => {
      if (!(await verify(rawHash, PASSWORD))) throw new Error('raw verify failed');
    };
    // Interleaved rounds, medians: the machine's load drifts, and both sides should see the same.
    const rawRuns: number[] = [];
    const checkRuns: number[] = [];
    for (let round = 0; round < 5; round++) {
      rawRuns.push(await perSecond(raw, 1000));
      checkRuns.push(await perSecond(check, 1000));
    }
    const rawRate = median(rawRuns);
    const checkRate = median(checkRuns);
    return [
      { name: 'raw argon2id verify (m=19456, t=2, p=1)', value: rawRate, unit: 'checks/s' },
      {
        name: 'checkPassword, correct password (SQLite)',
        value: checkRate,
        unit: 'checks/s',
        ratio: { against: 'raw argon2id verify', value: checkRate / rawRate, goal: '>= 0.8x' },
      },
    ];
  } finally {
    await dispose();
  }
}
