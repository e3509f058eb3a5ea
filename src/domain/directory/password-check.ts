// Checking a user name and password at sign-in. Unknown names, and users who have no password,
// are checked against a dummy hash and throttled in memory, so that they answer as a real user
// with a wrong password would, in about the same time.

import type { Ports } from '../ports.js';
import type { AttemptGate } from './attempt-gate.js';
import { failureAnswer, type Refusal } from './attempt-policy.js';
import type { PasswordCheck } from './directory-credentials.js';
import type { DirectoryUsers } from './directory-users.js';
import { normalizePassword } from './normalize-password.js';
import { dummyHash, verifyPassword } from './password-hasher.js';
import { UnknownUserThrottle } from './unknown-user-throttle.js';

/** A try refused unchecked: `locked` until retryAfterSeconds have passed. */
const refused = (r: Refusal): PasswordCheck => ({ ok: false, reason: 'locked', retryAfterSeconds: r.retryAfterSeconds });

export class PasswordChecker {
  private readonly unknown = new UnknownUserThrottle();

  constructor(
    private readonly ports: Ports,
    private readonly users: DirectoryUsers,
    private readonly gate: AttemptGate,
  ) {
    // Made now (once per process), so the first unknown name costs no more than a known one.
    dummyHash(ports.random).catch(() => undefined);
  }

  async check(userName: string, password: string): Promise<PasswordCheck> {
    const normalized = normalizePassword(password);
    const user = await this.users.findByName(userName);
    const record = user && (await this.ports.store.directory.getCredential(user.userId));
    if (!user || !record?.passwordHash) return this.checkUnknown(userName, normalized);

    const claim = await this.gate.claim(user.userId);
    if (claim.kind === 'refused') return refused(claim.refusal);
    if (claim.kind === 'no-record') return this.checkUnknown(userName, normalized);
    if (!(await verifyPassword(record.passwordHash, normalized))) {
      return { ok: false, ...failureAnswer(claim.ifWrong, this.ports.clock.now()) };
    }
    await this.gate.succeed(user.userId);
    // Only someone who knows the password learns that the user is disabled.
    if (record.disabledAt !== undefined) return { ok: false, reason: 'disabled' };
    return { ok: true, userId: user.userId, userName: user.userName, mustChangePassword: record.mustChangePassword };
  }

  private async checkUnknown(userName: string, normalized: string): Promise<PasswordCheck> {
    const r = this.unknown.refused(userName, this.ports.clock.now());
    if (r) return refused(r);
    await verifyPassword(await dummyHash(this.ports.random), normalized);
    return { ok: false, ...this.unknown.fail(userName, this.ports.clock.now()) };
  }
}
