// GetUserId / GetGroupId: the model's AlternateIdentifier union, either an ExternalId or a
// UniqueAttribute (AttributePath + a JSON document AttributeValue holding a string).
// Unique attributes: `userName` and `emails.value` for users, `displayName` for groups.

import type { ExternalId } from './external-id.js';
import type { GroupLookup, UserLookup } from './lookups.js';
import { invalid } from './errors.js';

export interface AlternateIdentifier {
  readonly ExternalId?: ExternalId;
  readonly UniqueAttribute?: { readonly AttributePath: string; readonly AttributeValue?: unknown };
}

type Parsed = { kind: 'externalId'; issuer: string; id: string } | { kind: 'unique'; path: string; value: string };

const parse = (alt: AlternateIdentifier | undefined): Parsed => {
  const hasExternal = alt?.ExternalId !== undefined && alt.ExternalId !== null;
  const hasUnique = alt?.UniqueAttribute !== undefined && alt.UniqueAttribute !== null;
  if (hasExternal === hasUnique) {
    throw invalid('AlternateIdentifier', 'AlternateIdentifier must have exactly one of ExternalId or UniqueAttribute.');
  }
  if (hasExternal) {
    const { Issuer, Id } = alt!.ExternalId!;
    if (typeof Issuer !== 'string' || typeof Id !== 'string' || !Issuer || !Id) {
      throw invalid('ExternalId', 'ExternalId must have an Issuer and an Id.');
    }
    return { kind: 'externalId', issuer: Issuer, id: Id };
  }
  const { AttributePath, AttributeValue } = alt!.UniqueAttribute!;
  if (typeof AttributeValue !== 'string' || AttributeValue.length === 0) {
    throw invalid('AttributeValue', `attribute value cannot be empty or null for attribute path ${AttributePath}`);
  }
  return { kind: 'unique', path: String(AttributePath), value: AttributeValue };
};

const notUnique = (path: string) => invalid('AttributePath', `The attribute ${path} is not a unique attribute.`);

export const userLookup = (alt: AlternateIdentifier | undefined): UserLookup => {
  const p = parse(alt);
  if (p.kind === 'externalId') return p;
  switch (p.path.toLowerCase()) {
    case 'username':
      return { kind: 'userName', value: p.value };
    case 'emails.value':
      return { kind: 'email', value: p.value };
    default:
      throw notUnique(p.path);
  }
};

export const groupLookup = (alt: AlternateIdentifier | undefined): GroupLookup => {
  const p = parse(alt);
  if (p.kind === 'externalId') return p;
  if (p.path.toLowerCase() === 'displayname') return { kind: 'displayName', value: p.value };
  throw notUnique(p.path);
};
