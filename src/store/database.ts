// The whole schema as one Kysely type, assembled from each area's tables.

import type { CoreTables } from './core/tables.js';
import type { IdentityStoreTables } from './identity-store/tables.js';
import type { OrganizationsTables } from './organizations/tables.js';
import type { IamTables } from './iam/tables.js';
import type { StsTables } from './sts/tables.js';
import type { DirectoryTables } from './directory/tables.js';
import type { SessionsTables } from './sessions/tables.js';
import type { ApplicationsTables } from './applications/tables.js';
import type { SamlTables } from './saml/tables.js';
import type { ConsoleTables } from './console/tables.js';
import type { AuditTables } from './audit/tables.js';

export interface Database extends CoreTables, IdentityStoreTables, OrganizationsTables, IamTables, StsTables, DirectoryTables, SessionsTables, ApplicationsTables, SamlTables, ConsoleTables, AuditTables {}
