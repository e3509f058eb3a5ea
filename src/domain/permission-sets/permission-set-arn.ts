// Permission set ARNs: `arn:aws:sso:::permissionSet/ssoins-{16 hex}/ps-{16 hex}`.

import { randomHex, type Random } from '../../lib/random.js';

/** `ssoins-…` from the instance ARN. */
export const instanceIdOf = (instanceArn: string): string => instanceArn.slice(instanceArn.lastIndexOf('/') + 1);

export const newPermissionSetArn = (instanceArn: string, random: Random): string =>
  `arn:aws:sso:::permissionSet/${instanceIdOf(instanceArn)}/ps-${randomHex(random, 16)}`;

/** Whether the ARN is a permission set of this instance (it may still not exist). */
export const belongsToInstance = (permissionSetArn: string, instanceArn: string): boolean =>
  permissionSetArn.startsWith(`arn:aws:sso:::permissionSet/${instanceIdOf(instanceArn)}/ps-`);
