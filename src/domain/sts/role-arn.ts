// The role an AssumeRole call names: `arn:aws:iam::{account}:role/{path}{name}`.

import { parseArn } from '../../lib/arn.js';
import { stsValidation } from './errors.js';

export interface RoleRef {
  readonly accountId: string;
  readonly roleName: string;
  readonly path: string;
}

export const parseRoleArn = (roleArn: string): RoleRef => {
  const arn = parseArn(roleArn);
  const m = arn && arn.service === 'iam' && arn.region === '' && /^\d{12}$/.test(arn.account) ? /^role(\/(?:.*\/)?)([^/]+)$/.exec(arn.resource) : null;
  if (!arn || !m) throw stsValidation('RoleArn', `${roleArn} is invalid`);
  return { accountId: arn.account, path: m[1]!, roleName: m[2]! };
};
