// The managed policies of a permission set: AWS managed policies (which must exist in the
// catalog) and references to customer managed policies by name and path (which must exist in
// each account the permission set is provisioned to — checked there, at provisioning). Together
// at most 20, the most IAM lets a role have attached.

import type { CustomerManagedPolicyReference, PermissionSet } from './permission-set.js';
import { getAwsManagedPolicy, isServiceRolePolicy } from '../iam/aws-managed-policies.js';
import { conflictWith, quotaExceeded, resourceNotFound, validation } from './errors.js';
import { revisePermissionSet } from './revise-permission-set.js';
import { requirePermissionSet, type SsoContext } from './sso-context.js';
import { paginate, type Page, type PageRequest } from './page.js';

export const MAX_MANAGED_POLICIES = 20;

const CMP_NAME = /^[\w+=,.@-]{1,128}$/;
const CMP_PATH = /^((\/[A-Za-z0-9.,+@=_-]+)*)\/$/;

const policyCount = (ps: PermissionSet) => ps.managedPolicyArns.length + ps.customerManagedPolicies.length;

function checkRoom(ps: PermissionSet): void {
  if (policyCount(ps) >= MAX_MANAGED_POLICIES) {
    throw quotaExceeded('ManagedPolicy', `A permission set may have at most ${MAX_MANAGED_POLICIES} AWS managed and customer managed policies together.`);
  }
}

/** The AWS managed policy `arn` names, when it may be part of a permission set. */
export function checkAwsManagedPolicyArn(arn: string, field = 'ManagedPolicyArn'): { name: string } {
  const policy = getAwsManagedPolicy(arn);
  if (!policy) throw validation(field, `The AWS managed policy ${arn} does not exist.`);
  if (isServiceRolePolicy(policy)) throw validation(field, `${arn} is a service-linked role policy; it cannot be part of a permission set.`);
  return { name: policy.name };
}

/** The reference with its path defaulted to `/`. */
export function normalizeReference(ref: { name: string; path?: string }, field = 'CustomerManagedPolicyReference'): CustomerManagedPolicyReference {
  const path = ref.path ?? '/';
  if (!CMP_NAME.test(ref.name)) throw validation(field, `The policy name ${ref.name} is not valid.`);
  if (path.length > 512 || !CMP_PATH.test(path)) throw validation(field, `The policy path ${path} is not valid: it must begin and end with /.`);
  return { name: ref.name, path };
}

const sameReference = (a: CustomerManagedPolicyReference, b: CustomerManagedPolicyReference) => a.name === b.name && a.path === b.path;

export const attachManagedPolicy = (ctx: SsoContext, arn: string, policyArn: string) => {
  checkAwsManagedPolicyArn(policyArn);
  return revisePermissionSet(ctx, arn, (ps) => {
    if (ps.managedPolicyArns.includes(policyArn)) throw conflictWith('ManagedPolicy', `${policyArn} is attached to the permission set already.`);
    checkRoom(ps);
    return { ...ps, managedPolicyArns: [...ps.managedPolicyArns, policyArn] };
  });
};

export const detachManagedPolicy = (ctx: SsoContext, arn: string, policyArn: string) =>
  revisePermissionSet(ctx, arn, (ps) => {
    if (!ps.managedPolicyArns.includes(policyArn)) throw resourceNotFound('ManagedPolicy', `${policyArn} is not attached to the permission set.`);
    return { ...ps, managedPolicyArns: ps.managedPolicyArns.filter((a) => a !== policyArn) };
  });

export async function listManagedPolicies(ctx: SsoContext, arn: string, page: PageRequest): Promise<Page<{ arn: string; name: string }>> {
  const ps = await requirePermissionSet(ctx, arn);
  // Attachment order is the list order: the index is the sort key.
  const entries = ps.managedPolicyArns.map((a, i) => ({ arn: a, name: getAwsManagedPolicy(a)?.name ?? a.slice(a.lastIndexOf('/') + 1), i }));
  const out = paginate(entries, (e) => String(e.i).padStart(4, '0'), `managed:${arn}`, page);
  return { ...out, items: out.items.map(({ arn: a, name }) => ({ arn: a, name })) };
}

export const attachCustomerManagedPolicy = (ctx: SsoContext, arn: string, input: { name: string; path?: string }) => {
  const ref = normalizeReference(input);
  return revisePermissionSet(ctx, arn, (ps) => {
    if (ps.customerManagedPolicies.some((r) => sameReference(r, ref))) {
      throw conflictWith('CustomerManagedPolicyReference', `The customer managed policy ${ref.path}${ref.name} is attached already.`);
    }
    checkRoom(ps);
    return { ...ps, customerManagedPolicies: [...ps.customerManagedPolicies, ref] };
  });
};

export const detachCustomerManagedPolicy = (ctx: SsoContext, arn: string, input: { name: string; path?: string }) => {
  const ref = normalizeReference(input);
  return revisePermissionSet(ctx, arn, (ps) => {
    if (!ps.customerManagedPolicies.some((r) => sameReference(r, ref))) {
      throw resourceNotFound('CustomerManagedPolicyReference', `The customer managed policy ${ref.path}${ref.name} is not attached.`);
    }
    return { ...ps, customerManagedPolicies: ps.customerManagedPolicies.filter((r) => !sameReference(r, ref)) };
  });
};

export async function listCustomerManagedPolicies(ctx: SsoContext, arn: string, page: PageRequest): Promise<Page<CustomerManagedPolicyReference>> {
  const ps = await requirePermissionSet(ctx, arn);
  const entries = ps.customerManagedPolicies.map((r, i) => ({ r, i }));
  const out = paginate(entries, (e) => String(e.i).padStart(4, '0'), `cmp:${arn}`, page);
  return { ...out, items: out.items.map((e) => e.r) };
}
