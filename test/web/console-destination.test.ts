// Where a console sign-in may send the browser: our console's pages only. And the logger keeps
// the federation endpoint's credentials and sign-in tokens out of the logs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleDestination, externalRelayState } from '../../src/web/console/console-destination.js';
import { redactUrl } from '../../src/server/logger.js';

const ORIGIN = 'https://gatehouse.example.com';

test('console paths and our own absolute URLs are kept, with their query and fragment', () => {
  assert.equal(consoleDestination('/console', ORIGIN), '/console');
  assert.equal(consoleDestination('/console#check', ORIGIN), '/console#check');
  assert.equal(consoleDestination('/console/check?x=1', ORIGIN), '/console/check?x=1');
  assert.equal(consoleDestination(`${ORIGIN}/console#policies`, ORIGIN), '/console#policies');
});

test('anything else is not followed', () => {
  for (const d of [
    undefined,
    '',
    'https://evil.example.com/console',
    '//evil.example.com/console',
    '/\\evil.example.com/console',
    '\\\\evil.example.com',
    'http://gatehouse.example.com/console',
    'https://gatehouse.example.com.evil.com/console',
    '/start',
    '/consoles',
    '/console/../start',
    '/console/%2e%2e/start',
    'javascript:alert(1)',
    'console',
    '/console\n/x',
    `/console/${'a'.repeat(3000)}`,
  ]) {
    assert.equal(consoleDestination(d, ORIGIN), undefined, String(d));
  }
});

test('a relay state elsewhere is an external link; a console relay state or junk is not', () => {
  assert.equal(externalRelayState('https://runbooks.example.com/x', ORIGIN), 'https://runbooks.example.com/x');
  assert.equal(externalRelayState('/console#check', ORIGIN), undefined);
  assert.equal(externalRelayState('javascript:alert(1)', ORIGIN), undefined);
  assert.equal(externalRelayState(undefined, ORIGIN), undefined);
});

test('the logger redacts the federation Session and SigninToken parameters', () => {
  const url = `/federation?Action=getSigninToken&Session=${encodeURIComponent('{"sessionKey":"secret"}')}`;
  assert.equal(redactUrl(url), '/federation?Action=getSigninToken&Session=[REDACTED]');
  assert.equal(redactUrl('/federation?Action=login&SigninToken=abc&Destination=%2Fconsole'), '/federation?Action=login&SigninToken=[REDACTED]&Destination=%2Fconsole');
});
