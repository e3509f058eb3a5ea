// Permission sets on both back ends: the CRUD operations, their rules and quotas, tags,
// pagination, and the instance's attributes for access control.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { openSsoHarness, isError, type SsoHarness } from '../provisioning/harness.js';

for (const backend of BACKENDS) {
  describe(`permission sets (${backend.name})`, () => {
    let h: SsoHarness;
    before(async () => (h = await openSsoHarness(backend)));
    after(() => h.dispose());

    test('create, describe, update, list and delete', async () => {
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Crud', description: 'first' });
      assert.match(ps.permissionSetArn, new RegExp(`^arn:aws:sso:::permissionSet/${h.i.split('/')[1]}/ps-[0-9a-f]{16}$`));
      assert.equal(ps.sessionDuration, 'PT1H');
      assert.equal(ps.createdAt, h.clock.now());
      assert.equal(ps.revision, 1);
      assert.match(ps.roleSuffix, /^[0-9a-f]{16}$/);
      await h.sso.updatePermissionSet(h.i, ps.permissionSetArn, { description: 'second', sessionDuration: 'PT8H', relayState: 'https://console.aws.amazon.com/' });
      const d = await h.sso.describePermissionSet(h.i, ps.permissionSetArn);
      assert.deepEqual([d.description, d.sessionDuration, d.relayState, d.revision], ['second', 'PT8H', 'https://console.aws.amazon.com/', 2]);
      // Session settings are read at sign-in: they leave the role (and the revision) alone.
      await h.sso.updatePermissionSet(h.i, ps.permissionSetArn, { sessionDuration: 'PT2H' });
      assert.equal((await h.sso.describePermissionSet(h.i, ps.permissionSetArn)).revision, 2);
      assert.ok((await h.sso.listPermissionSets(h.i)).items.includes(ps.permissionSetArn));
      await h.sso.deletePermissionSet(h.i, ps.permissionSetArn);
      await assert.rejects(h.sso.describePermissionSet(h.i, ps.permissionSetArn), isError('NotFound', 'PermissionSet'));
    });

    test('names, descriptions, durations and relay states follow the model', async () => {
      await assert.rejects(h.sso.createPermissionSet(h.i, { name: 'has space' }), isError('Validation'));
      await assert.rejects(h.sso.createPermissionSet(h.i, { name: 'x'.repeat(33) }), isError('Validation'));
      await assert.rejects(h.sso.createPermissionSet(h.i, { name: 'Dur', sessionDuration: 'PT30M' }), isError('Validation'));
      await assert.rejects(h.sso.createPermissionSet(h.i, { name: 'Dur', sessionDuration: 'PT13H' }), isError('Validation'));
      await assert.rejects(h.sso.createPermissionSet(h.i, { name: 'Dur', sessionDuration: 'soon' }), isError('Validation'));
      await assert.rejects(h.sso.createPermissionSet(h.i, { name: 'Desc', description: 'd'.repeat(701) }), isError('Validation'));
      await assert.rejects(h.sso.createPermissionSet(h.i, { name: 'Relay', relayState: 'r'.repeat(241) }), isError('Validation'));
      const ok = await h.sso.createPermissionSet(h.i, { name: 'x'.repeat(32), sessionDuration: 'PT12H' });
      assert.equal(ok.sessionDuration, 'PT12H');
      await h.sso.createPermissionSet(h.i, { name: 'Unique' });
      await assert.rejects(h.sso.createPermissionSet(h.i, { name: 'Unique' }), isError('Conflict', 'PermissionSet'));
    });

    test('another instance, or a permission set of none, does not exist', async () => {
      const other = 'arn:aws:sso:::instance/ssoins-0000000000000000';
      await assert.rejects(h.sso.createPermissionSet(other, { name: 'Nope' }), isError('NotFound', 'Instance'));
      await assert.rejects(h.sso.describePermissionSet(h.i, `${h.i.replace('instance', 'permissionSet')}/ps-0000000000000000`), isError('NotFound', 'PermissionSet'));
      await assert.rejects(h.sso.describePermissionSet(h.i, 'arn:aws:sso:::permissionSet/ssoins-0000000000000000/ps-0000000000000000'), isError('NotFound'));
    });

    test('AWS managed policies: from the catalog, once each, in order, revision bumped', async () => {
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Managed' });
      const a = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
      const b = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
      await h.sso.attachManagedPolicy(h.i, ps.permissionSetArn, a);
      await h.sso.attachManagedPolicy(h.i, ps.permissionSetArn, b);
      await assert.rejects(h.sso.attachManagedPolicy(h.i, ps.permissionSetArn, a), isError('Conflict'));
      await assert.rejects(h.sso.attachManagedPolicy(h.i, ps.permissionSetArn, 'arn:aws:iam::aws:policy/NoSuchPolicy'), isError('Validation'));
      await assert.rejects(h.sso.attachManagedPolicy(h.i, ps.permissionSetArn, 'arn:aws:iam::aws:policy/aws-service-role/AWSSSOServiceRolePolicy'), isError('Validation'));
      const list = await h.sso.listManagedPolicies(h.i, ps.permissionSetArn);
      assert.deepEqual(list.items, [{ arn: a, name: 'ReadOnlyAccess' }, { arn: b, name: 'AmazonS3ReadOnlyAccess' }]);
      const page1 = await h.sso.listManagedPolicies(h.i, ps.permissionSetArn, { maxResults: 1 });
      assert.deepEqual(page1.items.map((p) => p.arn), [a]);
      const page2 = await h.sso.listManagedPolicies(h.i, ps.permissionSetArn, { maxResults: 1, nextToken: page1.nextToken! });
      assert.deepEqual([page2.items.map((p) => p.arn), page2.nextToken], [[b], undefined]);
      await h.sso.detachManagedPolicy(h.i, ps.permissionSetArn, a);
      await assert.rejects(h.sso.detachManagedPolicy(h.i, ps.permissionSetArn, a), isError('NotFound'));
      assert.equal((await h.sso.describePermissionSet(h.i, ps.permissionSetArn)).revision, 4);
    });

    test('customer managed references default their path; with AWS managed ones, at most 20', async () => {
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Customer' });
      await h.sso.attachCustomerManagedPolicy(h.i, ps.permissionSetArn, { name: 'TeamPolicy' });
      await h.sso.attachCustomerManagedPolicy(h.i, ps.permissionSetArn, { name: 'TeamPolicy', path: '/team/' });
      await assert.rejects(h.sso.attachCustomerManagedPolicy(h.i, ps.permissionSetArn, { name: 'TeamPolicy', path: '/' }), isError('Conflict'));
      await assert.rejects(h.sso.attachCustomerManagedPolicy(h.i, ps.permissionSetArn, { name: 'Bad', path: 'nope' }), isError('Validation'));
      assert.deepEqual((await h.sso.listCustomerManagedPolicies(h.i, ps.permissionSetArn)).items, [
        { name: 'TeamPolicy', path: '/' }, { name: 'TeamPolicy', path: '/team/' },
      ]);
      for (let n = 0; n < 17; n++) await h.sso.attachCustomerManagedPolicy(h.i, ps.permissionSetArn, { name: `P${n}` });
      await h.sso.attachManagedPolicy(h.i, ps.permissionSetArn, 'arn:aws:iam::aws:policy/ReadOnlyAccess');
      await assert.rejects(h.sso.attachCustomerManagedPolicy(h.i, ps.permissionSetArn, { name: 'OneTooMany' }), isError('LimitExceeded'));
      await assert.rejects(h.sso.attachManagedPolicy(h.i, ps.permissionSetArn, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'), isError('LimitExceeded'));
      await h.sso.detachCustomerManagedPolicy(h.i, ps.permissionSetArn, { name: 'TeamPolicy', path: '/team/' });
      await assert.rejects(h.sso.detachCustomerManagedPolicy(h.i, ps.permissionSetArn, { name: 'TeamPolicy', path: '/team/' }), isError('NotFound'));
    });

    test('the inline policy: checked by the policy engine and the size quotas', async () => {
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Inline' });
      assert.equal(await h.sso.getInlinePolicy(h.i, ps.permissionSetArn), '');
      const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] });
      await h.sso.putInlinePolicy(h.i, ps.permissionSetArn, document);
      assert.equal(await h.sso.getInlinePolicy(h.i, ps.permissionSetArn), document);
      const bad = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }, { Effect: 'Maybe', Action: '*', Resource: '*' }] });
      await assert.rejects(h.sso.putInlinePolicy(h.i, ps.permissionSetArn, bad), isError('Validation', undefined, /Statement\[1\]\.Effect/));
      await assert.rejects(h.sso.putInlinePolicy(h.i, ps.permissionSetArn, '{"Statement": ['), isError('Validation', undefined, /JSON/));
      const statement = (n: number) => ({ Sid: `S${n}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${'x'.repeat(40)}-${n}/*` });
      const large = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 120 }, (_, n) => statement(n)) });
      await assert.rejects(h.sso.putInlinePolicy(h.i, ps.permissionSetArn, large), isError('LimitExceeded', undefined, /characters other than white space/));
      // White space counts toward the 32,768 bytes but not toward the 10,240 characters.
      const airy = JSON.stringify(JSON.parse(document), null, 200);
      await h.sso.putInlinePolicy(h.i, ps.permissionSetArn, airy);
      await assert.rejects(h.sso.putInlinePolicy(h.i, ps.permissionSetArn, document + ' '.repeat(32768)), isError('LimitExceeded', undefined, /bytes/));
      await h.sso.deleteInlinePolicy(h.i, ps.permissionSetArn);
      assert.equal(await h.sso.getInlinePolicy(h.i, ps.permissionSetArn), '');
      const revision = (await h.sso.describePermissionSet(h.i, ps.permissionSetArn)).revision;
      await h.sso.deleteInlinePolicy(h.i, ps.permissionSetArn);
      assert.equal((await h.sso.describePermissionSet(h.i, ps.permissionSetArn)).revision, revision);
    });

    test('the permissions boundary: an AWS managed policy or a customer managed reference', async () => {
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Boundary' });
      await assert.rejects(h.sso.getPermissionsBoundary(h.i, ps.permissionSetArn), isError('NotFound'));
      await h.sso.putPermissionsBoundary(h.i, ps.permissionSetArn, { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' });
      assert.deepEqual(await h.sso.getPermissionsBoundary(h.i, ps.permissionSetArn), { kind: 'managed', managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' });
      await h.sso.putPermissionsBoundary(h.i, ps.permissionSetArn, { customerManagedPolicyReference: { name: 'Cap' } });
      assert.deepEqual(await h.sso.getPermissionsBoundary(h.i, ps.permissionSetArn), { kind: 'customer-managed', reference: { name: 'Cap', path: '/' } });
      await assert.rejects(h.sso.putPermissionsBoundary(h.i, ps.permissionSetArn, {}), isError('Validation'));
      await assert.rejects(h.sso.putPermissionsBoundary(h.i, ps.permissionSetArn, {
        managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess', customerManagedPolicyReference: { name: 'Cap' },
      }), isError('Validation'));
      await h.sso.deletePermissionsBoundary(h.i, ps.permissionSetArn);
      await assert.rejects(h.sso.deletePermissionsBoundary(h.i, ps.permissionSetArn), isError('NotFound'));
    });

    test('tags: at most 50, aws: reserved, paged, and not part of the revision', async () => {
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Tagged', tags: [{ key: 'team', value: 'blue' }] });
      await h.sso.tagResource(undefined, ps.permissionSetArn, [{ key: 'team', value: 'red' }, { key: 'cost', value: '42' }]);
      assert.deepEqual((await h.sso.listTagsForResource(h.i, ps.permissionSetArn)).items, [{ key: 'cost', value: '42' }, { key: 'team', value: 'red' }]);
      await h.sso.untagResource(h.i, ps.permissionSetArn, ['cost']);
      assert.deepEqual((await h.sso.listTagsForResource(h.i, ps.permissionSetArn)).items, [{ key: 'team', value: 'red' }]);
      await assert.rejects(h.sso.tagResource(h.i, ps.permissionSetArn, [{ key: 'aws:owner', value: 'x' }]), isError('Validation'));
      const many = Array.from({ length: 50 }, (_, n) => ({ key: `k${n}`, value: 'v' }));
      await assert.rejects(h.sso.tagResource(h.i, ps.permissionSetArn, many), isError('LimitExceeded'));
      assert.equal((await h.sso.describePermissionSet(h.i, ps.permissionSetArn)).revision, 1);
    });

    test('ListPermissionSets pages with an opaque token, omitted on the last page', async () => {
      const all = (await h.sso.listPermissionSets(h.i)).items;
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await h.sso.listPermissionSets(h.i, { maxResults: 2, ...(token ? { nextToken: token } : {}) });
        assert.ok(page.items.length <= 2);
        seen.push(...page.items);
        token = page.nextToken;
        if (token) assert.match(token, /^[-a-zA-Z0-9+=/_]*$/);
      } while (token);
      assert.deepEqual(seen, all);
      await assert.rejects(h.sso.listPermissionSets(h.i, { maxResults: 101 }), isError('Validation'));
      await assert.rejects(h.sso.listPermissionSets(h.i, { nextToken: 'forged' }), isError('Validation'));
    });

    test('attributes for access control: one configuration per instance', async () => {
      await assert.rejects(h.sso.describeAccessControlAttributes(h.i), isError('NotFound'));
      await h.sso.createAccessControlAttributes(h.i, [{ key: 'Department', source: ['${path:enterprise.department}'] }]);
      await assert.rejects(h.sso.createAccessControlAttributes(h.i, []), isError('Conflict'));
      await assert.rejects(h.sso.updateAccessControlAttributes(h.i, [{ key: 'A', source: ['x'] }, { key: 'A', source: ['y'] }]), isError('Validation'));
      await h.sso.updateAccessControlAttributes(h.i, [{ key: 'CostCenter', source: ['${path:enterprise.costCenter}'] }]);
      const config = await h.sso.describeAccessControlAttributes(h.i);
      assert.deepEqual([config.status, config.attributes], ['ENABLED', [{ key: 'CostCenter', source: ['${path:enterprise.costCenter}'] }]]);
      await h.sso.deleteAccessControlAttributes(h.i);
      await assert.rejects(h.sso.deleteAccessControlAttributes(h.i), isError('NotFound'));
    });
  });
}
