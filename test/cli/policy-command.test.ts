// `gatehouse policy validate` and `gatehouse policy simulate`, run as people run them.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string;
const file = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
};
const gatehouse = (...args: string[]) => spawnSync(process.execPath, ['bin/gatehouse.js', ...args], { encoding: 'utf8' });

before(() => (dir = mkdtempSync(join(tmpdir(), 'gatehouse-cli-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

test('validate: findings with their places, exit 1 on an ERROR', () => {
  const bad = file('bad.json', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObjekt', 'iam:PassRole'], Resource: '*' }] });
  const r = gatehouse('policy', 'validate', bad);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /ERROR UNKNOWN_ACTION at Statement\[0\]\.Action\[0\]/);
  assert.match(r.stdout, /SECURITY_WARNING \S+ at Statement\[0\]\.Resource/);
});

test('validate: a clean policy exits 0; a grammar error names its place', () => {
  const good = file('good.json', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }] });
  const r = gatehouse('policy', 'validate', good);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /no findings/);
  const broken = file('broken.json', { Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: 's3:GetObject', Resource: '*' }] });
  const b = gatehouse('policy', 'validate', broken);
  assert.equal(b.status, 1);
  assert.match(b.stdout, /ERROR \S+ at Statement\[0\]\.Effect/);
});

test('simulate: explains allow and deny; exit 1 when anything is denied', () => {
  const policy = file('p.json', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }] });
  const scp = file('scp.json', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }] });
  const full = file('full.json', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  const allowed = gatehouse('policy', 'simulate', '--policy', policy, '--scp', `${full},${scp}`, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::b/bob/x', '--context', 'aws:username=bob', '--context', 'aws:RequestedRegion=eu-west-1');
  assert.equal(allowed.status, 0, allowed.stdout + allowed.stderr);
  assert.match(allowed.stdout, /Allowed/);
  const denied = gatehouse('policy', 'simulate', '--policy', policy, '--scp', `${full},${scp}`, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::b/bob/x', '--context', 'aws:username=bob', '--context', 'aws:RequestedRegion=us-east-1');
  assert.equal(denied.status, 1);
  assert.match(denied.stdout, /explicit Deny/);
});

test('simulate from an --input file; usage errors exit 2', () => {
  const input = file('in.json', { policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:*', Resource: '*' }] }], actions: ['sts:AssumeRole'] });
  assert.equal(gatehouse('policy', 'simulate', '--input', input).status, 0);
  assert.equal(gatehouse('policy', 'simulate', '--policy', join(dir, 'missing.json'), '--action', 'x:Y').status, 2);
  assert.equal(gatehouse('policy', 'frobnicate').status, 2);
});
