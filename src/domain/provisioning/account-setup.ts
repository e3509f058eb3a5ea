// What every account with an assignment has once: the service-linked role AWSServiceRoleForSSO
// and the SAML provider the provisioned roles trust. Both steps are idempotent.

import type { IamContext } from '../iam/context.js';
import { PROVISIONER } from '../iam/protection.js';
import { createRole } from '../iam/roles.js';
import { attachPolicy } from '../iam/attachments.js';
import { createSamlProvider } from '../iam/saml-providers.js';
import { samlProviderArn } from '../iam/names.js';
import { getAwsManagedPolicy } from '../iam/aws-managed-policies.js';
import { samlProviderMetadata, samlProviderName } from './trust-policy.js';

export const SERVICE_LINKED_ROLE_NAME = 'AWSServiceRoleForSSO';
export const SERVICE_LINKED_ROLE_PATH = '/aws-service-role/sso.amazonaws.com/';
const SERVICE_ROLE_POLICY = 'arn:aws:iam::aws:policy/aws-service-role/AWSSSOServiceRolePolicy';

const SERVICE_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'sso.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export async function ensureServiceLinkedRole(ctx: IamContext): Promise<void> {
  if (await ctx.repo.getRole(ctx.accountId, SERVICE_LINKED_ROLE_NAME)) return;
  await createRole(ctx, {
    roleName: SERVICE_LINKED_ROLE_NAME,
    path: SERVICE_LINKED_ROLE_PATH,
    assumeRolePolicyDocument: SERVICE_TRUST,
    description: 'Service-linked role used by AWS SSO to manage AWS resources, including IAM roles, policies and SAML IdP on your behalf.',
  }, PROVISIONER);
  if (getAwsManagedPolicy(SERVICE_ROLE_POLICY)) {
    await attachPolicy(ctx, { kind: 'role', name: SERVICE_LINKED_ROLE_NAME }, SERVICE_ROLE_POLICY, PROVISIONER);
  }
}

export async function ensureSamlProvider(ctx: IamContext, instanceArn: string): Promise<void> {
  const name = samlProviderName(instanceArn);
  if (await ctx.repo.getSamlProvider(samlProviderArn(ctx.accountId, name))) return;
  await createSamlProvider(ctx, name, samlProviderMetadata(instanceArn));
}
