// One refresh at a time per cache file. Tools call credential_process in parallel (terraform,
// several AWS CLI processes), and Gatehouse treats a refresh token used twice as stolen and ends
// the whole grant, so a second process must wait and then read the token the first one wrote.

import { open, stat, unlink } from 'node:fs/promises';

const STALE_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` holding `${path}.lock`; waits up to `waitMs` for another holder, then breaks a stale lock. */
export const withFileLock = async <T>(path: string, work: () => Promise<T>, waitMs = 15_000): Promise<T> => {
  const lock = `${path}.lock`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      // A holder that died leaves its lock behind; nobody refreshes for 30 seconds.
      if (age > STALE_MS || Date.now() > deadline) await unlink(lock).catch(() => {});
      else await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    await unlink(lock).catch(() => {});
  }
};
