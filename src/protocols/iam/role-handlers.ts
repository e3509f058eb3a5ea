// IAM role operations: roles, their trust policy, inline and attached policies, boundary, tags.

import type { ServiceHandlers } from '../operation.js';
import { account, iam } from './caller.js';
import { attachedOut, pageIn, pageOut, roleOut, tagsIn, tagsOut } from './shapes.js';

export const ROLE_HANDLERS: ServiceHandlers = {
  async CreateRole(input, ctx) {
    const role = await iam(ctx).createRole(account(ctx), {
      roleName: input.RoleName,
      path: input.Path,
      assumeRolePolicyDocument: input.AssumeRolePolicyDocument,
      description: input.Description,
      maxSessionDuration: input.MaxSessionDuration,
      permissionsBoundary: input.PermissionsBoundary,
      tags: tagsIn(input.Tags),
    });
    return { Role: roleOut(role) };
  },
  async GetRole(input, ctx) {
    return { Role: roleOut(await iam(ctx).getRole(account(ctx), input.RoleName)) };
  },
  async ListRoles(input, ctx) {
    const page = await iam(ctx).listRoles(account(ctx), input.PathPrefix, pageIn(input));
    return { Roles: page.items.map((r) => roleOut(r, false)), ...pageOut(page) };
  },
  async UpdateRole(input, ctx) {
    await iam(ctx).updateRole(account(ctx), input.RoleName, { description: input.Description, maxSessionDuration: input.MaxSessionDuration });
    return {};
  },
  async UpdateRoleDescription(input, ctx) {
    return { Role: roleOut(await iam(ctx).updateRoleDescription(account(ctx), input.RoleName, input.Description)) };
  },
  async DeleteRole(input, ctx) {
    await iam(ctx).deleteRole(account(ctx), input.RoleName);
    return {};
  },
  async UpdateAssumeRolePolicy(input, ctx) {
    await iam(ctx).updateAssumeRolePolicy(account(ctx), input.RoleName, input.PolicyDocument);
    return {};
  },
  async PutRolePolicy(input, ctx) {
    await iam(ctx).putRolePolicy(account(ctx), input.RoleName, input.PolicyName, input.PolicyDocument);
    return {};
  },
  async GetRolePolicy(input, ctx) {
    const p = await iam(ctx).getRolePolicy(account(ctx), input.RoleName, input.PolicyName);
    return { RoleName: p.principalName, PolicyName: p.policyName, PolicyDocument: p.policyDocument };
  },
  async DeleteRolePolicy(input, ctx) {
    await iam(ctx).deleteRolePolicy(account(ctx), input.RoleName, input.PolicyName);
    return {};
  },
  async ListRolePolicies(input, ctx) {
    const page = await iam(ctx).listRolePolicies(account(ctx), input.RoleName, pageIn(input));
    return { PolicyNames: page.items, ...pageOut(page) };
  },
  async AttachRolePolicy(input, ctx) {
    await iam(ctx).attachRolePolicy(account(ctx), input.RoleName, input.PolicyArn);
    return {};
  },
  async DetachRolePolicy(input, ctx) {
    await iam(ctx).detachRolePolicy(account(ctx), input.RoleName, input.PolicyArn);
    return {};
  },
  async ListAttachedRolePolicies(input, ctx) {
    const page = await iam(ctx).listAttachedRolePolicies(account(ctx), input.RoleName, input.PathPrefix, pageIn(input));
    return { AttachedPolicies: page.items.map(attachedOut), ...pageOut(page) };
  },
  async PutRolePermissionsBoundary(input, ctx) {
    await iam(ctx).putRolePermissionsBoundary(account(ctx), input.RoleName, input.PermissionsBoundary);
    return {};
  },
  async DeleteRolePermissionsBoundary(input, ctx) {
    await iam(ctx).deleteRolePermissionsBoundary(account(ctx), input.RoleName);
    return {};
  },
  async TagRole(input, ctx) {
    await iam(ctx).tagRole(account(ctx), input.RoleName, tagsIn(input.Tags));
    return {};
  },
  async UntagRole(input, ctx) {
    await iam(ctx).untagRole(account(ctx), input.RoleName, input.TagKeys ?? []);
    return {};
  },
  async ListRoleTags(input, ctx) {
    const page = await iam(ctx).listRoleTags(account(ctx), input.RoleName, pageIn(input));
    return { Tags: tagsOut(page.items), ...pageOut(page) };
  },
};
