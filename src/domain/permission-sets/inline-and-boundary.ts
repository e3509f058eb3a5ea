// The inline policy and the permissions boundary of a permission set. The inline policy becomes
// the role's inline policy `AwsSSOInlinePolicy`; the boundary is an AWS managed policy or a
// reference to a customer managed policy that must exist in each account.

import type { PermissionsBoundary } from './permission-set.js';
import { checkInlinePolicy } from './inline-policy-check.js';
import { checkAwsManagedPolicyArn, normalizeReference } from './policy-references.js';
import { revisePermissionSet } from './revise-permission-set.js';
import { requirePermissionSet, type SsoContext } from './sso-context.js';
import { resourceNotFound, validation } from './errors.js';

export const putInlinePolicy = (ctx: SsoContext, arn: string, document: string) => {
  checkInlinePolicy(document);
  return revisePermissionSet(ctx, arn, (ps) => ({ ...ps, inlinePolicy: document }));
};

/** The document, or the empty string when there is none (as Identity Center answers). */
export const getInlinePolicy = async (ctx: SsoContext, arn: string): Promise<string> =>
  (await requirePermissionSet(ctx, arn)).inlinePolicy ?? '';

/** Deleting an absent inline policy changes nothing. */
export const deleteInlinePolicy = (ctx: SsoContext, arn: string) =>
  revisePermissionSet(ctx, arn, (ps) => (ps.inlinePolicy === undefined ? undefined : { ...ps, inlinePolicy: undefined }));

export interface BoundaryInput {
  readonly managedPolicyArn?: string;
  readonly customerManagedPolicyReference?: { name: string; path?: string };
}

/** Exactly one of the two kinds, as the model's PermissionsBoundary says. */
export function toBoundary(input: BoundaryInput): PermissionsBoundary {
  const { managedPolicyArn: arn, customerManagedPolicyReference: ref } = input;
  if ((arn === undefined) === (ref === undefined)) {
    throw validation('PermissionsBoundary', 'Give either ManagedPolicyArn or CustomerManagedPolicyReference, not both or neither.');
  }
  if (arn !== undefined) {
    checkAwsManagedPolicyArn(arn, 'PermissionsBoundary');
    return { kind: 'managed', managedPolicyArn: arn };
  }
  return { kind: 'customer-managed', reference: normalizeReference(ref!, 'PermissionsBoundary') };
}

export const putPermissionsBoundary = (ctx: SsoContext, arn: string, input: BoundaryInput) => {
  const boundary = toBoundary(input);
  return revisePermissionSet(ctx, arn, (ps) => ({ ...ps, permissionsBoundary: boundary }));
};

export async function getPermissionsBoundary(ctx: SsoContext, arn: string): Promise<PermissionsBoundary> {
  const ps = await requirePermissionSet(ctx, arn);
  if (!ps.permissionsBoundary) throw resourceNotFound('PermissionsBoundary', `Permission set ${ps.name} has no permissions boundary.`);
  return ps.permissionsBoundary;
}

export const deletePermissionsBoundary = (ctx: SsoContext, arn: string) =>
  revisePermissionSet(ctx, arn, (ps) => {
    if (!ps.permissionsBoundary) throw resourceNotFound('PermissionsBoundary', `Permission set ${ps.name} has no permissions boundary.`);
    return { ...ps, permissionsBoundary: undefined };
  });
