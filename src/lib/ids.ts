// Identifier formats, as AWS writes them (DESIGN.md, "Identifiers").

import { type Random, randomDigits, randomHex, randomChars } from './random.js';

const LOWER36 = 'abcdefghijklmnopqrstuvwxyz0123456789';

export const newAccountId = (r: Random) => {
  const id = randomDigits(r, 12);
  return id.startsWith('0') ? `1${id.slice(1)}` : id;
};
export const newOrganizationId = (r: Random) => `o-${randomChars(r, 10, LOWER36)}`;
export const newRootId = (r: Random) => `r-${randomChars(r, 4, LOWER36)}`;
export const newOuId = (r: Random, rootId: string) =>
  `ou-${rootId.slice(2)}-${randomChars(r, 8, LOWER36)}`;
export const newPolicyId = (r: Random) => `p-${randomChars(r, 8, LOWER36)}`;
export const newCreateAccountRequestId = (r: Random) => `car-${randomHex(r, 32)}`;
export const newInstanceArn = (r: Random) => `arn:aws:sso:::instance/ssoins-${randomHex(r, 16)}`;
export const newIdentityStoreId = (r: Random) => `d-${randomHex(r, 10)}`;
export const newAccessKeyId = (r: Random) => `AKIA${randomChars(r, 16)}`;
export const newTemporaryAccessKeyId = (r: Random) => `ASIA${randomChars(r, 16)}`;
/** A secret access key: 40 characters of base64. */
export const newSecretAccessKey = (r: Random) =>
  r.bytes(30).toString('base64').replace(/\+/g, 'A').replace(/\//g, 'B');
/** IAM unique ids: a 4-letter prefix (`AIDA` users, `AROA` roles) and 17 base32 characters. */
export const newIamUniqueId = (r: Random, prefix: 'AIDA' | 'AROA' | 'ANPA' | 'AGPA') =>
  `${prefix}${randomChars(r, 17)}`;
