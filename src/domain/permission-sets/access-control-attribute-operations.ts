// Create, describe, update and delete the instance's attributes for access control. Keys are
// unique; each has exactly one source (the model's AccessControlAttributeValueSourceList).

import type { AccessControlAttribute, AccessControlAttributeConfiguration } from './access-control-attributes.js';
import type { SsoContext } from './sso-context.js';
import { conflictWith, quotaExceeded, resourceNotFound, validation } from './errors.js';

/** The model's AccessControlAttributeList maximum. */
export const MAX_ATTRIBUTES = 50;
const KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const SOURCE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@[\]{}$\\"]{0,256}$/u;

function checkAttributes(attributes: readonly AccessControlAttribute[]): void {
  if (attributes.length > MAX_ATTRIBUTES) throw quotaExceeded('AccessControlAttribute', `At most ${MAX_ATTRIBUTES} attributes are allowed.`);
  const keys = new Set<string>();
  for (const a of attributes) {
    if (!KEY.test(a.key)) throw validation('AccessControlAttributes', `The attribute key ${a.key} is not valid.`);
    if (keys.has(a.key)) throw validation('AccessControlAttributes', `The attribute key ${a.key} appears more than once.`);
    keys.add(a.key);
    if (a.source.length !== 1 || !SOURCE.test(a.source[0]!)) {
      throw validation('AccessControlAttributes', `The attribute ${a.key} must have exactly one source of at most 256 characters.`);
    }
  }
}

const configuration = (ctx: SsoContext, attributes: readonly AccessControlAttribute[]): AccessControlAttributeConfiguration => ({
  instanceArn: ctx.instance.instanceArn,
  attributes: attributes.map((a) => ({ key: a.key, source: [...a.source] })),
  status: 'ENABLED',
  updatedAt: ctx.now,
});

export async function createAttributes(ctx: SsoContext, attributes: readonly AccessControlAttribute[]): Promise<void> {
  checkAttributes(attributes);
  if (await ctx.repos.ssoAdmin.getAccessControlAttributes(ctx.instance.instanceArn)) {
    throw conflictWith('AccessControlAttributeConfiguration', 'The instance has an access control attribute configuration already.');
  }
  await ctx.repos.ssoAdmin.putAccessControlAttributes(configuration(ctx, attributes));
}

export async function describeAttributes(ctx: SsoContext): Promise<AccessControlAttributeConfiguration> {
  const config = await ctx.repos.ssoAdmin.getAccessControlAttributes(ctx.instance.instanceArn);
  if (!config) throw resourceNotFound('AccessControlAttributeConfiguration', 'The instance has no access control attribute configuration.');
  return config;
}

export async function updateAttributes(ctx: SsoContext, attributes: readonly AccessControlAttribute[]): Promise<void> {
  checkAttributes(attributes);
  await describeAttributes(ctx);
  await ctx.repos.ssoAdmin.putAccessControlAttributes(configuration(ctx, attributes));
}

export async function deleteAttributes(ctx: SsoContext): Promise<void> {
  if (!(await ctx.repos.ssoAdmin.deleteAccessControlAttributes(ctx.instance.instanceArn))) {
    throw resourceNotFound('AccessControlAttributeConfiguration', 'The instance has no access control attribute configuration.');
  }
}
