// The directory's credentials: what sign-in asks (DirectoryCredentials) and what administrators
// do (set passwords, disable users, unlock, remove MFA devices, settings). The rules live in
// the classes it delegates to; this is the one entry point the composition root builds.

import type { Ports } from '../ports.js';
import { AttemptGate } from './attempt-gate.js';
import { GatehouseError, notFound } from '../../lib/errors.js';
import type { DirectoryCredentials, MfaDeviceInfo, MfaMode, PasswordCheck, TotpEnrollment, WebAuthnOptions } from './directory-credentials.js';
import type { MfaDeviceRecord } from './directory-repository.js';
import { DirectorySettingsStore, type DirectorySettings } from './directory-settings.js';
import { DirectoryUsers, type DirectoryUser, type UserReference } from './directory-users.js';
import { deviceInfo, MfaDevices } from './mfa-devices.js';
import { PasswordChanges, type SetPasswordOptions } from './password-changes.js';
import { PasswordChecker } from './password-check.js';
import type { SignInStatus } from './sign-in-status.js';
import { WebAuthnDevices, type Ceremony } from './webauthn-devices.js';

const future = (t: number | undefined, now: number) => (t !== undefined && t > now ? t : undefined);

export class DirectoryService implements DirectoryCredentials {
  readonly users: DirectoryUsers;
  private readonly gate: AttemptGate;
  private readonly checker: PasswordChecker;
  private readonly passwords: PasswordChanges;
  private readonly devices: MfaDevices;
  private readonly keys: WebAuthnDevices;
  private readonly settings: DirectorySettingsStore;

  constructor(private readonly ports: Ports) {
    this.users = new DirectoryUsers(ports);
    this.gate = new AttemptGate(ports);
    this.checker = new PasswordChecker(ports, this.users, this.gate);
    this.passwords = new PasswordChanges(ports, this.users, this.gate);
    this.devices = new MfaDevices(ports, this.gate);
    this.keys = new WebAuthnDevices(ports, this.gate);
    this.settings = new DirectorySettingsStore(ports);
  }

  // ---- sign-in (DirectoryCredentials)

  checkPassword = (userName: string, password: string): Promise<PasswordCheck> => this.checker.check(userName, password);
  changePassword = (userId: string, currentPassword: string, newPassword: string): Promise<void> =>
    this.passwords.change(userId, currentPassword, newPassword);
  mfaMode = async (): Promise<MfaMode> => (await this.settings.get()).mfaMode;
  listMfaDevices = async (userId: string): Promise<MfaDeviceInfo[]> => (await this.devices.list(userId)).map(deviceInfo);
  verifyTotp = (userId: string, code: string): Promise<boolean> => this.devices.verify(userId, code);
  startTotpEnrollment = async (userId: string, deviceName: string): Promise<TotpEnrollment> =>
    this.devices.startEnrollment(await this.users.get(userId), deviceName);
  confirmTotp = (userId: string, enrollmentId: string, code: string): Promise<MfaDeviceInfo> =>
    this.devices.confirm(userId, enrollmentId, code);

  startWebAuthnRegistration = async (c: Ceremony): Promise<WebAuthnOptions> =>
    this.keys.startRegistration(await this.users.get(c.userId), c) as unknown as WebAuthnOptions;
  finishWebAuthnRegistration = (c: Ceremony, deviceName: string, response: unknown): Promise<MfaDeviceInfo> =>
    this.keys.finishRegistration(c, deviceName, response);
  startWebAuthnAuthentication = async (c: Ceremony): Promise<WebAuthnOptions> =>
    (await this.keys.startAuthentication(c)) as unknown as WebAuthnOptions;
  verifyWebAuthn = (c: Ceremony, response: unknown): Promise<boolean> => this.keys.verify(c, response);

  // ---- the user's own devices (portal Settings)

  renameMfaDevice = (userId: string, deviceId: string, name: string): Promise<void> => this.devices.rename(userId, deviceId, name);

  /** Removes one of the user's devices; never the last one while MFA is required. */
  async removeOwnMfaDevice(userId: string, deviceId: string): Promise<void> {
    const required = (await this.mfaMode()) === 'required';
    // Check and delete under one lock on the user's devices: two removals racing each other
    // must not leave a user who needs MFA with no device.
    await this.ports.store.transaction(async (tx) => {
      const devices = await tx.directory.listDevices(userId, { forUpdate: true });
      if (!devices.some((d) => d.deviceId === deviceId)) throw notFound('MfaDevice', `You have no MFA device ${deviceId}.`, { resourceId: deviceId });
      if (devices.length === 1 && required) {
        throw new GatehouseError('InvalidState', 'Multi-factor authentication is required: register another device before you remove your last one.', {
          resource: 'MfaDevice',
          resourceId: deviceId,
          reason: 'LastDevice',
        });
      }
      await tx.directory.deleteDevice(userId, deviceId);
    });
  }

