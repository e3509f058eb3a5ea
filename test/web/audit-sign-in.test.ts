// People's sign-in in the audit log, on a real server and both back ends, through the pages as a
// browser without JavaScript uses them: a wrong password, the right one, a wrong and a right TOTP
// code are CredentialVerification / CredentialChallenge / UserAuthentication events in order,
// with the person and the failure; no password or code is kept; a locked user's tries (even with
// the right password) are failures that say so; an unknown name is recorded as typed; a forced
// password change, Settings (password, MFA devices) and sign-out are recorded too.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import { startTestServer, TEST_REGION, type TestServer } from '../support/server.js';
import { Browser, signIn, type Credentials, type PageResponse } from '../support/browser.js';
import { totpCode, totpStep } from '../../src/domain/directory/totp.js';
import type { AuditEvent } from '../../src/domain/audit/audit-event.js';
import type { Services } from '../../src/domain/services.js';
import { assertInOrder, assertNoSecrets, auditEvents } from './audit-events.js';

const DANA = { userName: 'dana', password: 'harbour-quince-lantern-5521' };
const WRONG = 'definitely-not-danas-password';
const NEW_PASSWORD = 'saffron-glacier-trellis-8830';
const SETTINGS_PASSWORD = 'copper-meadow-sonnet-2719';

/** The kind of credential and outcome of a sign-in event: `CredentialVerification:PASSWORD:Failure`. */
const sign = (e: AuditEvent) => [e.eventName, e.additionalEventData?.CredentialType, e.errorCode ?? 'ok'].filter((x) => x !== undefined).join(':');

/** Six digits that are no code of the secret around now. */
const wrongCode = (secret: string): string => {
  const now = totpStep(Date.now());
  const near = new Set([-2, -1, 0, 1, 2].map((d) => totpCode(secret, now + d)));
  return ['000000', '111111', '222222'].find((c) => !near.has(c))!;
};

