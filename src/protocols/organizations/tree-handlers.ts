// The organization, its root, accounts and organizational units.

import type { ServiceHandlers } from '../operation.js';
import { management, member, reader } from './access.js';
import { ensureAccountAccessRoles } from '../../domain/organizations-iam/ensure-account-access-roles.js';
import {
  accountShape, createAccountStatusShape, organizationShape, ouShape, pageRequest, pageShape, rootShape, tagsInput,
} from './shapes.js';

export const TREE_HANDLERS: ServiceHandlers = {
  DescribeOrganization: member(async (_input, { services }) => ({
    Organization: organizationShape(await services.organizations.describeOrganization()),
  })),
  ListRoots: reader(async (input, { services }) =>
    pageShape('Roots', await services.organizations.listRoots(pageRequest(input)), rootShape)),

  CreateAccount: management(async (input, { services }) => {
    const status = await services.organizations.createAccount({
      email: input.Email,
      accountName: input.AccountName,
      ...(input.RoleName !== undefined ? { roleName: input.RoleName } : {}),
      tags: tagsInput(input.Tags),
    });
    // The new account's OrganizationAccountAccessRole, as AWS creates it.
    await ensureAccountAccessRoles(services);
    return { CreateAccountStatus: createAccountStatusShape(status) };
  }),
  DescribeCreateAccountStatus: reader(async (input, { services }) => ({
    CreateAccountStatus: createAccountStatusShape(await services.organizations.describeCreateAccountStatus(input.CreateAccountRequestId)),
  })),
  ListCreateAccountStatus: reader(async (input, { services }) =>
    pageShape('CreateAccountStatuses',
      await services.organizations.listCreateAccountStatus(input.States, pageRequest(input)), createAccountStatusShape)),
  DescribeAccount: reader(async (input, { services }) => ({
    Account: accountShape(await services.organizations.describeAccount(input.AccountId)),
  })),
  ListAccounts: reader(async (input, { services }) =>
    pageShape('Accounts', await services.organizations.listAccounts(pageRequest(input)), accountShape)),
  ListAccountsForParent: reader(async (input, { services }) =>
    pageShape('Accounts', await services.organizations.listAccountsForParent(input.ParentId, pageRequest(input)), accountShape)),
  RemoveAccountFromOrganization: management(async (input, { services }) => {
    await services.organizations.removeAccountFromOrganization(input.AccountId);
    return {};
  }),
  LeaveOrganization: member(async (_input, { services, principal }) => {
    await services.organizations.leaveOrganization(principal.accountId);
    return {};
  }),
  MoveAccount: management(async (input, { services }) => {
    await services.organizations.moveAccount({
      accountId: input.AccountId, sourceParentId: input.SourceParentId, destinationParentId: input.DestinationParentId,
    });
    return {};
  }),

  CreateOrganizationalUnit: management(async (input, { services }) => ({
    OrganizationalUnit: ouShape(await services.organizations.createOrganizationalUnit({
      parentId: input.ParentId, name: input.Name, tags: tagsInput(input.Tags),
    })),
  })),
  DescribeOrganizationalUnit: reader(async (input, { services }) => ({
    OrganizationalUnit: ouShape(await services.organizations.describeOrganizationalUnit(input.OrganizationalUnitId)),
  })),
  UpdateOrganizationalUnit: management(async (input, { services }) => ({
    OrganizationalUnit: ouShape(await services.organizations.updateOrganizationalUnit(input.OrganizationalUnitId, input.Name)),
  })),
  DeleteOrganizationalUnit: management(async (input, { services }) => {
    await services.organizations.deleteOrganizationalUnit(input.OrganizationalUnitId);
    return {};
  }),
  ListOrganizationalUnitsForParent: reader(async (input, { services }) =>
    pageShape('OrganizationalUnits',
      await services.organizations.listOrganizationalUnitsForParent(input.ParentId, pageRequest(input)), ouShape)),
  ListChildren: reader(async (input, { services }) =>
    pageShape('Children', await services.organizations.listChildren(input.ParentId, input.ChildType, pageRequest(input)),
      (c) => ({ Id: c.id, Type: c.type }))),
  ListParents: reader(async (input, { services }) =>
    pageShape('Parents', await services.organizations.listParents(input.ChildId, pageRequest(input)),
      (p) => ({ Id: p.id, Type: p.type }))),
};
