// Names, paths and ARNs of IAM entities, with the model's patterns and lengths
// (documented model: roleNameType, userNameType, policyNameType, pathType, policyPathType).

import { iamArn, parseArn } from '../../lib/arn.js';
import { invalidInput } from './errors.js';

/** IAM names are unique per account regardless of case. */
export const nameKey = (name: string) => name.toLowerCase();

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007F]+\/)$/;
const POLICY_PATH = /^((\/[A-Za-z0-9.,+@=_-]+)*)\/$/;

export function checkName(field: string, name: string, max: number): void {
  if (name.length < 1 || name.length > max || !NAME.test(name)) {
    throw invalidInput(field, `The specified value for ${lowerFirst(field)} is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-`);
  }
}

export function checkPath(path: string, field = 'Path', policy = false): void {
  if (path.length > 512 || !(policy ? POLICY_PATH : PATH).test(path)) {
    throw invalidInput(field, `The specified value for ${lowerFirst(field)} is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`);
  }
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export const roleArn = (accountId: string, path: string, name: string) => iamArn(accountId, `role${path}${name}`);
export const userArn = (accountId: string, path: string, name: string) => iamArn(accountId, `user${path}${name}`);
export const policyArn = (accountId: string, path: string, name: string) => iamArn(accountId, `policy${path}${name}`);
export const samlProviderArn = (accountId: string, name: string) => iamArn(accountId, `saml-provider/${name}`);

/** The account that owns AWS managed policies in their ARNs. */
export const AWS_ACCOUNT = 'aws';

export interface PolicyArnParts {
  readonly account: string;
  readonly path: string;
  readonly name: string;
}

/** Splits `arn:aws:iam::ACCT:policy/path/Name`; throws InvalidInput when it is no policy ARN. */
export function parsePolicyArn(arn: string, field = 'PolicyArn'): PolicyArnParts {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'iam' || !parts.resource.startsWith('policy/') || !parts.account) {
    throw invalidInput(field, `ARN ${arn} is not valid.`);
  }
  const rest = parts.resource.slice('policy'.length);
  const cut = rest.lastIndexOf('/');
  return { account: parts.account, path: rest.slice(0, cut + 1), name: rest.slice(cut + 1) };
}

/** `arn:aws:iam::ACCT:saml-provider/NAME` → the account and name, or InvalidInput. */
export function parseSamlProviderArn(arn: string): { account: string; name: string } {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'iam' || !parts.resource.startsWith('saml-provider/')) {
    throw invalidInput('SAMLProviderArn', `ARN ${arn} is not valid.`);
  }
  return { account: parts.account, name: parts.resource.slice('saml-provider/'.length) };
}
