// IAM user operations: users, access keys, inline and attached policies, boundary.

import type { ServiceHandlers } from '../operation.js';
import { account, iam, userNameOrCaller } from './caller.js';
import { attachedOut, date, pageIn, pageOut, tagsIn, userOut } from './shapes.js';

export const USER_HANDLERS: ServiceHandlers = {
  async CreateUser(input, ctx) {
    const user = await iam(ctx).createIamUser(account(ctx), {
      userName: input.UserName,
      path: input.Path,
      permissionsBoundary: input.PermissionsBoundary,
      tags: tagsIn(input.Tags),
    });
    return { User: userOut(user) };
  },
  async GetUser(input, ctx) {
    return { User: userOut(await iam(ctx).getUser(account(ctx), userNameOrCaller(input.UserName, ctx))) };
  },
  async ListUsers(input, ctx) {
    const page = await iam(ctx).listUsers(account(ctx), input.PathPrefix, pageIn(input));
    return { Users: page.items.map(userOut), ...pageOut(page) };
  },
  async DeleteUser(input, ctx) {
    await iam(ctx).deleteUser(account(ctx), input.UserName);
    return {};
  },
  async CreateAccessKey(input, ctx) {
    const key = await iam(ctx).createUserAccessKey(account(ctx), userNameOrCaller(input.UserName, ctx));
    return {
      AccessKey: {
        UserName: key.userName,
        AccessKeyId: key.accessKeyId,
        Status: key.status,
        SecretAccessKey: key.secretAccessKey,
        CreateDate: date(key.createdAt),
      },
    };
  },
  async ListAccessKeys(input, ctx) {
    const page = await iam(ctx).listAccessKeys(account(ctx), userNameOrCaller(input.UserName, ctx), pageIn(input));
    return {
      AccessKeyMetadata: page.items.map((k) => ({ UserName: k.userName, AccessKeyId: k.accessKeyId, Status: k.status, CreateDate: date(k.createdAt) })),
      ...pageOut(page),
    };
  },
  async UpdateAccessKey(input, ctx) {
    await iam(ctx).updateAccessKey(account(ctx), userNameOrCaller(input.UserName, ctx), input.AccessKeyId, input.Status);
    return {};
  },
  async DeleteAccessKey(input, ctx) {
    await iam(ctx).deleteAccessKey(account(ctx), userNameOrCaller(input.UserName, ctx), input.AccessKeyId);
    return {};
  },
  async GetAccessKeyLastUsed(input, ctx) {
    const out = await iam(ctx).getAccessKeyLastUsed(account(ctx), input.AccessKeyId);
    return {
      UserName: out.userName,
      AccessKeyLastUsed: {
        ...(out.lastUsed.at !== undefined ? { LastUsedDate: date(out.lastUsed.at) } : {}),
        ServiceName: out.lastUsed.serviceName,
        Region: out.lastUsed.region,
      },
    };
  },
  async PutUserPolicy(input, ctx) {
    await iam(ctx).putUserPolicy(account(ctx), input.UserName, input.PolicyName, input.PolicyDocument);
    return {};
  },
  async GetUserPolicy(input, ctx) {
    const p = await iam(ctx).getUserPolicy(account(ctx), input.UserName, input.PolicyName);
    return { UserName: p.principalName, PolicyName: p.policyName, PolicyDocument: p.policyDocument };
  },
  async DeleteUserPolicy(input, ctx) {
    await iam(ctx).deleteUserPolicy(account(ctx), input.UserName, input.PolicyName);
    return {};
  },
  async ListUserPolicies(input, ctx) {
    const page = await iam(ctx).listUserPolicies(account(ctx), input.UserName, pageIn(input));
    return { PolicyNames: page.items, ...pageOut(page) };
  },
  async AttachUserPolicy(input, ctx) {
    await iam(ctx).attachUserPolicy(account(ctx), input.UserName, input.PolicyArn);
    return {};
  },
  async DetachUserPolicy(input, ctx) {
    await iam(ctx).detachUserPolicy(account(ctx), input.UserName, input.PolicyArn);
    return {};
  },
  async ListAttachedUserPolicies(input, ctx) {
    const page = await iam(ctx).listAttachedUserPolicies(account(ctx), input.UserName, input.PathPrefix, pageIn(input));
    return { AttachedPolicies: page.items.map(attachedOut), ...pageOut(page) };
  },
  async PutUserPermissionsBoundary(input, ctx) {
    await iam(ctx).putUserPermissionsBoundary(account(ctx), input.UserName, input.PermissionsBoundary);
    return {};
  },
  async DeleteUserPermissionsBoundary(input, ctx) {
    await iam(ctx).deleteUserPermissionsBoundary(account(ctx), input.UserName);
    return {};
  },
};
