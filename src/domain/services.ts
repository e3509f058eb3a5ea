// Every domain service, built once from the ports by the composition root.

import type { Ports } from './ports.js';
import { IamService } from './iam/iam-service.js';
import { InstanceService } from './instance/instance-service.js';
import { IdentityStoreService } from './identity-store/identity-store-service.js';
import { OrganizationsService } from './organizations/organizations-service.js';
import { Authorizer } from './authorization/authorizer.js';
import { StsService } from './sts/sts-service.js';
import { SsoAdminService } from './permission-sets/sso-admin-service.js';
import { DirectoryService } from './directory/directory-service.js';
import { createSignInServices, type SignInServices } from './sessions/sign-in-services.js';
import { ApplicationService } from './applications/application-service.js';
import { AuditLog } from './audit/audit-log.js';

export interface Services {
  readonly ports: Ports;
  readonly iam: IamService;
  readonly instance: InstanceService;
  readonly identityStore: IdentityStoreService;
  readonly organizations: OrganizationsService;
  readonly authorization: Authorizer;
  readonly sts: StsService;
  readonly ssoAdmin: SsoAdminService;
  readonly directory: DirectoryService;
  readonly sessions: SignInServices['sessions'];
  readonly oidc: SignInServices['oidc'];
  readonly portal: SignInServices['portal'];
  readonly applications: ApplicationService;
  readonly audit: AuditLog;
}

export const createServices = (ports: Ports): Services => {
  const services: { -readonly [K in keyof Services]: Services[K] } = {
    ports,
    iam: new IamService(ports),
    instance: new InstanceService(ports),
    identityStore: new IdentityStoreService(ports),
    organizations: new OrganizationsService(ports),
    authorization: undefined as unknown as Authorizer,
    sts: undefined as unknown as StsService,
    ssoAdmin: new SsoAdminService(ports),
    directory: new DirectoryService(ports),
    applications: new ApplicationService(ports),
    audit: new AuditLog(ports),
    ...createSignInServices(ports, () => services.directory),
  };
  // These two read through the other services.
  services.sts = new StsService(ports, services.iam, services.organizations);
  services.authorization = new Authorizer(services);
  return services;
};
