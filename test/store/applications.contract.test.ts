// The storage contract of SAML applications, on every back end: round trips (times as
// numbers, JSON columns, optional columns cleared), names unique without regard to case on
// insert and update, assignments replaced per principal, found by principal, and deleted with
// their application.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { Application, ApplicationAssignment } from '../../src/domain/applications/application.js';

const T = 1_800_000_000_123;

const app = (id: string, name: string, more: Partial<Application> = {}): Application => ({
  applicationId: id,
  name,
  template: 'custom',
  acsUrl: 'https://sp.example.com/acs',
  audience: 'https://sp.example.com',
  nameIdFormat: 'persistent',
  nameIdSource: '${user:subject}',
  attributeMappings: [],
  sessionDuration: 'PT1H',
  requireSignedAuthnRequests: false,
  signResponse: true,
  createdAt: T,
  updatedAt: T,
  ...more,
});

const roles = [{ roleArn: 'arn:aws:iam::111122223333:role/Admin', providerArn: 'arn:aws:iam::111122223333:saml-provider/Gatehouse' }];

for (const backend of BACKENDS) {
  describe(`applications storage contract (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    before(async () => ({ store, dispose } = await backend.open()));
    after(() => dispose());

    const full = app('app-0000000000000001', 'Wiki', {
      description: 'The wiki',
      template: 'aws-account',
      attributeMappings: [{ name: 'email', value: '${user:email}' }, { name: 'groups', value: 'g-${user:groups}' }],
      relayState: 'https://console.aws.amazon.com/',
      requireSignedAuthnRequests: true,
      spCertificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      signResponse: false,
    });

    test('applications round-trip with every column; an update clears optional columns', async () => {
      await store.applications.insertApplication(full);
      assert.deepEqual(await store.applications.getApplication(full.applicationId), full);
      const plain = app(full.applicationId, 'Wiki 2', { updatedAt: T + 5 });
      assert.equal(await store.applications.updateApplication(plain), true);
      assert.deepEqual(await store.applications.getApplication(full.applicationId), plain);
      assert.equal(await store.applications.updateApplication(app('app-ffffffffffffffff', 'Nope')), false);
      assert.equal(await store.applications.getApplication('app-ffffffffffffffff'), undefined);
    });

    test('names are unique without regard to case, on insert and on update', async () => {
      await store.applications.insertApplication(app('app-0000000000000002', 'Payroll'));
      await assert.rejects(store.applications.insertApplication(app('app-0000000000000003', 'PAYROLL')), (e: any) => {
        assert.equal(e.code, 'Conflict');
        assert.equal(e.details.field, 'Name');
        return true;
      });
      await assert.rejects(store.applications.updateApplication(app('app-0000000000000001', 'payroll')), { code: 'Conflict' });
      assert.deepEqual((await store.applications.listApplications()).map((a) => a.name), ['Payroll', 'Wiki 2']);
    });

    test('assignments: put replaces the roles, listed by application and by principal, deleted once', async () => {
      const a: ApplicationAssignment = { applicationId: 'app-0000000000000002', principalType: 'USER', principalId: 'u-1', awsRoles: [], createdAt: T };
      await store.applications.putAssignment(a);
      await store.applications.putAssignment({ ...a, awsRoles: roles, createdAt: T + 9 });
      await store.applications.putAssignment({ ...a, principalType: 'GROUP', principalId: 'g-1' });
      await store.applications.putAssignment({ ...a, applicationId: 'app-0000000000000001', principalType: 'GROUP', principalId: 'g-2' });
      assert.deepEqual(await store.applications.listAssignments('app-0000000000000002'), [
        { ...a, principalType: 'GROUP', principalId: 'g-1' },
        { ...a, awsRoles: roles },
      ]);
      const held = await store.applications.listAssignmentsOfPrincipals(['u-1', 'g-2', 'g-unknown']);
      assert.deepEqual(held.map((h) => `${h.applicationId}/${h.principalId}`).sort(), ['app-0000000000000001/g-2', 'app-0000000000000002/u-1']);
      assert.deepEqual(await store.applications.listAssignmentsOfPrincipals([]), []);
      assert.equal(await store.applications.deleteAssignment('app-0000000000000002', 'GROUP', 'g-1'), true);
      assert.equal(await store.applications.deleteAssignment('app-0000000000000002', 'GROUP', 'g-1'), false);
      assert.equal(await store.applications.deleteAssignment('app-0000000000000002', 'USER', 'g-1'), false);
    });

    test('deleting an application deletes its assignments; assigning to a deleted one is NotFound', async () => {
      assert.equal(await store.applications.deleteApplication('app-0000000000000002'), true);
      assert.equal(await store.applications.deleteApplication('app-0000000000000002'), false);
      assert.deepEqual(await store.applications.listAssignments('app-0000000000000002'), []);
      assert.deepEqual((await store.applications.listAssignmentsOfPrincipals(['u-1'])).length, 0);
      await assert.rejects(
        store.applications.putAssignment({ applicationId: 'app-0000000000000002', principalType: 'USER', principalId: 'u-1', awsRoles: [], createdAt: T }),
        { code: 'NotFound' },
      );
    });

    test('a transaction that fails writes nothing', async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.applications.insertApplication(app('app-0000000000000009', 'Temp'));
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.applications.getApplication('app-0000000000000009'), undefined);
    });
  });
}
