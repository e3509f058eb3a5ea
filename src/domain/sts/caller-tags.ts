// `aws:PrincipalTag/*` of the caller: an IAM user's tags, or for a role session its role's
// tags overridden by its session tags.

import type { IamRepository } from '../iam/iam-repository.js';
import type { Principal } from '../principal.js';
import type { RoleSession } from './role-session.js';
import { principalTags } from './session-tags.js';

export async function callerTagsOf(repo: IamRepository, caller: Principal, session: RoleSession | undefined): Promise<Record<string, string>> {
  if (caller.kind === 'iam-user') {
    const user = await repo.getUser(caller.accountId, caller.name);
    return principalTags(user?.tags ?? [], []);
  }
  const role = await repo.getRole(caller.accountId, caller.name);
  return principalTags(role?.tags ?? [], session?.tags ?? []);
}
