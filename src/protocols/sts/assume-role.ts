// sts:AssumeRole: wire shapes in and out; the rules live in src/domain/sts.

import type { OperationHandler } from '../operation.js';
import type { AssumeRoleInput } from '../../domain/sts/assume-role.js';
import { roleSessionShape } from './role-session-shape.js';

interface WireInput {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds?: number;
  Policy?: string;
  PolicyArns?: { arn?: string }[];
  Tags?: { Key: string; Value: string }[];
  TransitiveTagKeys?: string[];
  ExternalId?: string;
  SourceIdentity?: string;
  SerialNumber?: string;
  TokenCode?: string;
}

const domainInput = (w: WireInput): AssumeRoleInput => ({
  roleArn: w.RoleArn,
  roleSessionName: w.RoleSessionName,
  ...(w.DurationSeconds !== undefined ? { durationSeconds: w.DurationSeconds } : {}),
  ...(w.Policy !== undefined ? { policy: w.Policy } : {}),
  ...(w.PolicyArns ? { policyArns: w.PolicyArns.map((p) => p.arn ?? '') } : {}),
  ...(w.Tags ? { tags: w.Tags.map((t) => ({ key: t.Key, value: t.Value })) } : {}),
  ...(w.TransitiveTagKeys ? { transitiveTagKeys: w.TransitiveTagKeys } : {}),
  ...(w.ExternalId !== undefined ? { externalId: w.ExternalId } : {}),
  ...(w.SourceIdentity !== undefined ? { sourceIdentity: w.SourceIdentity } : {}),
  ...(w.SerialNumber !== undefined ? { serialNumber: w.SerialNumber } : {}),
  ...(w.TokenCode !== undefined ? { tokenCode: w.TokenCode } : {}),
});

export const assumeRole: OperationHandler = async (input: WireInput, ctx) => {
  const out = await ctx.services.sts.assumeRole(ctx.principal, domainInput(input), { sourceIp: ctx.sourceIp, secureTransport: ctx.secureTransport, region: ctx.region });
  return {
    ...roleSessionShape(out),
  };
};
