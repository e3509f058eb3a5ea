// Where an account stands with the organization: a member (the management account included), a
// standalone account that left it, or unknown. IAM and STS serve the first two; an account
// Gatehouse has never known stays refused.

import type { OrganizationsRepository } from './organizations-repository.js';
import type { Account, StandaloneAccount } from './model.js';

export type AccountStanding =
  | { readonly kind: 'member'; readonly account: Account }
  | { readonly kind: 'standalone'; readonly account: StandaloneAccount };

export async function findAccountStanding(repo: OrganizationsRepository, id: string): Promise<AccountStanding | undefined> {
  const member = await repo.getAccount(id);
  if (member) return { kind: 'member', account: member };
  const standalone = await repo.getStandaloneAccount(id);
  return standalone && { kind: 'standalone', account: standalone };
}
