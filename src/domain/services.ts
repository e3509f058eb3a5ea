// Every domain service, built once from the ports by the composition root.

import type { Ports } from './ports.js';
import { IamService } from './iam/iam-service.js';
import { InstanceService } from './instance/instance-service.js';
import { IdentityStoreService } from './identity-store/identity-store-service.js';
import { OrganizationsService } from './organizations/organizations-service.js';

export interface Services {
  readonly ports: Ports;
  readonly iam: IamService;
  readonly instance: InstanceService;
  readonly identityStore: IdentityStoreService;
  readonly organizations: OrganizationsService;
}

export const createServices = (ports: Ports): Services => ({
  ports,
  iam: new IamService(ports),
  instance: new InstanceService(ports),
  identityStore: new IdentityStoreService(ports),
  organizations: new OrganizationsService(ports),
});
