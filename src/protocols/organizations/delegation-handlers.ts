// Trusted access for AWS services, delegated administrators, and tags.

import type { ServiceHandlers } from '../operation.js';
import { management, reader } from './access.js';
import { delegatedAdministratorShape, pageRequest, pageShape, tagShape, tagsInput } from './shapes.js';

export const DELEGATION_HANDLERS: ServiceHandlers = {
  EnableAWSServiceAccess: management(async (input, { services }) => {
    await services.organizations.enableServiceAccess(input.ServicePrincipal);
    return {};
  }),
  DisableAWSServiceAccess: management(async (input, { services }) => {
    await services.organizations.disableServiceAccess(input.ServicePrincipal);
    return {};
  }),
  ListAWSServiceAccessForOrganization: reader(async (input, { services }) =>
    pageShape('EnabledServicePrincipals', await services.organizations.listServiceAccess(pageRequest(input)),
      (s) => ({ ServicePrincipal: s.servicePrincipal, DateEnabled: new Date(s.enabledAt) }))),

  RegisterDelegatedAdministrator: management(async (input, { services }) => {
    await services.organizations.registerDelegatedAdministrator(input.AccountId, input.ServicePrincipal);
    return {};
  }),
  DeregisterDelegatedAdministrator: management(async (input, { services }) => {
    await services.organizations.deregisterDelegatedAdministrator(input.AccountId, input.ServicePrincipal);
    return {};
  }),
  ListDelegatedAdministrators: reader(async (input, { services }) =>
    pageShape('DelegatedAdministrators',
      await services.organizations.listDelegatedAdministrators(input.ServicePrincipal, pageRequest(input)),
      delegatedAdministratorShape)),
  ListDelegatedServicesForAccount: reader(async (input, { services }) =>
    pageShape('DelegatedServices',
      await services.organizations.listDelegatedServicesForAccount(input.AccountId, pageRequest(input)),
      (d) => ({ ServicePrincipal: d.servicePrincipal, DelegationEnabledDate: new Date(d.enabledAt) }))),

  TagResource: management(async (input, { services }) => {
    await services.organizations.tagResource(input.ResourceId, tagsInput(input.Tags));
    return {};
  }),
  UntagResource: management(async (input, { services }) => {
    await services.organizations.untagResource(input.ResourceId, input.TagKeys);
    return {};
  }),
  ListTagsForResource: reader(async (input, { services }) =>
    pageShape('Tags', await services.organizations.listTagsForResource(input.ResourceId, pageRequest(input)), tagShape)),
};
