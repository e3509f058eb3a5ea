import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { MODELS_DIR } from '../../../src/protocols/model/load-service-model.js';
import { translatePattern } from '../../../src/protocols/model/translate-pattern.js';

test('patterns are anchored and use Unicode properties', () => {
  const re = translatePattern('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+')!;
  assert.ok(re.test('Zoë'));
  assert.ok(!re.test('a b'));
  assert.ok(translatePattern('d-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')!.test('d-0123456789'));
  assert.ok(!translatePattern('[a-z]+')!.test('abc1'));
});

test('identity escapes the u flag refuses are unescaped; (?i) is applied by hand', () => {
  assert.ok(translatePattern('[a-z\\ \\"\\\']+')!.test('a "b\''));
  const notArn = translatePattern('(?!(?i)(arn|aws):)[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+')!;
  assert.ok(!notArn.test('ARN:x'));
  assert.ok(!notArn.test('aws:x'));
  assert.ok(notArn.test('bob'));
});

test('untranslatable Java constructs are skipped, not guessed', () => {
  assert.equal(translatePattern('a++'), undefined);
  assert.equal(translatePattern('\\Aabc\\z'), undefined);
  assert.equal(translatePattern('[a-z&&[^b]]'), undefined);
});

test('every pattern in the documented models compiles', () => {
  const dir = `${MODELS_DIR}/documented-2022/`;
  const failed: string[] = [];
  for (const f of readdirSync(dir)) {
    const shapes = JSON.parse(readFileSync(dir + f, 'utf8')).shapes as Record<string, { pattern?: string }>;
    for (const s of Object.values(shapes)) if (s.pattern && !translatePattern(s.pattern)) failed.push(`${f}: ${s.pattern}`);
  }
  assert.deepEqual(failed, []);
});
