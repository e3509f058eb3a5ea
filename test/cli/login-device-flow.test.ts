// The device flow's polling, against a scripted sso-oidc: it waits the server's interval while
// authorization is pending, five seconds more after each SlowDown, and ends with a clear reason
// on denial or expiry.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AccessDeniedException,
  AuthorizationPendingException,
  ExpiredTokenException,
  SlowDownException,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import { deviceFlowLogin } from '../../src/cli/login-device-flow.js';
import { LoginFailed } from '../../src/cli/login-failed.js';

const meta = { $metadata: {}, message: 'scripted' };
const registration = { clientId: 'cid', clientSecret: 'secret', clientSecretExpiresAt: 0 };

/** An sso-oidc whose CreateToken answers (or throws) from a script, one entry per call. */
const scripted = (answers: Array<Error | Record<string, unknown>>) => {
  const calls: Array<{ name: string; input: Record<string, unknown> }> = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      calls.push({ name: command.constructor.name, input: command.input });
      if (command.constructor.name === 'StartDeviceAuthorizationCommand') {
        return { deviceCode: 'dev', userCode: 'ABCD-EFGH', verificationUri: 'http://gh/device', verificationUriComplete: 'http://gh/device?user_code=ABCD-EFGH', interval: 2, expiresIn: 600 };
      }
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { client: client as unknown as SSOOIDCClient, calls };
};

describe('the device flow', () => {
  test('polls at the interval, slows down by five seconds, and returns the token', async () => {
    const { client, calls } = scripted([
      new AuthorizationPendingException(meta),
      new SlowDownException(meta),
      new AuthorizationPendingException(meta),
      { accessToken: 'at', expiresIn: 3600 },
    ]);
    const waits: number[] = [];
    let printed = '';
    const out = await deviceFlowLogin(client, registration, { startUrl: 'http://gh/start', print: (t) => (printed += t), sleep: async (ms) => void waits.push(ms) });
    assert.equal(out.accessToken, 'at');
    assert.deepEqual(waits, [2000, 7000, 7000]);
    assert.match(printed, /http:\/\/gh\/device\n[\s\S]*ABCD-EFGH/);
    assert.deepEqual(calls[0], { name: 'StartDeviceAuthorizationCommand', input: { clientId: 'cid', clientSecret: 'secret', startUrl: 'http://gh/start' } });
    assert.deepEqual(calls[1]!.input, { clientId: 'cid', clientSecret: 'secret', grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: 'dev' });
  });

  test('denied and expired end the login with a reason; other errors pass through', async () => {
    const sleep = async () => {};
    const print = () => {};
    await assert.rejects(deviceFlowLogin(scripted([new AccessDeniedException(meta)]).client, registration, { startUrl: 's', print, sleep }), (e: Error) => e instanceof LoginFailed && /denied/.test(e.message));
    await assert.rejects(deviceFlowLogin(scripted([new ExpiredTokenException(meta)]).client, registration, { startUrl: 's', print, sleep }), (e: Error) => e instanceof LoginFailed && /expired/.test(e.message));
    await assert.rejects(deviceFlowLogin(scripted([new Error('boom')]).client, registration, { startUrl: 's', print, sleep }), /boom/);
  });
});
