// Who may use the Identity Center instance at all, before any policy is read: the management
// account that owns it, and a member account registered as its delegated administrator. A
// delegated administrator may not touch the management account: neither assignments in it nor
// permission sets provisioned to it (as AWS defines delegated administration).

import type { Principal } from '../principal.js';
import type { Services } from '../services.js';
import { accessDenied } from '../../lib/errors.js';
import { TtlCache } from '../../lib/ttl-cache.js';

export const IDENTITY_CENTER_PRINCIPAL = 'sso.amazonaws.com';

/** The services whose resources live in the instance. */
export const INSTANCE_SERVICES: ReadonlySet<string> = new Set(['sso', 'identitystore']);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export class InstanceAccess {
  private readonly delegated: TtlCache<string, boolean>;

  constructor(private readonly services: Services) {
    this.delegated = new TtlCache(services.ports.clock, 2000);
  }

  /** Throws AccessDenied unless `principal`'s account may make this call on the instance. */
  async check(principal: Principal, action: string, input: Record<string, unknown>): Promise<void> {
    const { ownerAccountId } = await this.services.instance.get();
    if (principal.accountId === ownerAccountId) return;
    const refuse = (why: string) => accessDenied(`User: ${principal.arn} is not authorized to perform: ${action} because ${why}`);
    if (!(await this.isDelegatedAdministrator(principal.accountId))) {
      throw refuse(`account ${principal.accountId} is neither the management account nor a delegated administrator of IAM Identity Center`);
    }
    if (!action.startsWith('sso:')) return;
    const account = str(input.TargetId) ?? str(input.AccountId);
    if (account === ownerAccountId) throw refuse('a delegated administrator cannot manage access to the management account');
    const permissionSetArn = str(input.PermissionSetArn);
    if (permissionSetArn && (await this.services.ports.store.ssoAdmin.getProvisioned(permissionSetArn, ownerAccountId))) {
      throw refuse('a delegated administrator cannot manage permission sets provisioned to the management account');
    }
  }

  private isDelegatedAdministrator(accountId: string): Promise<boolean> {
    return this.delegated.get(accountId, async () =>
      (await this.services.ports.store.organizations.listDelegatedServicesForAccount(accountId)).some(
        (d) => d.servicePrincipal === IDENTITY_CENTER_PRINCIPAL,
      ),
    );
  }
}
