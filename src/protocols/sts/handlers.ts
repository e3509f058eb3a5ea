// The STS operations implemented so far, for `handlers.sts` in registerAwsRoutes' options.

import type { OperationHandler, ServiceHandlers } from '../operation.js';
import { getCallerIdentity } from './get-caller-identity.js';
import { assumeRole } from './assume-role.js';
import { assumeRoleWithSaml } from '../../domain/sts/assume-role-with-saml.js';
import { roleSessionShape } from './role-session-shape.js';

interface AssumeRoleWithSamlWire {
  RoleArn: string;
  PrincipalArn: string;
  SAMLAssertion: string;
  DurationSeconds?: number;
  Policy?: string;
  PolicyArns?: { arn?: string }[];
}

// sts:AssumeRoleWithSAML: wire shapes in and out; the rules live in src/domain/sts. The
// assertion is the credential: who signed the HTTP request plays no part in the decision.
const assumeRoleWithSamlHandler: OperationHandler = async (w: AssumeRoleWithSamlWire, ctx) => {
  const out = await assumeRoleWithSaml(
    ctx.services.ports,
    {
      roleArn: w.RoleArn,
      principalArn: w.PrincipalArn,
      samlAssertion: w.SAMLAssertion,
      ...(w.DurationSeconds !== undefined ? { durationSeconds: w.DurationSeconds } : {}),
      ...(w.Policy !== undefined ? { policy: w.Policy } : {}),
      ...(w.PolicyArns ? { policyArns: w.PolicyArns.map((p) => p.arn ?? '') } : {}),
    },
    { sourceIp: ctx.sourceIp, secureTransport: ctx.secureTransport, region: ctx.region },
  );
  return {
    ...roleSessionShape(out),
    Subject: out.subject,
    SubjectType: out.subjectType,
    Issuer: out.issuer,
    Audience: out.audience,
    NameQualifier: out.nameQualifier,
  };
};

export const STS_HANDLERS: ServiceHandlers = {
  GetCallerIdentity: getCallerIdentity,
  AssumeRole: assumeRole,
  AssumeRoleWithSAML: assumeRoleWithSamlHandler,
};
