// The AWS managed SCP every organization has: attached to the root, every OU and every account
// while SCPs are enabled, so that SCPs filter nothing until a customer policy says otherwise.

import type { Policy } from './model.js';
import { awsManagedPolicyArn } from './arns.js';

export const FULL_AWS_ACCESS_ID = 'p-FullAWSAccess';

export const FULL_AWS_ACCESS: Policy = {
  id: FULL_AWS_ACCESS_ID,
  arn: awsManagedPolicyArn('SERVICE_CONTROL_POLICY', FULL_AWS_ACCESS_ID),
  name: 'FullAWSAccess',
  description: 'Allows access to every operation',
  type: 'SERVICE_CONTROL_POLICY',
  awsManaged: true,
  content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 2),
};
