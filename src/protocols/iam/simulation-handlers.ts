// The IAM policy simulator on the wire: SimulateCustomPolicy, GetContextKeysForCustomPolicy,
// SimulatePrincipalPolicy and GetContextKeysForPrincipalPolicy, answered by the policy engine.

import type { CallContext, ServiceHandlers } from '../operation.js';
import { simulatePolicies, type PolicyText, type SimulationInput, type SimulationResult } from '../../domain/simulation/simulate-policies.js';
import { paginate } from '../../domain/iam/pagination.js';
import { parseArn } from '../../lib/arn.js';
import { invalid } from '../../lib/errors.js';
import { parsePolicy, policyContextKeys, type ContextValue } from '../../policy/index.js';

interface ContextEntry {
  ContextKeyName?: string;
  ContextKeyValues?: string[];
  ContextKeyType?: string;
}

const contextOf = (entries: ContextEntry[] | undefined): Record<string, ContextValue> =>
  Object.fromEntries(
    (entries ?? [])
      .filter((e) => e.ContextKeyName)
      .map((e) => {
        const values = e.ContextKeyValues ?? [];
        return [e.ContextKeyName!, e.ContextKeyType?.endsWith('List') ? values : (values[0] ?? '')];
      }),
  );

const inputList = (texts: string[] | undefined, name: string, sourceType = 'none'): PolicyText[] =>
  (texts ?? []).map((text, i) => ({ id: `${name}.${i + 1}`, text, sourceType }));

const position = (p: { line: number; column: number }) => ({ Line: p.line, Column: p.column });

const resultShape = (r: SimulationResult) => ({
  EvalActionName: r.action,
  EvalResourceName: r.resource,
  EvalDecision: r.decision,
  MatchedStatements: r.matched.map((m) => ({
    SourcePolicyId: m.sourcePolicyId,
    SourcePolicyType: m.sourcePolicyType,
    ...(m.span ? { StartPosition: position(m.span.start), EndPosition: position(m.span.end) } : {}),
  })),
  MissingContextValues: r.missingContextValues,
  ...(r.allowedByOrganizations !== undefined ? { OrganizationsDecisionDetail: { AllowedByOrganizations: r.allowedByOrganizations } } : {}),
  ...(r.allowedByPermissionsBoundary !== undefined
    ? { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: r.allowedByPermissionsBoundary } }
    : {}),
});

const respond = (results: SimulationResult[], input: { Marker?: string; MaxItems?: number }, scope: string) => {
  const indexed = results.map((r, i) => ({ r, key: String(i).padStart(8, '0') }));
  const page = paginate(indexed, (x) => x.key, scope, { marker: input.Marker, maxItems: input.MaxItems });
  return { EvaluationResults: page.items.map((x) => resultShape(x.r)), IsTruncated: page.isTruncated, ...(page.marker ? { Marker: page.marker } : {}) };
};

/** The simulated caller: `CallerArn` when given, else the API caller. */
const caller = (callerArn: string | undefined, ctx: CallContext) => {
  const arn = callerArn ?? ctx.principal.arn;
  return { callerArn: arn, callerAccount: parseArn(arn)?.account || ctx.principal.accountId };
};

const request = (input: any, ctx: CallContext, identity: PolicyText[], boundary: PolicyText[] | undefined): SimulationInput => ({
  identity,
  ...(boundary && boundary.length > 0 ? { boundary } : {}),
  ...(input.ResourcePolicy ? { resourcePolicy: { id: 'ResourcePolicy', text: input.ResourcePolicy, sourceType: 'resource' } } : {}),
  actions: input.ActionNames,
  resources: input.ResourceArns?.length ? input.ResourceArns : ['*'],
  ...caller(input.CallerArn, ctx),
  resourceOwner: input.ResourceOwner ? parseArn(input.ResourceOwner)?.account || input.ResourceOwner : undefined,
  context: contextOf(input.ContextEntries),
});

/** The policies of the user or role an ARN names, in the caller's account. */
const principalPolicies = async (arn: string, ctx: CallContext) => {
  const parsed = parseArn(arn);
  const m = /^(user|role)\/(?:.*\/)?([^/]+)$/.exec(parsed?.resource ?? '');
  if (!parsed || parsed.service !== 'iam' || !m) throw invalid('PolicySourceArn', `PolicySourceArn ${arn} is not the ARN of an IAM user or role.`);
  const kind = m[1] as 'user' | 'role';
  const policies = await ctx.services.iam.getPrincipalPolicies(parsed.account, { kind, name: m[2] });
  const sourceType = (id: string) => (id.startsWith('arn:aws:iam::aws:') ? 'aws-managed' : id.includes('#') ? kind : 'user-managed');
  return {
    account: parsed.account,
    identity: policies.identity.map((p) => ({ id: p.id, text: p.document, sourceType: sourceType(p.id) })),
    boundary: policies.boundary ? [{ id: policies.boundary.id, text: policies.boundary.document, sourceType: sourceType(policies.boundary.id) }] : undefined,
  };
};

const contextKeysOf = (texts: string[]) => ({ ContextKeyNames: policyContextKeys(texts.map((t) => parsePolicy(t))) });

export const SIMULATION_HANDLERS: ServiceHandlers = {
  async SimulateCustomPolicy(input, ctx) {
    const identity = inputList(input.PolicyInputList, 'PolicyInputList');
    const boundary = inputList(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList');
    return respond(simulatePolicies(request(input, ctx, identity, boundary)), input, 'SimulateCustomPolicy');
  },
  async GetContextKeysForCustomPolicy(input) {
    return contextKeysOf(input.PolicyInputList);
  },
  async SimulatePrincipalPolicy(input, ctx) {
    const p = await principalPolicies(input.PolicySourceArn, ctx);
    const levels = await ctx.services.organizations.getScpLevels(p.account);
    const scpLevels = levels.map((l) => l.policies.map((s) => ({ id: s.policyId, text: s.content, sourceType: 'none' })));
    const identity = [...p.identity, ...inputList(input.PolicyInputList, 'PolicyInputList')];
    const boundary = input.PermissionsBoundaryPolicyInputList?.length
      ? inputList(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList')
      : p.boundary;
    const simulation = { ...request(input, ctx, identity, boundary), ...(input.CallerArn ? {} : { callerArn: input.PolicySourceArn, callerAccount: p.account }), scpLevels };
    return respond(simulatePolicies(simulation), input, `SimulatePrincipalPolicy:${input.PolicySourceArn}`);
  },
  async GetContextKeysForPrincipalPolicy(input, ctx) {
    const p = await principalPolicies(input.PolicySourceArn, ctx);
    return contextKeysOf([...p.identity.map((x) => x.text), ...(input.PolicyInputList ?? [])]);
  },
};
