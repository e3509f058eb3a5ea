// UpdateUser / UpdateGroup: a list of AttributeOperation (AttributePath + AttributeValue)
// applied in order to a copy of the profile. A value sets the attribute, a null (or absent)
// value removes it. Attribute paths are the camelCase names Identity Store uses
// (`displayName`, `name.givenName`, `emails`); any other path is a ValidationException naming it.

import type { ExternalId } from './external-id.js';
import type { ValueCheck } from './attribute-values.js';
import { invalid } from './errors.js';

/** The model's AttributeOperation. */
export interface AttributeOperation {
  readonly AttributePath: string;
  readonly AttributeValue?: unknown;
}

/** Where a path lands in a profile: a top-level member, or a member of a structure member. */
export interface AttributeTarget {
  readonly member: string;
  readonly sub?: string;
  readonly check: ValueCheck;
}

export type AttributeTable = Readonly<Record<string, AttributeTarget>>;

/** The member that holds external ids; kept apart from the profile by the caller. */
export const EXTERNAL_IDS_MEMBER = 'ExternalIds';

export interface Updated<P> {
  readonly profile: P;
  readonly externalIds: readonly ExternalId[];
}

export const applyOperations = <P extends object>(
  table: AttributeTable,
  current: Updated<P>,
  operations: readonly AttributeOperation[],
): Updated<P> => {
  if (!Array.isArray(operations) || operations.length < 1 || operations.length > 100) {
    throw invalid('Operations', 'Operations must have between 1 and 100 items.');
  }
  const doc: Record<string, unknown> = structuredClone({ ...current.profile }) as Record<string, unknown>;
  if (current.externalIds.length > 0) doc[EXTERNAL_IDS_MEMBER] = structuredClone([...current.externalIds]);
  for (const op of operations) {
    const path = op?.AttributePath;
    const target = typeof path === 'string' ? table[path] : undefined;
    if (!target) throw invalid('AttributePath', `Updates for AttributePath: ${String(path)} is not supported.`);
    const value = op.AttributeValue;
    const remove = value === null || value === undefined;
    const checked = remove ? undefined : target.check(path!, value);
    if (target.sub === undefined) {
      if (remove) delete doc[target.member];
      else doc[target.member] = checked;
      continue;
    }
    const parent = { ...((doc[target.member] as Record<string, unknown> | undefined) ?? {}) };
    if (remove) delete parent[target.sub];
    else parent[target.sub] = checked;
    if (Object.keys(parent).length === 0) delete doc[target.member];
    else doc[target.member] = parent;
  }
  const externalIds = (doc[EXTERNAL_IDS_MEMBER] as ExternalId[] | undefined) ?? [];
  delete doc[EXTERNAL_IDS_MEMBER];
  return { profile: doc as P, externalIds };
};
