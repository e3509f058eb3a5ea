// Managed policy operations: customer managed policies and their versions, AWS managed
// policies (read), and the entities a policy is attached to.

import type { ServiceHandlers } from '../operation.js';
import { account, iam } from './caller.js';
import { pageIn, pageOut, policyOut, tagsIn, versionOut } from './shapes.js';

export const POLICY_HANDLERS: ServiceHandlers = {
  async CreatePolicy(input, ctx) {
    const policy = await iam(ctx).createPolicy(account(ctx), {
      policyName: input.PolicyName,
      path: input.Path,
      policyDocument: input.PolicyDocument,
      description: input.Description,
      tags: tagsIn(input.Tags),
    });
    return { Policy: policyOut(policy) };
  },
  async GetPolicy(input, ctx) {
    return { Policy: policyOut(await iam(ctx).getPolicy(account(ctx), input.PolicyArn)) };
  },
  async ListPolicies(input, ctx) {
    const page = await iam(ctx).listPolicies(
      account(ctx),
      { scope: input.Scope, onlyAttached: input.OnlyAttached, pathPrefix: input.PathPrefix, policyUsageFilter: input.PolicyUsageFilter },
      pageIn(input),
    );
    return { Policies: page.items.map((p) => policyOut(p, false)), ...pageOut(page) };
  },
  async DeletePolicy(input, ctx) {
    await iam(ctx).deletePolicy(account(ctx), input.PolicyArn);
    return {};
  },
  async CreatePolicyVersion(input, ctx) {
    const v = await iam(ctx).createPolicyVersion(account(ctx), input.PolicyArn, input.PolicyDocument, input.SetAsDefault === true);
    return { PolicyVersion: versionOut(v) };
  },
  async GetPolicyVersion(input, ctx) {
    return { PolicyVersion: versionOut(await iam(ctx).getPolicyVersion(account(ctx), input.PolicyArn, input.VersionId)) };
  },
  async ListPolicyVersions(input, ctx) {
    const page = await iam(ctx).listPolicyVersions(account(ctx), input.PolicyArn, pageIn(input));
    return { Versions: page.items.map(versionOut), ...pageOut(page) };
  },
  async DeletePolicyVersion(input, ctx) {
    await iam(ctx).deletePolicyVersion(account(ctx), input.PolicyArn, input.VersionId);
    return {};
  },
  async SetDefaultPolicyVersion(input, ctx) {
    await iam(ctx).setDefaultPolicyVersion(account(ctx), input.PolicyArn, input.VersionId);
    return {};
  },
  async ListEntitiesForPolicy(input, ctx) {
    const page = await iam(ctx).listEntitiesForPolicy(
      account(ctx),
      input.PolicyArn,
      { entityFilter: input.EntityFilter, pathPrefix: input.PathPrefix, policyUsageFilter: input.PolicyUsageFilter },
      pageIn(input),
    );
    const of = (kind: 'user' | 'role' | 'group') => page.items.filter((e) => e.kind === kind);
    return {
      PolicyGroups: of('group').map((e) => ({ GroupName: e.name, GroupId: e.id })),
      PolicyUsers: of('user').map((e) => ({ UserName: e.name, UserId: e.id })),
      PolicyRoles: of('role').map((e) => ({ RoleName: e.name, RoleId: e.id })),
      ...pageOut(page),
    };
  },
};
