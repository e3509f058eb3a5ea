// First start on an empty database: the organization with its management account, the
// Identity Center instance and identity store, and an IAM user `admin` with one access key.
// Nodes starting together race here; the instance row is a singleton, so one wins and the
// others roll back and read what it made.

import type { Services } from '../services.js';
import type { Instance } from '../instance/instance-repository.js';
import { isGatehouseError } from '../../lib/errors.js';
import { newIdentityStoreId, newInstanceArn } from '../../lib/ids.js';
import { attachPolicy } from '../iam/attachments.js';
import { API_CALLER } from '../iam/protection.js';

export interface InitializeOptions {
  /** Fixes the admin's access key instead of generating one. */
  readonly bootstrapKey?: { accessKeyId: string; secretAccessKey: string };
}

export interface Installation {
  readonly instance: Instance;
  /** Present only when this call created the installation: the key is shown once. */
  readonly adminKey?: { accessKeyId: string; secretAccessKey: string };
}

export const ADMIN_USER_NAME = 'admin';
/** The administrator is an ordinary IAM user whose power comes from this policy. */
export const ADMIN_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

const create = (services: Services, options: InitializeOptions): Promise<Installation> =>
  services.ports.store.transaction(async (tx) => {
    const { random, clock } = services.ports;
    const org = await services.organizations.initialize(tx, {
      managementAccountName: 'Management',
      managementAccountEmail: 'management@gatehouse.invalid',
    });
    const admin = await services.iam.createUser(tx, org.managementAccountId, ADMIN_USER_NAME);
    const adminKey = await services.iam.createAccessKey(tx, admin, options.bootstrapKey);
    const iamContext = { repo: tx.iam, accountId: org.managementAccountId, now: clock.now(), random };
    await attachPolicy(iamContext, { kind: 'user', name: ADMIN_USER_NAME }, ADMIN_POLICY_ARN, API_CALLER);
    const instance: Instance = {
      instanceArn: newInstanceArn(random),
      identityStoreId: newIdentityStoreId(random),
      ownerAccountId: org.managementAccountId,
      name: 'Gatehouse',
      status: 'ACTIVE',
      createdAt: clock.now(),
      adminUserArn: admin.arn,
    };
    await tx.instance.create(instance);
    return { instance, adminKey };
  });

export const initializeInstallation = async (services: Services, options: InitializeOptions = {}): Promise<Installation> => {
  const existing = await services.ports.store.instance.get();
  if (existing) return { instance: existing };
  try {
    return await create(services, options);
  } catch (e) {
    const winner = isGatehouseError(e) && e.code === 'Conflict' ? await services.ports.store.instance.get() : undefined;
    if (winner) return { instance: winner };
    throw e;
  }
};
