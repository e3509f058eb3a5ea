// Validation must answer with findings, never throw, whatever text it is given: arbitrary
// JSON, and policy-shaped documents with random (often wrong) element values.

import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import fc from 'fast-check';
import { loadCatalog, validatePolicy, type Catalog } from '../../../src/policy/validate/index.js';

let catalog: Catalog;
before(async () => {
  catalog = await loadCatalog();
});

const SEVERITIES = new Set(['ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION']);

function assertFindings(json: string): void {
  const findings = validatePolicy(json, catalog);
  for (const f of findings) {
    assert.ok(SEVERITIES.has(f.severity), f.severity);
    assert.match(f.code, /^[A-Z][A-Z_]+$/);
    assert.equal(typeof f.path, 'string');
    assert.ok(f.message.length > 0);
  }
}

it('never throws on arbitrary text', () => {
  fc.assert(fc.property(fc.string(), (s) => assertFindings(s)), { numRuns: 300 });
});

it('never throws on arbitrary JSON', () => {
  fc.assert(fc.property(fc.json(), (s) => assertFindings(s)), { numRuns: 300 });
});

const word = fc.constantFrom('s3', 'ec2', 'iam', 'nosuch', '*', '', 'Get*', 'GetObject', 'aws', '${aws:username}', '?', ':');
const text = fc
  .tuple(fc.array(word, { maxLength: 4 }), fc.constantFrom(':', '/', '', '*'))
  .map(([ws, sep]) => ws.join(sep));
const values = fc.oneof(text, fc.array(text, { maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null));
const operator = fc.constantFrom('StringEquals', 'ForAllValues:StringLike', 'NumericLessThan', 'DateGreaterThan', 'Bool', 'IpAddress', 'ArnLike', 'Null', 'NullIfExists', 'Bogus');
const key = fc.constantFrom('aws:SourceIp', 'aws:TagKeys', 's3:prefix', 'aws:PrincipalTag/team', 'nosuch:key', 'aws:nosuch', 'ec2:InstanceType');
const statement = fc.record(
  {
    Sid: text,
    Effect: fc.constantFrom('Allow', 'Deny', 'Maybe'),
    Action: values,
    NotAction: values,
    Resource: values,
    NotResource: values,
    Principal: fc.oneof(fc.constant('*'), fc.record({ AWS: values })),
    Condition: fc.dictionary(operator, fc.dictionary(key, values, { maxKeys: 2 }), { maxKeys: 2 }),
  },
  { requiredKeys: ['Effect'] },
);
const policy = fc.record(
  { Version: fc.constantFrom('2012-10-17', '2008-10-17', 'x'), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 })) },
  { requiredKeys: ['Statement'] },
);

it('never throws on policy-shaped documents', () => {
  fc.assert(fc.property(policy, (p) => assertFindings(JSON.stringify(p))), { numRuns: 500 });
});
