// The persistence port. Each area defines its repository interface next to its model; the
// store adapters (src/store) implement them for SQLite and PostgreSQL alike.

import type { IamRepository } from './iam/iam-repository.js';
import type { InstanceRepository } from './instance/instance-repository.js';
import type { IdentityStoreRepository } from './identity-store/identity-store-repository.js';
import type { OrganizationsRepository } from './organizations/organizations-repository.js';
import type { SsoAdminRepository } from './permission-sets/sso-admin-repository.js';
import type { StsRepository } from './sts/sts-repository.js';
import type { DirectoryRepository } from './directory/directory-repository.js';
import type { SessionRepository } from './sessions/session-repository.js';
import type { OidcRepository } from './oidc/oidc-repository.js';
import type { ApplicationRepository } from './applications/application-repository.js';
import type { SamlRepository } from './saml-keys/saml-repository.js';
import type { ConsoleRepository } from './console/console-repository.js';
import type { AuditRepository } from './audit/audit-repository.js';
import type { RetentionRepository } from './retention/retention-repository.js';

export interface Repositories {
  readonly iam: IamRepository;
  readonly instance: InstanceRepository;
  readonly identityStore: IdentityStoreRepository;
  readonly organizations: OrganizationsRepository;
  readonly ssoAdmin: SsoAdminRepository;
  readonly sts: StsRepository;
  readonly directory: DirectoryRepository;
  readonly sessions: SessionRepository;
  readonly oidc: OidcRepository;
  readonly applications: ApplicationRepository;
  readonly saml: SamlRepository;
  readonly console: ConsoleRepository;
  readonly audit: AuditRepository;
  readonly retention: RetentionRepository;
}

export interface Store extends Repositories {
  /** Runs `fn` in one write transaction: everything it does commits together or not at all. */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
