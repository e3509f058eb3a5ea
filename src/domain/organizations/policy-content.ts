// Rules for a policy's content: JSON, within its type's size quota, and for SCPs the shape of
// the IAM policy grammar that SCPs use (no Principal; Effect; Action or NotAction).
// Quotas: "Quotas and service limits for AWS Organizations" (maximum size of a policy document;
// maximum number of policies of a type attached to a root, OU or account). Content saved through
// the API is counted as sent, white space included.

import type { PolicyType } from './model.js';
import { constraintViolation, malformedPolicy } from './errors.js';

export const POLICY_SIZE_LIMITS: Readonly<Record<PolicyType, number>> = {
  SERVICE_CONTROL_POLICY: 5120,
  TAG_POLICY: 10000,
  BACKUP_POLICY: 10000,
  AISERVICES_OPT_OUT_POLICY: 2500,
};

export const ATTACHMENT_LIMITS: Readonly<Record<PolicyType, number>> = {
  SERVICE_CONTROL_POLICY: 5,
  TAG_POLICY: 10,
  BACKUP_POLICY: 10,
  AISERVICES_OPT_OUT_POLICY: 5,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringOrStrings = (v: unknown) =>
  typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));

function checkScpStatement(s: unknown, index: number): void {
  const where = `Statement ${index + 1}`;
  if (!isObject(s)) throw malformedPolicy(`${where} must be a JSON object.`);
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformedPolicy(`${where}: Effect must be "Allow" or "Deny".`);
  if ('Principal' in s || 'NotPrincipal' in s) throw malformedPolicy(`${where}: an SCP may not name a Principal.`);
  const hasAction = 'Action' in s;
  if (hasAction === 'NotAction' in s) throw malformedPolicy(`${where} must have exactly one of Action and NotAction.`);
  if (!isStringOrStrings(hasAction ? s.Action : s.NotAction)) {
    throw malformedPolicy(`${where}: ${hasAction ? 'Action' : 'NotAction'} must be a string or a list of strings.`);
  }
  if ('Resource' in s && 'NotResource' in s) throw malformedPolicy(`${where} may not have both Resource and NotResource.`);
  for (const key of ['Resource', 'NotResource'] as const) {
    if (key in s && !isStringOrStrings(s[key])) throw malformedPolicy(`${where}: ${key} must be a string or a list of strings.`);
  }
  if ('Condition' in s && !isObject(s.Condition)) throw malformedPolicy(`${where}: Condition must be a JSON object.`);
  if ('Sid' in s && typeof s.Sid !== 'string') throw malformedPolicy(`${where}: Sid must be a string.`);
  const known = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
  const unknown = Object.keys(s).find((k) => !known.has(k));
  if (unknown) throw malformedPolicy(`${where}: unknown element ${unknown}.`);
}

function checkScp(doc: Record<string, unknown>): void {
  const known = new Set(['Version', 'Id', 'Statement']);
  const unknown = Object.keys(doc).find((k) => !known.has(k));
  if (unknown) throw malformedPolicy(`Unknown top-level element ${unknown}.`);
  if ('Version' in doc && doc.Version !== '2012-10-17' && doc.Version !== '2008-10-17') {
    throw malformedPolicy('Version must be "2012-10-17" or "2008-10-17".');
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement === undefined ? [] : [doc.Statement];
  if (statements.length === 0) throw malformedPolicy('The policy must have at least one Statement.');
  statements.forEach(checkScpStatement);
}

/** Throws MalformedPolicyDocument or a POLICY_CONTENT_LIMIT_EXCEEDED constraint violation. */
export function checkPolicyContent(type: PolicyType, content: string): void {
  const limit = POLICY_SIZE_LIMITS[type];
  if (content.length > limit) {
    throw constraintViolation(
      'POLICY_CONTENT_LIMIT_EXCEEDED',
      `The policy has ${content.length} characters; a ${type} may have at most ${limit}.`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    throw malformedPolicy(`The policy content is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(doc)) throw malformedPolicy('The policy content must be one JSON object.');
  if (type === 'SERVICE_CONTROL_POLICY') checkScp(doc);
}