for (const backend of BACKENDS) {
  describe(`sign-in in the audit log (${backend.name})`, () => {
    let server: TestServer;
    let services: Services;
    let danaId: string;
    let secret: string;
    let storeId: string;

    const newUser = async (userName: string, password?: string): Promise<string> => {
      const user = await services.identityStore.createUser(storeId, { UserName: userName, DisplayName: userName, Name: { GivenName: 'G', FamilyName: 'F' } });
      if (password) await services.directory.setPassword(user.userId, password);
      return user.userId;
    };

    before(async () => {
      server = await startTestServer({ backend: backend.name, mfaMode: 'optional' });
      services = server.server.services;
      storeId = (await services.instance.get()).identityStoreId;
      danaId = await newUser(DANA.userName, DANA.password);
      // An authenticator app, registered with the code of the step before: the current one is left for sign-in.
      const enrollment = await services.directory.startTotpEnrollment(danaId, 'Phone');
      await services.directory.confirmTotp(danaId, enrollment.enrollmentId, totpCode(enrollment.secret, totpStep(Date.now()) - 1));
      secret = enrollment.secret;
    });
    after(() => server.close());

    const toPassword = async (b: Browser, userName: string): Promise<PageResponse> => b.submit(await b.go('/start'), '/signin', { username: userName });

    test('a wrong password, the right one, a wrong code, the right code: the events in order, with the person and the failures', async () => {
      const b = new Browser(server.endpoint);
      let page = await toPassword(b, DANA.userName);
      page = await b.submit(page, '/signin', { password: WRONG });
      assert.equal(page.status, 401);
      page = await b.submit(page, '/signin', { password: DANA.password });
      assert.match(page.text, /name="step" value="mfa"/);
      const bad = wrongCode(secret);
      page = await b.submit(page, '/signin', { code: bad });
      assert.equal(page.status, 401);
      const good = totpCode(secret, totpStep(Date.now()));
      page = await b.submit(page, '/signin', { code: good });
      assert.match(page.url, /\/start$/);

      const events = await auditEvents(services, { userName: DANA.userName });
      const e = assertInOrder(events, sign, [
        'CredentialVerification:PASSWORD:Failure',
        'CredentialVerification:PASSWORD:ok',
        'CredentialChallenge:TOTP:ok',
        'CredentialVerification:TOTP:Failure',
        'CredentialVerification:TOTP:ok',
        'UserAuthentication:ok',
      ]);
      const dana = { type: 'IdentityCenterUser', userName: DANA.userName, principalId: danaId };
      const failed = e.get('CredentialVerification:PASSWORD:Failure')!;
      // Before the password the user is only the name typed: the event tells no more than the page.
      assert.deepEqual(failed.userIdentity, { type: 'IdentityCenterUser', userName: DANA.userName });
      assert.equal(failed.errorMessage, 'The user name or password is incorrect.');
      for (const name of ['CredentialVerification:PASSWORD:ok', 'CredentialChallenge:TOTP:ok', 'CredentialVerification:TOTP:Failure', 'CredentialVerification:TOTP:ok', 'UserAuthentication:ok']) {
        assert.deepEqual(e.get(name)!.userIdentity, dana, name);
      }
      assert.match(e.get('CredentialVerification:TOTP:Failure')!.errorMessage!, /code is not valid/);
      assert.deepEqual(e.get('UserAuthentication:ok')!.additionalEventData, { MFAUsed: 'Yes' });
      for (const event of events) {
        assert.equal(event.eventSource, 'signin.amazonaws.com');
        assert.equal(event.awsRegion, TEST_REGION);
        assert.equal(event.sourceIPAddress, '127.0.0.1');
        assert.equal(typeof event.userAgent, 'string');
        assert.equal(event.readOnly, false);
      }
      assertNoSecrets(events, [DANA.password, WRONG]);
      assert.doesNotMatch(JSON.stringify(events), new RegExp(`"(code|password)"|:"(${bad}|${good})"`));
    });

    test('a locked user: each try is a failure saying so, the right password included; an unknown name is recorded as typed', async () => {
      const password = 'pebble-orchard-violin-3318';
      await newUser('lee', password);
      const b = new Browser(server.endpoint);
      let page = await toPassword(b, 'lee');
      // Failures from the fifth impose a wait; a try within it is refused unchecked: locked.
      for (let n = 0; n < 12 && !/locked/.test(page.text); n++) page = await b.submit(page, '/signin', { password: `${WRONG}-${n}` });
      assert.match(page.text, /this user is locked for now/);
      page = await b.submit(page, '/signin', { password });
      assert.match(page.text, /this user is locked for now/);
      const events = await auditEvents(services, { userName: 'lee' });
      assert.ok(events.length >= 6);
      for (const e of events) {
        assert.equal(e.eventName, 'CredentialVerification');
        assert.equal(e.errorCode, 'Failure');
        assert.deepEqual(e.userIdentity, { type: 'IdentityCenterUser', userName: 'lee' });
      }
      // The last wrong try and the right password: both refused as locked, after every other try.
      const locked = events.filter((e) => /locked/.test(e.errorMessage!));
      assert.equal(locked.length, 2);
      for (const e of locked) assert.match(e.errorMessage!, /^Too many failed sign-in attempts: this user is locked for now\. Try again in \d+ (seconds|minutes)\.$/);
      const others = events.filter((e) => !locked.includes(e));
      assert.ok(others.every((e) => e.errorMessage === 'The user name or password is incorrect.' && e.eventTime <= Math.min(...locked.map((l) => l.eventTime))));
      assertNoSecrets(events, [password, WRONG]);

      const stranger = new Browser(server.endpoint);
      await stranger.submit(await toPassword(stranger, 'No-Such-Person'), '/signin', { password: WRONG });
      const [unknown] = await auditEvents(services, { userName: 'No-Such-Person' });
      assert.deepEqual(unknown!.userIdentity, { type: 'IdentityCenterUser', userName: 'No-Such-Person' });
      assert.equal(unknown!.errorMessage, 'The user name or password is incorrect.');
    });

    test('MFA required and no device yet: the device registered during sign-in is recorded, then the sign-in', async () => {
      const password = 'marble-cobalt-juniper-6604';
      const ivyId = await newUser('ivy', password);
      await services.directory.updateSettings({ mfaMode: 'required' });
      try {
        const b = new Browser(server.endpoint);
        const who: Credentials = { userName: 'ivy', password };
        assert.match((await signIn(b, await b.go('/start'), who)).url, /\/start$/);
        assert.ok(who.totpSecret, 'the sign-in registered an authenticator app');
        const events = await auditEvents(services, { userName: 'ivy' });
        const e = assertInOrder(events, sign, ['CredentialVerification:PASSWORD:ok', 'RegisterMfaDevice:TOTP:ok', 'UserAuthentication:ok']);
        assert.deepEqual(e.get('RegisterMfaDevice:TOTP:ok')!.additionalEventData, { CredentialType: 'TOTP', Context: 'SignIn' });
        assert.deepEqual(e.get('UserAuthentication:ok')!.userIdentity, { type: 'IdentityCenterUser', userName: 'ivy', principalId: ivyId });
        assertNoSecrets(events, [password, who.totpSecret!]);
      } finally {
        await services.directory.updateSettings({ mfaMode: 'optional' });
      }
    });

    test('a one-time password, the forced change, Settings (password, an authenticator app added and removed) and sign-out', async () => {
      const maxId = await newUser('max');
      const oneTime = await services.directory.issueOneTimePassword(maxId);
      const b = new Browser(server.endpoint);
      let page = await b.submit(await toPassword(b, 'max'), '/signin', { password: oneTime });
      page = await b.submit(page, '/signin', { current: oneTime, new: 'short', confirm: 'short' });
      assert.equal(page.status, 401);
      page = await b.submit(page, '/signin', { current: oneTime, new: NEW_PASSWORD, confirm: NEW_PASSWORD });
      assert.match(page.url, /\/start$/);

      page = await b.go('/start/settings');
      const refused = await b.submit(page, '/start/settings/password', { current: WRONG, new: SETTINGS_PASSWORD, confirm: SETTINGS_PASSWORD });
      assert.notEqual(refused.status, 200);
      page = await b.submit(await b.go('/start/settings'), '/start/settings/password', { current: NEW_PASSWORD, new: SETTINGS_PASSWORD, confirm: SETTINGS_PASSWORD });
      assert.match(page.url, /done=password$/);

      page = await b.go('/start/settings/authenticator-app');
      const appSecret = /Secret key: <code>([A-Z2-7]+)<\/code>/.exec(page.text)![1]!;
      page = await b.submit(page, '/start/settings/authenticator-app', { code: totpCode(appSecret, totpStep(Date.now())), name: 'Tablet' });
      assert.match(page.url, /done=added$/);
      const [device] = await services.directory.listMfaDevices(maxId);
      page = await b.submit(page, '/start/settings/devices/remove');
      assert.match(page.url, /done=removed$/);
      await b.submit(await b.go('/start'), '/signout');

      const events = await auditEvents(services, { userName: 'max' });
      const detail = (e: AuditEvent) => [e.eventName, e.additionalEventData?.CredentialType ?? e.additionalEventData?.Context, e.errorCode ?? 'ok'].join(':');
      const e = assertInOrder(events, detail, [
        'CredentialVerification:PASSWORD:ok',
        'UpdatePassword:SignIn:Failure',
        'UpdatePassword:SignIn:ok',
        'UserAuthentication::ok',
        'UpdatePassword:Settings:Unauthenticated',
        'UpdatePassword:Settings:ok',
        'RegisterMfaDevice:TOTP:ok',
        'DeleteMfaDevice:TOTP:ok',
        'Logout::ok',
      ]);
      const max = { type: 'IdentityCenterUser', userName: 'max', principalId: maxId };
      for (const event of events) assert.deepEqual(event.userIdentity, max, event.eventName);
      assert.deepEqual(e.get('UserAuthentication::ok')!.additionalEventData, { MFAUsed: 'No' });
      assert.deepEqual(e.get('UpdatePassword:Settings:ok')!.additionalEventData, { Context: 'Settings', OtherSessionsEnded: 0 });
      assert.deepEqual(e.get('RegisterMfaDevice:TOTP:ok')!.additionalEventData, { CredentialType: 'TOTP', Context: 'Settings', MfaDeviceId: device!.deviceId });
      assert.deepEqual(e.get('DeleteMfaDevice:TOTP:ok')!.additionalEventData, { Context: 'Settings', MfaDeviceId: device!.deviceId, CredentialType: 'TOTP' });
      assert.equal(e.get('Logout::ok')!.eventSource, 'signin.amazonaws.com');
      assertNoSecrets(events, [oneTime, NEW_PASSWORD, SETTINGS_PASSWORD, WRONG, appSecret]);
    });
  });
}
