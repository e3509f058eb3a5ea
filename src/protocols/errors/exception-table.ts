// The one table from domain error codes to each service's own exception names and statuses.
// Keys are a GatehouseError code, or `Code:Resource` for a more specific name (looked up first).
// The organizations and iam blocks live next to their handlers' authors; they are data only.
// `Validation:Input` is the model validator's failure, which some services name apart from
// their own business-rule validation (IAM: ValidationError vs InvalidInput).

import { IAM_EXCEPTIONS } from '../iam/iam-exceptions.js';
import { ORGANIZATIONS_EXCEPTIONS } from './organizations-exceptions.js';
import { GATEHOUSE_ADMIN_EXCEPTIONS } from '../gatehouse-admin/exceptions.js';

export interface ExceptionEntry {
  readonly name: string;
  readonly status: number;
}

type Block = Readonly<Record<string, ExceptionEntry>>;

const e = (name: string, status = 400): ExceptionEntry => ({ name, status });

/** identitystore and sso-admin share Coral's standard set (the model gives no statuses). */
const identityCenterBlock: Block = {
  NotFound: e('ResourceNotFoundException'),
  Conflict: e('ConflictException'),
  InvalidState: e('ConflictException'),
  Validation: e('ValidationException'),
  AccessDenied: e('AccessDeniedException'),
  Unauthenticated: e('AccessDeniedException'),
  Throttled: e('ThrottlingException'),
  LimitExceeded: e('ServiceQuotaExceededException'),
};

const stsBlock: Block = {
  Validation: e('ValidationError'),
  'Validation:PolicyDocument': e('MalformedPolicyDocument'),
  'LimitExceeded:PackedPolicy': e('PackedPolicyTooLarge'),
  'InvalidState:Region': e('RegionDisabledException', 403),
  'Unauthenticated:Token': e('ExpiredTokenException'),
  'Unauthenticated:IdentityToken': e('InvalidIdentityToken'),
  'Unauthenticated:SAMLAssertion': e('IDPRejectedClaim', 403),
  // AWS answers AccessDenied, not "not found", for a role the caller may not see.
  NotFound: e('AccessDenied', 403),
  AccessDenied: e('AccessDenied', 403),
  Unauthenticated: e('AccessDenied', 403),
  Throttled: e('Throttling'),
};

/** Keyed by model file prefix. */
export const EXCEPTION_TABLE: Readonly<Record<string, Block>> = {
  identitystore: identityCenterBlock,
  'sso-admin': identityCenterBlock,
  organizations: ORGANIZATIONS_EXCEPTIONS,
  sts: stsBlock,
  iam: IAM_EXCEPTIONS,
  'gatehouse-admin': GATEHOUSE_ADMIN_EXCEPTIONS,
};

export const lookupException = (service: string, code: string, resource?: string): ExceptionEntry | undefined => {
  const block = EXCEPTION_TABLE[service];
  if (!block) return undefined;
  return (resource !== undefined ? block[`${code}:${resource}`] : undefined) ?? block[code];
};
