// Value templates alone: what parses, what is refused (naming the field and the mapping), and
// how values render (one per group, nothing when a variable has no value).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate, renderTemplate, type TemplateValues } from '../../../src/domain/applications/value-template.js';

const values: TemplateValues = {
  user: (name) => (name === 'groups' ? ['Admins', 'Dev'] : name === 'email' ? ['ada@example.com'] : name === 'givenName' ? [] : [`<${name}>`]),
  app: (name) => (name === 'sessionDurationSeconds' ? '3600' : undefined),
  path: (path) => (path === 'title' ? 'Engineer' : undefined),
};

const render = (t: string) => renderTemplate(parseTemplate(t, 'F', 'm'), values);

test('literal text, variables and paths render in place', () => {
  assert.deepEqual(render('plain'), ['plain']);
  assert.deepEqual(render('${user:email}'), ['ada@example.com']);
  assert.deepEqual(render('mail:${user:email};t=${path:title};s=${app:sessionDurationSeconds}'), ['mail:ada@example.com;t=Engineer;s=3600']);
});

test('${user:groups} gives one value per group, with the text around it', () => {
  assert.deepEqual(render('${user:groups}'), ['Admins', 'Dev']);
  assert.deepEqual(render('team-${user:groups}'), ['team-Admins', 'team-Dev']);
});

test('a variable without a value makes the whole template give nothing', () => {
  assert.deepEqual(render('${user:givenName}'), []);
  assert.deepEqual(render('x-${path:name.givenName}'), []);
});

test('unknown variables, bad paths and an unclosed ${ are refused, naming field and mapping', () => {
  for (const [t, pattern] of [
    ['${user:mail}', /unknown variable \$\{user:mail\} in m/],
    ['${foo}', /unknown variable \$\{foo\}/],
    ['${path:department}', /no attribute department/],
    ['${path:name}', /name one of name's parts/],
    ['${path:title.x}', /title has no parts/],
    ['${path:a.b.c}', /no attribute a/],
    ['abc ${user:email', /without its closing/],
    ['', /must not be empty/],
  ] as const) {
    assert.throws(() => parseTemplate(t, 'AttributeMappings[3].Value', 'm'), (e: any) => {
      assert.equal(e.code, 'Validation', t);
      assert.equal(e.details.field, 'AttributeMappings[3].Value', t);
      assert.match(e.message, pattern, t);
      return true;
    });
  }
});

test('single-valued templates refuse ${user:groups}; two of them are refused anywhere', () => {
  assert.throws(() => parseTemplate('${user:groups}', 'NameIdSource', 'NameIdSource', true), { code: 'Validation', message: /exactly one value/ });
  assert.throws(() => parseTemplate('${user:groups}${user:groups}', 'F', 'm'), { message: /only once/ });
});

test('paths compare without regard to case and take the enterprise extension', () => {
  assert.doesNotThrow(() => parseTemplate('${path:NAME.GIVENNAME}${path:emails.value}${path:enterprise.department}', 'F', 'm'));
  assert.throws(() => parseTemplate('${path:enterprise.shoeSize}', 'F', 'm'), { message: /enterprise.department/ });
});
