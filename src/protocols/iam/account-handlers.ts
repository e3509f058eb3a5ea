// Account-wide IAM operations: SAML providers, account aliases, authorization details.

import type { ServiceHandlers } from '../operation.js';
import { account, iam } from './caller.js';
import { attachedOut, boundaryOut, date, pageIn, pageOut, policyOut, tagsIn, tagsOut, versionOut } from './shapes.js';

const inlineOut = (p: { policyName: string; policyDocument: string }) => ({ PolicyName: p.policyName, PolicyDocument: p.policyDocument });

export const ACCOUNT_HANDLERS: ServiceHandlers = {
  async CreateSAMLProvider(input, ctx) {
    const p = await iam(ctx).createSamlProvider(account(ctx), input.Name, input.SAMLMetadataDocument, tagsIn(input.Tags));
    return { SAMLProviderArn: p.arn, ...(p.tags.length > 0 ? { Tags: tagsOut(p.tags) } : {}) };
  },
  async GetSAMLProvider(input, ctx) {
    const p = await iam(ctx).getSamlProvider(account(ctx), input.SAMLProviderArn);
    return {
      SAMLMetadataDocument: p.metadataDocument,
      CreateDate: date(p.createdAt),
      ...(p.validUntil !== undefined ? { ValidUntil: date(p.validUntil) } : {}),
      ...(p.tags.length > 0 ? { Tags: tagsOut(p.tags) } : {}),
    };
  },
  async ListSAMLProviders(_input, ctx) {
    const list = await iam(ctx).listSamlProviders(account(ctx));
    return {
      SAMLProviderList: list.map((p) => ({
        Arn: p.arn,
        ...(p.validUntil !== undefined ? { ValidUntil: date(p.validUntil) } : {}),
        CreateDate: date(p.createdAt),
      })),
    };
  },
  async UpdateSAMLProvider(input, ctx) {
    const p = await iam(ctx).updateSamlProvider(account(ctx), input.SAMLProviderArn, input.SAMLMetadataDocument);
    return { SAMLProviderArn: p.arn };
  },
  async DeleteSAMLProvider(input, ctx) {
    await iam(ctx).deleteSamlProvider(account(ctx), input.SAMLProviderArn);
    return {};
  },
  async CreateAccountAlias(input, ctx) {
    await iam(ctx).createAccountAlias(account(ctx), input.AccountAlias);
    return {};
  },
  async ListAccountAliases(input, ctx) {
    const page = await iam(ctx).listAccountAliases(account(ctx), pageIn(input));
    return { AccountAliases: page.items, ...pageOut(page) };
  },
  async DeleteAccountAlias(input, ctx) {
    await iam(ctx).deleteAccountAlias(account(ctx), input.AccountAlias);
    return {};
  },
  async GetAccountAuthorizationDetails(input, ctx) {
    const page = await iam(ctx).getAccountAuthorizationDetails(account(ctx), input.Filter, pageIn(input));
    const users = [];
    const roles = [];
    const policies = [];
    for (const d of page.items) {
      if (d.kind === 'user') {
        const u = d.user;
        users.push({
          Path: u.path,
          UserName: u.userName,
          UserId: u.userId,
          Arn: u.arn,
          CreateDate: date(u.createdAt),
          UserPolicyList: d.inline.map(inlineOut),
          GroupList: [],
          AttachedManagedPolicies: d.attached.map(attachedOut),
          ...boundaryOut(u.permissionsBoundaryArn),
          Tags: tagsOut(u.tags),
        });
      } else if (d.kind === 'role') {
        const r = d.role;
        roles.push({
          Path: r.path,
          RoleName: r.roleName,
          RoleId: r.roleId,
          Arn: r.arn,
          CreateDate: date(r.createdAt),
          AssumeRolePolicyDocument: r.assumeRolePolicyDocument,
          InstanceProfileList: [],
          RolePolicyList: d.inline.map(inlineOut),
          AttachedManagedPolicies: d.attached.map(attachedOut),
          ...boundaryOut(r.permissionsBoundaryArn),
          Tags: tagsOut(r.tags),
          RoleLastUsed: {},
        });
      } else {
        policies.push({ ...policyOut(d.policy, false), PolicyVersionList: d.versions.map(versionOut) });
      }
    }
    return { UserDetailList: users, GroupDetailList: [], RoleDetailList: roles, Policies: policies, ...pageOut(page) };
  },
};
