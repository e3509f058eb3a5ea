// TOTP devices: enrollment (a secret shown once, confirmed by a first code), checking codes
// (each accepted once: the device remembers the last time step used), listing, renaming and
// removal (of either kind; WebAuthn ceremonies are in webauthn-devices.ts).
// Secrets are sealed with the key ring, bound to their user and device, and opened only to
// compute codes.

import { invalid, notFound } from '../../lib/errors.js';
import type { Ports } from '../ports.js';
import type { AttemptGate } from './attempt-gate.js';
import type { MfaDeviceInfo, TotpEnrollment } from './directory-credentials.js';
import type { MfaDeviceRecord } from './directory-repository.js';
import type { DirectoryUser } from './directory-users.js';
import { countOf, insertInFreeSlot, MAX_DEVICE_NAME, MAX_TOTP_DEVICES, tooManyDevices } from './device-slots.js';
import { encodeTotpSecret, matchTotp, otpauthUrl, TOTP_SECRET_BYTES } from './totp.js';

export { MAX_MFA_DEVICES } from './device-slots.js';
/** How long a started enrollment waits for its first code. */
export const ENROLLMENT_TTL_MS = 10 * 60 * 1000;

/** The sealing context: a secret copied to another user's or device's row will not open. */
const secretContext = (userId: string, deviceId: string) => `directory:totp:${userId}:${deviceId}`;

export const checkDeviceName = (deviceName: string): string => {
  const name = deviceName.trim();
  if (name.length === 0 || name.length > MAX_DEVICE_NAME) throw invalid('DeviceName', `A device name is 1 to ${MAX_DEVICE_NAME} characters.`);
  return name;
};

export const deviceInfo = (d: MfaDeviceRecord): MfaDeviceInfo => ({ deviceId: d.deviceId, kind: d.kind, name: d.name, createdAt: d.createdAt });

export class MfaDevices {
  constructor(
    private readonly ports: Ports,
    private readonly gate: AttemptGate,
  ) {}

  list(userId: string): Promise<MfaDeviceRecord[]> {
    return this.ports.store.directory.listDevices(userId);
  }

  async startEnrollment(user: DirectoryUser, deviceName: string): Promise<TotpEnrollment> {
    const name = checkDeviceName(deviceName);
    const repo = this.ports.store.directory;
    if (countOf(await repo.listDevices(user.userId), 'totp') >= MAX_TOTP_DEVICES) throw tooManyDevices('totp');
    const now = this.ports.clock.now();
    await repo.deleteExpiredEnrollments(now);
    // The enrollment id becomes the device id, so the sealed secret moves over unchanged.
    const enrollmentId = this.ports.random.uuid();
    const secret = encodeTotpSecret(this.ports.random.bytes(TOTP_SECRET_BYTES));
    await repo.insertEnrollment({
      enrollmentId,
      userId: user.userId,
      name,
      secretSealed: this.ports.keyRing.seal(secret, secretContext(user.userId, enrollmentId)),
      createdAt: now,
      expiresAt: now + ENROLLMENT_TTL_MS,
    });
    return { enrollmentId, secret, otpauthUrl: otpauthUrl(user.userName, secret) };
  }

  async confirm(userId: string, enrollmentId: string, code: string): Promise<MfaDeviceInfo> {
    const repo = this.ports.store.directory;
    const now = this.ports.clock.now();
    const enrollment = await repo.getEnrollment(enrollmentId);
    if (!enrollment || enrollment.userId !== userId || enrollment.expiresAt <= now) {
      throw notFound('MfaEnrollment', 'The enrollment does not exist or has expired; start again.', { resourceId: enrollmentId });
    }
    const secret = this.ports.keyRing.openString(enrollment.secretSealed, secretContext(userId, enrollmentId));
    const step = matchTotp(secret, code, now);
    if (step === undefined) throw invalid('Code', 'The code is not valid for this device; check the device clock.');
    const build = (slot: number): MfaDeviceRecord => ({
      deviceId: enrollmentId,
      userId,
      slot,
      kind: 'totp',
      name: enrollment.name,
      secretSealed: enrollment.secretSealed,
      // The confirming code counts as used: it cannot sign anyone in afterwards.
      lastUsedStep: step,
      lastUsedAt: now,
      createdAt: now,
    });
    const device = await insertInFreeSlot(repo, userId, 'totp', build);
    await repo.deleteEnrollment(enrollmentId);
    return deviceInfo(device);
  }

  /** A code from any of the user's devices, not used before; counted by the attempt gate. */
  async verify(userId: string, code: string): Promise<boolean> {
    const claim = await this.gate.claim(userId);
    if (claim.kind !== 'claimed') return false;
    const repo = this.ports.store.directory;
    const now = this.ports.clock.now();
    for (const device of await repo.listDevices(userId)) {
      if (device.kind !== 'totp') continue;
      const secret = this.ports.keyRing.openString(device.secretSealed, secretContext(userId, device.deviceId));
      const step = matchTotp(secret, code, now);
      if (step === undefined || step <= device.lastUsedStep) continue;
      // Compare-and-set on the step: of two sign-ins racing with one code, one wins.
      if (await repo.markDeviceUsed(device.deviceId, step, now)) {
        await this.gate.succeed(userId);
        return true;
      }
    }
    return false;
  }

  async rename(userId: string, deviceId: string, deviceName: string): Promise<void> {
    const name = checkDeviceName(deviceName);
    if (!(await this.ports.store.directory.renameDevice(userId, deviceId, name))) {
      throw notFound('MfaDevice', `The user has no MFA device ${deviceId}.`, { resourceId: deviceId });
    }
  }

  async delete(userId: string, deviceId: string): Promise<void> {
    if (!(await this.ports.store.directory.deleteDevice(userId, deviceId))) {
      throw notFound('MfaDevice', `The user has no MFA device ${deviceId}.`, { resourceId: deviceId });
    }
  }
}
