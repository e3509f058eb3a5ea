// How many MFA devices a user may have, as in AWS IAM Identity Center: two authenticator apps
// and six FIDO authenticators (security keys, passkeys), eight in all. Each kind has its own
// slots; the repository's unique (user, slot) keeps the limits under concurrent registrations.

import { GatehouseError } from '../../lib/errors.js';
import type { DirectoryRepository, MfaDeviceRecord } from './directory-repository.js';

export const MAX_TOTP_DEVICES = 2;
export const MAX_WEBAUTHN_DEVICES = 6;
export const MAX_MFA_DEVICES = MAX_TOTP_DEVICES + MAX_WEBAUTHN_DEVICES;

const SLOTS: Readonly<Record<MfaDeviceRecord['kind'], readonly number[]>> = {
  totp: [1, 2],
  webauthn: [3, 4, 5, 6, 7, 8],
};

const LIMIT = { totp: MAX_TOTP_DEVICES, webauthn: MAX_WEBAUTHN_DEVICES };
const LABEL = { totp: 'authenticator apps', webauthn: 'security keys or passkeys' };

export const tooManyDevices = (kind: MfaDeviceRecord['kind']) =>
  new GatehouseError('LimitExceeded', `A user may have at most ${LIMIT[kind]} ${LABEL[kind]} (${MAX_MFA_DEVICES} MFA devices in all).`, {
    resource: 'MfaDevice',
  });

/** A free slot of that kind, or undefined when the user has as many as allowed. */
export const freeSlot = (devices: readonly MfaDeviceRecord[], kind: MfaDeviceRecord['kind']): number | undefined => {
  const used = new Set(devices.map((d) => d.slot));
  return SLOTS[kind].find((s) => !used.has(s));
};

export const countOf = (devices: readonly MfaDeviceRecord[], kind: MfaDeviceRecord['kind']): number =>
  devices.filter((d) => d.kind === kind).length;

export const MAX_DEVICE_NAME = 64;

/**
 * Inserts the device `build` makes for the first free slot of its kind. Registrations racing
 * each other may pick the same slot; the loser (a Conflict on the unique (user, slot)) looks
 * again, so it takes the next free slot and is refused only when none is left. `check` sees
 * every fresh list (to refuse a key registered meanwhile).
 */
export async function insertInFreeSlot(
  repo: DirectoryRepository,
  userId: string,
  kind: MfaDeviceRecord['kind'],
  build: (slot: number) => MfaDeviceRecord,
  check: (devices: readonly MfaDeviceRecord[]) => void = () => {},
): Promise<MfaDeviceRecord> {
  for (let attempt = 0; attempt <= SLOTS[kind].length; attempt++) {
    const devices = await repo.listDevices(userId);
    check(devices);
    const slot = freeSlot(devices, kind);
    if (slot === undefined) break;
    const device = build(slot);
    try {
      await repo.insertDevice(device);
      return device;
    } catch (e) {
      if (!(e instanceof GatehouseError && e.code === 'Conflict')) throw e;
    }
  }
  throw tooManyDevices(kind);
}
