// SAML identity providers of an account: the metadata document is kept as text. `ValidUntil`
// comes from the metadata's `validUntil` attribute when it has one.

import type { IamContext } from './context.js';
import type { SamlProvider, Tag } from './model.js';
import { entityAlreadyExists, invalidInput, limitExceeded, noSuchEntity } from './errors.js';
import { nameKey, parseSamlProviderArn, samlProviderArn } from './names.js';
import { checkNewTags, MAX_TAGS } from './tags.js';

/** IAM's quota of SAML providers per account. */
export const MAX_SAML_PROVIDERS = 100;
const NAME = /^[\w._-]{1,128}$/;

export interface SamlProviderListEntry {
  readonly arn: string;
  readonly validUntil?: number;
  readonly createdAt: number;
}

function checkMetadata(document: string): { validUntil?: number } {
  if (!/<([\w-]+:)?EntityDescriptor[\s>]/.test(document)) {
    throw invalidInput('SAMLMetadataDocument', 'Could not parse metadata: the document is not SAML metadata (no EntityDescriptor).');
  }
  const m = /\bvalidUntil\s*=\s*["']([^"']+)["']/.exec(document);
  const validUntil = m ? Date.parse(m[1]!) : NaN;
  return Number.isNaN(validUntil) ? {} : { validUntil };
}

const providerNotFound = (arn: string) => noSuchEntity('SAMLProvider', `SAMLProvider ${arn} does not exist.`);

export async function createSamlProvider(ctx: IamContext, name: string, metadataDocument: string, tags: readonly Tag[] = []): Promise<SamlProvider> {
  if (!NAME.test(name)) throw invalidInput('Name', `The specified value for name is invalid. It must contain only alphanumeric characters and/or the following: ._-`);
  const { validUntil } = checkMetadata(metadataDocument);
  checkNewTags(tags);
  if (tags.length > MAX_TAGS) throw limitExceeded('SAMLProvider', `A SAML provider may have at most ${MAX_TAGS} tags.`);
  const existing = await ctx.repo.listSamlProviders(ctx.accountId);
  if (existing.some((p) => nameKey(p.name) === nameKey(name))) {
    throw entityAlreadyExists('SAMLProvider', `SAMLProvider ${name} already exists.`);
  }
  if (existing.length >= MAX_SAML_PROVIDERS) {
    throw limitExceeded('SAMLProvider', `Cannot exceed quota for SAMLProvidersPerAccount: ${MAX_SAML_PROVIDERS}`);
  }
  const provider: SamlProvider = {
    accountId: ctx.accountId,
    name,
    arn: samlProviderArn(ctx.accountId, name),
    metadataDocument,
    createdAt: ctx.now,
    ...(validUntil !== undefined ? { validUntil } : {}),
    tags: tags.map((t) => ({ key: t.key, value: t.value })),
  };
  await ctx.repo.createSamlProvider(provider);
  return provider;
}

export async function getSamlProvider(ctx: IamContext, arn: string): Promise<SamlProvider> {
  const { account } = parseSamlProviderArn(arn);
  const provider = account === ctx.accountId ? await ctx.repo.getSamlProvider(arn) : undefined;
  if (!provider) throw providerNotFound(arn);
  return provider;
}

export async function listSamlProviders(ctx: IamContext): Promise<SamlProviderListEntry[]> {
  return (await ctx.repo.listSamlProviders(ctx.accountId))
    .sort((a, b) => (a.arn < b.arn ? -1 : 1))
    .map((p) => ({ arn: p.arn, createdAt: p.createdAt, ...(p.validUntil !== undefined ? { validUntil: p.validUntil } : {}) }));
}

export async function updateSamlProvider(ctx: IamContext, arn: string, metadataDocument: string): Promise<SamlProvider> {
  const provider = await getSamlProvider(ctx, arn);
  const { validUntil } = checkMetadata(metadataDocument);
  const { validUntil: _, ...rest } = provider;
  const updated: SamlProvider = { ...rest, metadataDocument, ...(validUntil !== undefined ? { validUntil } : {}) };
  await ctx.repo.updateSamlProvider(updated);
  return updated;
}

export async function deleteSamlProvider(ctx: IamContext, arn: string): Promise<void> {
  const provider = await getSamlProvider(ctx, arn);
  await ctx.repo.deleteSamlProvider(provider.arn);
}