  async isActive(userId: string): Promise<boolean> {
    if (!(await this.users.findById(userId))) return false;
    return (await this.ports.store.directory.getCredential(userId))?.disabledAt === undefined;
  }

  /** See SignInStatus.statusVersion; 0 for a user the directory has never written about. */
  async userStatusVersion(userId: string): Promise<number> {
    return (await this.ports.store.directory.getCredential(userId))?.statusVersion ?? 0;
  }

  // ---- administration

  resolveUser = (ref: UserReference): Promise<DirectoryUser> => this.users.resolve(ref);

  /** Sets a user's password (the demo seed uses this too); `oneTime` forces a change at sign-in. */
  async setPassword(userId: string, password: string, options: SetPasswordOptions = {}): Promise<{ mustChangePassword: boolean }> {
    return this.passwords.set(await this.users.get(userId), password, options);
  }

  /** Issues a generated one-time password and returns it (shown to the administrator once). */
  async issueOneTimePassword(userId: string): Promise<string> {
    const password = this.passwords.generate();
    await this.passwords.set(await this.users.get(userId), password, { oneTime: true });
    return password;
  }

  async disableUser(userId: string): Promise<void> {
    const user = await this.users.get(userId);
    const record = await this.ports.store.directory.getCredential(userId);
    if (record?.disabledAt !== undefined) return;
    const now = this.ports.clock.now();
    await this.ports.store.directory.putDisabled(userId, user.identityStoreId, now, now);
  }

  async enableUser(userId: string): Promise<void> {
    const user = await this.users.get(userId);
    const record = await this.ports.store.directory.getCredential(userId);
    if (record === undefined || record.disabledAt === undefined) return;
    await this.ports.store.directory.putDisabled(userId, user.identityStoreId, undefined, this.ports.clock.now());
  }

  async unlockUser(userId: string): Promise<void> {
    await this.users.get(userId);
    await this.gate.unlock(userId);
  }

  async signInStatus(userId: string): Promise<SignInStatus> {
    const user = await this.users.get(userId);
    const record = await this.ports.store.directory.getCredential(userId);
    const now = this.ports.clock.now();
    const retryAt = future(record?.attempts.retryAt, now);
    const lockedUntil = future(record?.attempts.lockedUntil, now);
    // A lock that has run out no longer counts: the next failure starts again at one.
    const lockRanOut = record?.attempts.lockedUntil !== undefined && lockedUntil === undefined;
    return {
      userId,
      userName: user.userName,
      disabled: record?.disabledAt !== undefined,
      ...(record?.disabledAt !== undefined ? { disabledAt: record.disabledAt } : {}),
      hasPassword: record?.passwordHash !== undefined,
      mustChangePassword: record?.mustChangePassword ?? false,
      ...(record?.passwordChangedAt !== undefined ? { passwordChangedAt: record.passwordChangedAt } : {}),
      failedAttempts: lockRanOut ? 0 : record?.attempts.failedAttempts ?? 0,
      ...(retryAt !== undefined ? { retryAt } : {}),
      ...(lockedUntil !== undefined ? { lockedUntil } : {}),
      mfaDeviceCount: (await this.devices.list(userId)).length,
      statusVersion: record?.statusVersion ?? 0,
    };
  }

  async listMfaDeviceRecords(userId: string): Promise<readonly Omit<MfaDeviceRecord, 'secretSealed'>[]> {
    await this.users.get(userId);
    return (await this.devices.list(userId)).map(({ secretSealed: _, credential: __, ...rest }) => rest);
  }

  async deleteMfaDevice(userId: string, deviceId: string): Promise<void> {
    await this.users.get(userId);
    await this.devices.delete(userId, deviceId);
  }

  // ---- settings

  getSettings = (): Promise<DirectorySettings> => this.settings.get();
  updateSettings = (patch: Partial<DirectorySettings>): Promise<DirectorySettings> => this.settings.update(patch);
  /** For the composition root at start: a new instance's MFA mode (GATEHOUSE_MFA_MODE). */
  ensureSettings = (initial: Partial<DirectorySettings>): Promise<DirectorySettings> => this.settings.ensure(initial);
}
