// Setting passwords: an administrator sets one (or issues a one-time password the user must
// change at first sign-in), and a user changes their own, proving the current one first.

import { GatehouseError } from '../../lib/errors.js';
import { randomChars } from '../../lib/random.js';
import type { Ports } from '../ports.js';
import type { AttemptGate } from './attempt-gate.js';
import { failureAnswer } from './attempt-policy.js';
import type { DirectoryUser, DirectoryUsers } from './directory-users.js';
import { normalizePassword } from './normalize-password.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { checkNewPassword } from './password-rules.js';

/** Generated one-time passwords: no look-alike characters (0/O, 1/l/I), 20 of them (~115 bits). */
const GENERATED_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const GENERATED_LENGTH = 20;

export interface SetPasswordOptions {
  /** The user must change it at their next sign-in. */
  readonly oneTime?: boolean;
}

export class PasswordChanges {
  constructor(
    private readonly ports: Ports,
    private readonly users: DirectoryUsers,
    private readonly gate: AttemptGate,
  ) {}

  /** An administrator's act: no current password; clears failures and locks. */
  async set(user: DirectoryUser, password: string, options: SetPasswordOptions = {}): Promise<{ mustChangePassword: boolean }> {
    const normalized = checkNewPassword(password, user.userName);
    const mustChangePassword = options.oneTime === true;
    await this.write(user, normalized, mustChangePassword);
    return { mustChangePassword };
  }

  /** A random one-time password, for an administrator to hand over. */
  generate(): string {
    return randomChars(this.ports.random, GENERATED_LENGTH, GENERATED_ALPHABET);
  }

  /** The user's own change, counted by the attempt gate like a sign-in. */
  async change(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.get(userId);
    const normalized = checkNewPassword(newPassword, user.userName, 'NewPassword');
    const record = await this.ports.store.directory.getCredential(userId);
    if (!record?.passwordHash) throw wrongPassword();
    const claim = await this.gate.claim(userId);
    if (claim.kind === 'refused') throw tooManyFailures(claim.refusal.retryAfterSeconds);
    if (claim.kind === 'no-record') throw wrongPassword();
    if (!(await verifyPassword(record.passwordHash, normalizePassword(currentPassword)))) {
      const answer = failureAnswer(claim.ifWrong, this.ports.clock.now());
      throw answer.reason === 'locked' ? tooManyFailures(answer.retryAfterSeconds!) : wrongPassword();
    }
    await this.gate.succeed(userId);
    // A one-time password kept as the new one would defeat its purpose.
    if (await verifyPassword(record.passwordHash, normalized)) {
      throw new GatehouseError('Validation', 'The new password must differ from the current one.', { field: 'NewPassword', reason: 'UNCHANGED' });
    }
    await this.write(user, normalized, false);
  }

  private async write(user: DirectoryUser, normalized: string, mustChangePassword: boolean): Promise<void> {
    const passwordHash = await hashPassword(normalized, this.ports.random);
    await this.ports.store.directory.putPassword({
      userId: user.userId,
      identityStoreId: user.identityStoreId,
      passwordHash,
      mustChangePassword,
      now: this.ports.clock.now(),
    });
  }
}

const wrongPassword = () => new GatehouseError('Unauthenticated', 'The current password is wrong.', { field: 'CurrentPassword' });

const tooManyFailures = (seconds: number) =>
  new GatehouseError('Throttled', `Too many failed attempts; try again in ${seconds} seconds.`, { reason: 'TOO_MANY_FAILURES' });
