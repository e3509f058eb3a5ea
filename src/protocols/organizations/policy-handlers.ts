// Organization policies, their attachments, and the policy types enabled on the root.

import type { ServiceHandlers } from '../operation.js';
import { management, reader } from './access.js';
import { pageRequest, pageShape, policyShape, policySummaryShape, rootShape, tagsInput, targetShape } from './shapes.js';

export const POLICY_HANDLERS: ServiceHandlers = {
  CreatePolicy: management(async (input, { services }) =>
    policyShape(await services.organizations.createPolicy({
      content: input.Content, description: input.Description, name: input.Name, type: input.Type, tags: tagsInput(input.Tags),
    }))),
  UpdatePolicy: management(async (input, { services }) =>
    policyShape(await services.organizations.updatePolicy({
      policyId: input.PolicyId,
      ...(input.Name !== undefined ? { name: input.Name } : {}),
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      ...(input.Content !== undefined ? { content: input.Content } : {}),
    }))),
  DeletePolicy: management(async (input, { services }) => {
    await services.organizations.deletePolicy(input.PolicyId);
    return {};
  }),
  DescribePolicy: reader(async (input, { services }) => policyShape(await services.organizations.describePolicy(input.PolicyId))),
  ListPolicies: reader(async (input, { services }) =>
    pageShape('Policies', await services.organizations.listPolicies(input.Filter, pageRequest(input)), policySummaryShape)),
  AttachPolicy: management(async (input, { services }) => {
    await services.organizations.attachPolicy(input.PolicyId, input.TargetId);
    return {};
  }),
  DetachPolicy: management(async (input, { services }) => {
    await services.organizations.detachPolicy(input.PolicyId, input.TargetId);
    return {};
  }),
  ListPoliciesForTarget: reader(async (input, { services }) =>
    pageShape('Policies',
      await services.organizations.listPoliciesForTarget(input.TargetId, input.Filter, pageRequest(input)), policySummaryShape)),
  ListTargetsForPolicy: reader(async (input, { services }) =>
    pageShape('Targets', await services.organizations.listTargetsForPolicy(input.PolicyId, pageRequest(input)), targetShape)),
  EnablePolicyType: management(async (input, { services }) => ({
    Root: rootShape(await services.organizations.enablePolicyType(input.RootId, input.PolicyType)),
  })),
  DisablePolicyType: management(async (input, { services }) => ({
    Root: rootShape(await services.organizations.disablePolicyType(input.RootId, input.PolicyType)),
  })),
};
