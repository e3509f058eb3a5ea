import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate, resolveTemplate, chunksText } from '../../src/policy/template.js';

const lookup = (values: Record<string, string>) => (k: string) => values[k.toLowerCase()];

test('variables, escapes and defaults', () => {
  const t = parseTemplate("a/${aws:username}/${ aws:PrincipalTag/team , 'it''s' }/${*}${?}${$}", true);
  assert.deepEqual(t.keys, ['aws:username', 'aws:PrincipalTag/team']);
  const chunks = resolveTemplate(t, lookup({ 'aws:username': 'bob' }))!;
  assert.equal(chunksText(chunks), "a/bob/it's/*?$");
  assert.deepEqual(
    chunks.filter((c) => c.literal).map((c) => c.text),
    ['bob', "it's", '*', '?', '$'],
  );
});

test('a variable without a value and without a default does not resolve', () => {
  assert.equal(resolveTemplate(parseTemplate('x/${aws:username}', true), lookup({})), undefined);
});

test('text that is not a variable stays text', () => {
  for (const s of ['${', 'a${}b', '${unterminated', "${k, nodefault}", 'plain']) {
    const t = parseTemplate(s, true);
    assert.deepEqual(t.keys, [], s);
    assert.equal(chunksText(resolveTemplate(t, lookup({}))!), s);
  }
});

test('version 2008-10-17 keeps the text literal', () => {
  const t = parseTemplate('a/${aws:username}', false);
  assert.deepEqual(t.keys, []);
  assert.equal(chunksText(resolveTemplate(t, lookup({ 'aws:username': 'x' }))!), 'a/${aws:username}');
});
