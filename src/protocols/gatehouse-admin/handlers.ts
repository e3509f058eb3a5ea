// The Gatehouse admin API (GatehouseAdmin.*): directory credentials and sign-in settings. The
// wire adapter has verified the signature, validated the input against the model and
// authorized `gatehouse:<Operation>`; each handler calls the DirectoryService.

import type { DirectoryService } from '../../domain/directory/directory-service.js';
import type { DirectorySettings } from '../../domain/directory/directory-settings.js';
import type { ServiceHandlers } from '../operation.js';
import { SESSION_ADMIN_HANDLERS } from './session-handlers.js';
import { APPLICATION_ADMIN_HANDLERS } from './application-handlers.js';
import { SAML_KEY_HANDLERS } from './saml-key-handlers.js';
import { AUDIT_ADMIN_HANDLERS } from './audit-handlers.js';

const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

export const userOf = (directory: DirectoryService, input: { UserId?: string; UserName?: string }) =>
  directory.resolveUser({
    ...(input.UserId !== undefined ? { userId: input.UserId } : {}),
    ...(input.UserName !== undefined ? { userName: input.UserName } : {}),
  });

const settingsShape = (s: DirectorySettings) => ({ MfaMode: s.mfaMode, SessionDuration: s.sessionDuration });

export const GATEHOUSE_ADMIN_HANDLERS: ServiceHandlers = {
  ...SESSION_ADMIN_HANDLERS,
  ...APPLICATION_ADMIN_HANDLERS,
  ...SAML_KEY_HANDLERS,
  ...AUDIT_ADMIN_HANDLERS,
  async SetUserPassword(input, { services: { directory } }) {
    const user = await userOf(directory, input);
    if (input.Password === undefined) {
      // No password given: generate a one-time one, shown to the administrator this once.
      const GeneratedPassword = await directory.issueOneTimePassword(user.userId);
      return { UserId: user.userId, MustChangePassword: true, GeneratedPassword };
    }
    const { mustChangePassword } = await directory.setPassword(user.userId, input.Password, { oneTime: input.OneTime === true });
    return { UserId: user.userId, MustChangePassword: mustChangePassword };
  },
  async DisableUser(input, { services: { directory } }) {
    const user = await userOf(directory, input);
    await directory.disableUser(user.userId);
    return { UserId: user.userId, Disabled: true };
  },
  async EnableUser(input, { services: { directory } }) {
    const user = await userOf(directory, input);
    await directory.enableUser(user.userId);
    return { UserId: user.userId, Disabled: false };
  },
  async UnlockUser(input, { services: { directory } }) {
    const user = await userOf(directory, input);
    await directory.unlockUser(user.userId);
    return { UserId: user.userId };
  },
  async GetUserSignInStatus(input, { services: { directory } }) {
    const s = await directory.signInStatus((await userOf(directory, input)).userId);
    return {
      UserId: s.userId,
      UserName: s.userName,
      Disabled: s.disabled,
      DisabledAt: date(s.disabledAt),
      HasPassword: s.hasPassword,
      MustChangePassword: s.mustChangePassword,
      PasswordChangedAt: date(s.passwordChangedAt),
      ConsecutiveFailures: s.failedAttempts,
      RetryAfter: date(s.retryAt),
      LockedUntil: date(s.lockedUntil),
      MfaDeviceCount: s.mfaDeviceCount,
      StatusVersion: s.statusVersion,
    };
  },
  async ListUserMfaDevices(input, { services: { directory } }) {
    const user = await userOf(directory, input);
    const devices = await directory.listMfaDeviceRecords(user.userId);
    return {
      UserId: user.userId,
      MfaDevices: devices.map((d) => ({ DeviceId: d.deviceId, Kind: d.kind, Name: d.name, CreatedAt: new Date(d.createdAt), LastUsedAt: date(d.lastUsedAt) })),
    };
  },
  async DeleteUserMfaDevice(input, { services: { directory } }) {
    const user = await userOf(directory, input);
    await directory.deleteMfaDevice(user.userId, input.DeviceId);
    return {};
  },
  async GetSettings(_input, { services: { directory } }) {
    return settingsShape(await directory.getSettings());
  },
  async UpdateSettings(input, { services: { directory } }) {
    return settingsShape(
      await directory.updateSettings({
        ...(input.MfaMode !== undefined ? { mfaMode: input.MfaMode } : {}),
        ...(input.SessionDuration !== undefined ? { sessionDuration: input.SessionDuration } : {}),
      }),
    );
  },
};
