// How many MFA devices a user may have, as in AWS IAM Identity Center: two authenticator apps
// and six FIDO authenticators (security keys, passkeys), eight in all. Each kind has its own
// slots; the repository's unique (user, slot) keeps the limits under concurrent registrations.

import { GatehouseError } from '../../lib/errors.js';
import type { MfaDeviceRecord } from './directory-repository.js';

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
