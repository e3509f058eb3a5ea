import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cryptoRandom, randomChars } from '../../src/lib/random.js';
import * as ids from '../../src/lib/ids.js';
import { parseArn, formatArn } from '../../src/lib/arn.js';
import { parseIsoDuration } from '../../src/lib/iso-duration.js';

test('identifiers have the formats AWS uses', () => {
  for (let i = 0; i < 200; i++) {
    assert.match(ids.newAccountId(cryptoRandom), /^[1-9]\d{11}$/);
    assert.match(ids.newInstanceArn(cryptoRandom), /^arn:aws:sso:::instance\/ssoins-[0-9a-f]{16}$/);
    assert.match(ids.newIdentityStoreId(cryptoRandom), /^d-[0-9a-f]{10}$/);
    assert.match(ids.newOrganizationId(cryptoRandom), /^o-[a-z0-9]{10}$/);
    assert.match(ids.newRootId(cryptoRandom), /^r-[a-z0-9]{4}$/);
    assert.match(ids.newAccessKeyId(cryptoRandom), /^AKIA[A-Z2-7]{16}$/);
    assert.match(ids.newTemporaryAccessKeyId(cryptoRandom), /^ASIA[A-Z2-7]{16}$/);
    assert.match(ids.newSecretAccessKey(cryptoRandom), /^[A-Za-z0-9=]{40}$/);
  }
});

test('random characters come from the alphabet without modulo bias', () => {
  const counts = new Map<string, number>();
  for (const c of randomChars(cryptoRandom, 20_000, 'ABC')) counts.set(c, (counts.get(c) ?? 0) + 1);
  assert.deepEqual([...counts.keys()].sort(), ['A', 'B', 'C']);
  for (const n of counts.values()) assert.ok(n > 6_000 && n < 7_400, `count ${n}`);
});

test('ARNs keep colons in the resource part', () => {
  const arn = parseArn('arn:aws:sts::111122223333:assumed-role/R/s:x');
  assert.equal(arn?.account, '111122223333');
  assert.equal(arn?.resource, 'assumed-role/R/s:x');
  assert.equal(formatArn(arn!), 'arn:aws:sts::111122223333:assumed-role/R/s:x');
  assert.equal(parseArn('not-an-arn'), undefined);
});

test('ISO 8601 durations', () => {
  assert.equal(parseIsoDuration('PT1H'), 3600);
  assert.equal(parseIsoDuration('PT12H'), 43200);
  assert.equal(parseIsoDuration('PT1H30M'), 5400);
  assert.equal(parseIsoDuration('P1D'), 86400);
  for (const bad of ['P', 'PT', '1H', 'PT1.5H', 'pt1h', '']) assert.equal(parseIsoDuration(bad), undefined, bad);
});
