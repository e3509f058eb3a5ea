// The IAM roles an "aws-account" assignment offers: pairs of a role ARN and the ARN of the IAM
// SAML provider (Gatehouse, as registered in that account) the role trusts. AWS reads each
// Role attribute value as `roleArn,providerArn`, so neither ARN may hold a comma.

import { invalid } from '../../lib/errors.js';
import type { AwsRolePair } from './application.js';

export const MAX_AWS_ROLES = 20;

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?[\w+=.@-]{1,64}$/;
const PROVIDER_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):saml-provider\/[\w._-]{1,128}$/;

const pair = (p: unknown, i: number): AwsRolePair => {
  const field = `AwsRoles[${i}]`;
  const { roleArn, providerArn } = (p ?? {}) as Partial<AwsRolePair>;
  const role = typeof roleArn === 'string' ? ROLE_ARN.exec(roleArn) : null;
  if (!role || roleArn!.includes(',')) {
    throw invalid(`${field}.RoleArn`, `${field}.RoleArn must be an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>), without commas.`);
  }
  const provider = typeof providerArn === 'string' ? PROVIDER_ARN.exec(providerArn) : null;
  if (!provider) {
    throw invalid(`${field}.ProviderArn`, `${field}.ProviderArn must be an IAM SAML provider ARN (arn:aws:iam::<12 digits>:saml-provider/<name>).`);
  }
  if (role[1] !== provider[1] || role[2] !== provider[2]) {
    throw invalid(`${field}.ProviderArn`, `${field}: the role and the SAML provider must be in the same account (${role[2]} and ${provider[2]}).`);
  }
  return { roleArn: roleArn!, providerArn: providerArn! };
};

/** Checks an assignment's roles for the application's template; duplicates are dropped. */
export function checkAwsRoles(template: 'custom' | 'aws-account', roles: readonly unknown[] | undefined): AwsRolePair[] {
  const list = roles ?? [];
  if (!Array.isArray(list)) throw invalid('AwsRoles', 'AwsRoles must be a list of role and provider ARN pairs.');
  if (template === 'custom') {
    if (list.length > 0) throw invalid('AwsRoles', 'AwsRoles are for aws-account applications only; a custom application takes none.');
    return [];
  }
  if (list.length === 0) throw invalid('AwsRoles', 'An aws-account application needs at least one role and provider ARN pair (AwsRoles).');
  if (list.length > MAX_AWS_ROLES) throw invalid('AwsRoles', `An assignment takes at most ${MAX_AWS_ROLES} roles.`);
  return unionRoles([list.map(pair)]);
}

/** The roles of several assignments, each pair once, in a stable order. */
export const unionRoles = (lists: readonly (readonly AwsRolePair[])[]): AwsRolePair[] => {
  const seen = new Map<string, AwsRolePair>();
  for (const r of lists.flat()) seen.set(`${r.roleArn},${r.providerArn}`, r);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
};

/** The value of AWS's Role attribute for one pair. */
export const roleAttributeValue = (r: AwsRolePair): string => `${r.roleArn},${r.providerArn}`;
