// Long-term access keys of IAM users: at most two a user; the secret is returned once, at
// creation, and stored only sealed with the key ring.

import { newAccessKeyId, newSecretAccessKey } from '../../lib/ids.js';
import type { KeyRing } from '../../lib/key-ring.js';
import type { IamContext } from './context.js';
import type { AccessKey } from './model.js';
import { limitExceeded, noSuchEntity } from './errors.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { getUser } from './users.js';
import { nameKey } from './names.js';

export const MAX_ACCESS_KEYS_PER_USER = 2;

/** The additional authenticated data that binds a sealed secret to its key id. */
export const sealContext = (accessKeyId: string) => `iam-access-key:${accessKeyId}`;

export interface AccessKeyMetadata {
  readonly userName: string;
  readonly accessKeyId: string;
  readonly status: AccessKey['status'];
  readonly createdAt: number;
}

export interface NewAccessKey extends AccessKeyMetadata {
  readonly secretAccessKey: string;
}

const keyNotFound = (id: string) => noSuchEntity('AccessKey', `The Access Key with id ${id} cannot be found.`);

const metadata = (k: AccessKey): AccessKeyMetadata => ({
  userName: k.userName,
  accessKeyId: k.accessKeyId,
  status: k.status,
  createdAt: k.createdAt,
});

export async function createAccessKey(
  ctx: IamContext,
  keyRing: KeyRing,
  userName: string,
  fixed?: { accessKeyId: string; secretAccessKey: string },
): Promise<NewAccessKey> {
  const user = await getUser(ctx, userName);
  const existing = await ctx.repo.listAccessKeys(ctx.accountId, user.userName);
  if (existing.length >= MAX_ACCESS_KEYS_PER_USER) {
    throw limitExceeded('AccessKey', `Cannot exceed quota for AccessKeysPerUser: ${MAX_ACCESS_KEYS_PER_USER}`);
  }
  const accessKeyId = fixed?.accessKeyId ?? newAccessKeyId(ctx.random);
  const secretAccessKey = fixed?.secretAccessKey ?? newSecretAccessKey(ctx.random);
  const key: AccessKey = {
    accessKeyId,
    accountId: ctx.accountId,
    userName: user.userName,
    secretSealed: keyRing.seal(secretAccessKey, sealContext(accessKeyId)),
    status: 'Active',
    createdAt: ctx.now,
  };
  await ctx.repo.createAccessKey(key);
  return { ...metadata(key), secretAccessKey };
}

/** The key, if it is one of `userName`'s keys in the account. */
async function userKey(ctx: IamContext, userName: string, accessKeyId: string): Promise<AccessKey> {
  const user = await getUser(ctx, userName);
  const key = await ctx.repo.getAccessKey(accessKeyId);
  if (!key || key.accountId !== ctx.accountId || nameKey(key.userName) !== nameKey(user.userName)) throw keyNotFound(accessKeyId);
  return key;
}

export async function listAccessKeys(ctx: IamContext, userName: string, page: PageRequest): Promise<Page<AccessKeyMetadata>> {
  const user = await getUser(ctx, userName);
  const keys = (await ctx.repo.listAccessKeys(ctx.accountId, user.userName)).map(metadata);
  return paginate(keys, (k) => k.accessKeyId, `access-keys:${nameKey(user.userName)}`, page);
}

export async function updateAccessKey(ctx: IamContext, userName: string, accessKeyId: string, status: AccessKey['status']): Promise<void> {
  const key = await userKey(ctx, userName, accessKeyId);
  await ctx.repo.updateAccessKeyStatus(key.accessKeyId, status);
}

export async function deleteAccessKey(ctx: IamContext, userName: string, accessKeyId: string): Promise<void> {
  const key = await userKey(ctx, userName, accessKeyId);
  await ctx.repo.deleteAccessKey(key.accessKeyId);
}

export interface AccessKeyLastUsedOutput {
  readonly userName: string;
  /** `N/A` service and region, and no date, when the key was never used. */
  readonly lastUsed: { readonly at?: number; readonly serviceName: string; readonly region: string };
}

export async function getAccessKeyLastUsed(ctx: IamContext, accessKeyId: string): Promise<AccessKeyLastUsedOutput> {
  const key = await ctx.repo.getAccessKey(accessKeyId);
  if (!key || key.accountId !== ctx.accountId) throw keyNotFound(accessKeyId);
  return {
    userName: key.userName,
    lastUsed: key.lastUsed
      ? { at: key.lastUsed.at, serviceName: key.lastUsed.serviceName, region: key.lastUsed.region }
      : { serviceName: 'N/A', region: 'N/A' },
  };
}
