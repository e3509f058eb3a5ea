// AssumeRole's decision and output: trust policy as the resource policy, the identity policy
// needed across accounts (and in one account unless the trust policy names the caller),
// ExternalId, SCPs on the caller's account, durations, session tags and session policies.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import type { Principal } from '../../../src/domain/principal.js';
import { ADMINISTRATOR_ACCESS, FACTS, allow, isError, memberAccount, openStsHarness, trust, userPrincipal, type StsHarness } from './harness.js';

const denied = (caller: Principal, roleArn: string, action = 'sts:AssumeRole') =>
  isError('AccessDenied', {}, `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${roleArn}`);

for (const backend of BACKENDS) {
  describe(`sts: AssumeRole (${backend.name})`, () => {
    let h: StsHarness;
    let member: string;
    let other: string;
    let n = 0;
    /** A new role in `account` with `trustPolicy`; returns its ARN. */
    const role = async (account: string, trustPolicy: string, extra: { maxSessionDuration?: number; tags?: { key: string; value: string }[] } = {}) => {
      n += 1;
      return (await h.services.iam.createRole(account, { roleName: `R${n}`, assumeRolePolicyDocument: trustPolicy, ...extra })).arn;
    };
    const user = (account: string, policies: string[] = []) => userPrincipal(h.services, account, `u${++n}`, policies);

    before(async () => {
      h = await openStsHarness(backend);
      member = await memberAccount(h);
      other = await memberAccount(h);
    });
    after(() => h.dispose());

    test('the management administrator assumes OrganizationAccountAccessRole in a new account', async () => {
      const roleArn = `arn:aws:iam::${member}:role/OrganizationAccountAccessRole`;
      const out = await h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 'admin-session' }, FACTS);
      const role = await h.services.iam.getRole(member, 'OrganizationAccountAccessRole');
      assert.equal(out.assumedRoleUser.arn, `arn:aws:sts::${member}:assumed-role/OrganizationAccountAccessRole/admin-session`);
      assert.equal(out.assumedRoleUser.assumedRoleId, `${role.roleId}:admin-session`);
      assert.match(out.credentials.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
      assert.equal(out.credentials.expiration, h.clock.now() + 3600_000);
      assert.equal(out.packedPolicySize, undefined);
      assert.deepEqual(out.session.caller, { arn: h.admin.arn, accountId: h.management, userId: h.admin.userId });
      const resolved = await h.sts.resolveTemporaryCredentials(out.credentials.accessKeyId, out.credentials.sessionToken);
      assert.equal(resolved?.principal.arn, out.assumedRoleUser.arn);
      assert.equal(resolved?.principal.userId, out.assumedRoleUser.assumedRoleId);
    });

    test('across accounts the caller also needs an identity policy allowing sts:AssumeRole', async () => {
      const roleArn = `arn:aws:iam::${member}:role/OrganizationAccountAccessRole`;
      const bob = await user(h.management);
      await assert.rejects(h.sts.assumeRole(bob, { roleArn, roleSessionName: 's' }, FACTS), denied(bob, roleArn));
      const carol = await user(h.management);
      await h.services.iam.putUserPolicy(h.management, carol.name, 'assume', allow('sts:AssumeRole', roleArn));
      assert.ok(await h.sts.assumeRole(carol, { roleArn, roleSessionName: 's' }, FACTS));
      // An identity policy for another role does not do.
      const dave = await user(h.management);
      await h.services.iam.putUserPolicy(h.management, dave.name, 'assume', allow('sts:AssumeRole', `arn:aws:iam::${member}:role/Other`));
      await assert.rejects(h.sts.assumeRole(dave, { roleArn, roleSessionName: 's' }, FACTS), denied(dave, roleArn));
    });

    test('a trust policy naming another account refuses even an administrator', async () => {
      const roleArn = await role(member, trust({ AWS: `arn:aws:iam::${other}:root` }));
      await assert.rejects(h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's' }, FACTS), denied(h.admin, roleArn));
    });

    test('same account: a trust policy naming the user suffices; naming the account needs an identity policy', async () => {
      const erin = await user(member);
      const direct = await role(member, trust({ AWS: erin.arn }));
      assert.ok(await h.sts.assumeRole(erin, { roleArn: direct, roleSessionName: 's' }, FACTS));
      const viaAccount = await role(member, trust({ AWS: `arn:aws:iam::${member}:root` }));
      await assert.rejects(h.sts.assumeRole(erin, { roleArn: viaAccount, roleSessionName: 's' }, FACTS), denied(erin, viaAccount));
      await h.services.iam.putUserPolicy(member, erin.name, 'assume', allow('sts:AssumeRole'));
      assert.ok(await h.sts.assumeRole(erin, { roleArn: viaAccount, roleSessionName: 's' }, FACTS));
    });

    test('an explicit deny in the identity policy wins over a trust policy naming the user', async () => {
      const frank = await user(member);
      const roleArn = await role(member, trust({ AWS: frank.arn }));
      await h.services.iam.putUserPolicy(member, frank.name, 'deny', JSON.stringify({
        Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }],
      }));
      await assert.rejects(h.sts.assumeRole(frank, { roleArn, roleSessionName: 's' }, FACTS), denied(frank, roleArn));
    });

    test('ExternalId is checked against the trust policy condition', async () => {
      const roleArn = await role(member, trust({ AWS: `arn:aws:iam::${h.management}:root` }, { Condition: { StringEquals: { 'sts:ExternalId': 'Unique-42' } } }));
      await assert.rejects(h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's' }, FACTS), denied(h.admin, roleArn));
      await assert.rejects(h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's', externalId: 'Unique-43' }, FACTS), denied(h.admin, roleArn));
      assert.ok(await h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's', externalId: 'Unique-42' }, FACTS));
    });

    test("an SCP denying sts:AssumeRole in the caller's member account refuses", async () => {
      const gina = await user(member, [ADMINISTRATOR_ACCESS]);
      const roleArn = await role(other, trust({ AWS: `arn:aws:iam::${member}:root` }));
      assert.ok(await h.sts.assumeRole(gina, { roleArn, roleSessionName: 's' }, FACTS));
      const scp = await h.services.organizations.createPolicy({
        name: 'NoAssume', description: '', type: 'SERVICE_CONTROL_POLICY',
        content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] }),
      });
      await h.services.organizations.attachPolicy(scp.id, member);
      try {
        await assert.rejects(h.sts.assumeRole(gina, { roleArn, roleSessionName: 's' }, FACTS), denied(gina, roleArn));
        // The role's account is not the caller's: its SCPs do not decide this.
        assert.ok(await h.sts.assumeRole(h.admin, { roleArn: `arn:aws:iam::${member}:role/OrganizationAccountAccessRole`, roleSessionName: 's' }, FACTS));
      } finally {
        await h.services.organizations.detachPolicy(scp.id, member);
      }
    });

    test('an unknown role or account gets the same refusal as an untrusted one', async () => {
      for (const roleArn of [`arn:aws:iam::${member}:role/NoSuchRole`, 'arn:aws:iam::999999999999:role/Any']) {
        await assert.rejects(h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's' }, FACTS), denied(h.admin, roleArn));
      }
      await assert.rejects(h.sts.assumeRole(h.admin, { roleArn: 'arn:aws:iam::123456789012:user/bob', roleSessionName: 's' }, FACTS), isError('Validation', { field: 'RoleArn' }));
    });

    test('DurationSeconds: up to the role maximum, and one hour when chaining', async () => {
      const roleArn = await role(member, trust({ AWS: `arn:aws:iam::${h.management}:root` }), { maxSessionDuration: 7200 });
      const long = await h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's', durationSeconds: 7200 }, FACTS);
      assert.equal(long.credentials.expiration - h.clock.now(), 7200_000);
      await assert.rejects(
        h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's', durationSeconds: 7201 }, FACTS),
        isError('Validation', { field: 'DurationSeconds' }, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'),
      );
      const session = (await h.sts.resolveTemporaryCredentials(long.credentials.accessKeyId, long.credentials.sessionToken))!.principal;
      const next = await role(member, trust({ AWS: roleArn }));
      await assert.rejects(
        h.sts.assumeRole(session, { roleArn: next, roleSessionName: 'c', durationSeconds: 3601 }, FACTS),
        isError('Validation', { field: 'DurationSeconds' }, /1 hour session limit for roles assumed by role chaining/),
      );
      // The chained role has no identity policy in this account, but the trust policy names its role.
      const chained = await h.sts.assumeRole(session, { roleArn: next, roleSessionName: 'c', durationSeconds: 3600 }, FACTS);
      assert.equal(chained.session.caller.arn, long.assumedRoleUser.arn);
    });

    test("a session of a deleted role, or of a role replaced under the same name, cannot chain", async () => {
      const name = `Gone${++n}`;
      const trustAdmin = trust({ AWS: `arn:aws:iam::${h.management}:root` });
      const roleArn = (await h.services.iam.createRole(member, { roleName: name, assumeRolePolicyDocument: trustAdmin })).arn;
      const next = await role(member, trust({ AWS: roleArn }));
      const out = await h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's' }, FACTS);
      const session = (await h.sts.resolveTemporaryCredentials(out.credentials.accessKeyId, out.credentials.sessionToken))!.principal;
      assert.ok(await h.sts.assumeRole(session, { roleArn: next, roleSessionName: 'c' }, FACTS));
      await h.services.iam.deleteRole(member, name);
      await assert.rejects(h.sts.assumeRole(session, { roleArn: next, roleSessionName: 'c' }, FACTS), denied(session, next));
      await h.services.iam.createRole(member, { roleName: name, assumeRolePolicyDocument: trustAdmin });
      await assert.rejects(h.sts.assumeRole(session, { roleArn: next, roleSessionName: 'c' }, FACTS), denied(session, next));
    });

    test('session tags need sts:TagSession; transitive tags pass down a chain and cannot be overridden', async () => {
      const plain = await role(member, trust({ AWS: `arn:aws:iam::${h.management}:root` }));
      const tags = [{ key: 'Project', value: 'Gatehouse' }, { key: 'Team', value: 'Identity' }];
      await assert.rejects(h.sts.assumeRole(h.admin, { roleArn: plain, roleSessionName: 's', tags }, FACTS), denied(h.admin, plain, 'sts:TagSession'));
      const tagging = await role(member, trust({ AWS: `arn:aws:iam::${h.management}:root` }, {}, ['sts:AssumeRole', 'sts:TagSession']), { maxSessionDuration: 3600 });
      const out = await h.sts.assumeRole(h.admin, { roleArn: tagging, roleSessionName: 's', tags, transitiveTagKeys: ['project'] }, FACTS);
      assert.deepEqual(out.session.tags, tags);
      assert.deepEqual(out.session.transitiveTagKeys, ['Project']);
      assert.ok(out.packedPolicySize! > 0 && out.packedPolicySize! <= 100);

      const session = (await h.sts.resolveTemporaryCredentials(out.credentials.accessKeyId, out.credentials.sessionToken))!.principal;
      // The next role requires the inherited tag in its trust policy.
      const next = await role(member, trust({ AWS: tagging }, { Condition: { StringEquals: { 'aws:PrincipalTag/Project': 'Gatehouse' } } }, ['sts:AssumeRole', 'sts:TagSession']));
      const chained = await h.sts.assumeRole(session, { roleArn: next, roleSessionName: 'c' }, FACTS);
      assert.deepEqual(chained.session.tags, [{ key: 'Project', value: 'Gatehouse' }]);
      assert.deepEqual(chained.session.transitiveTagKeys, ['Project']);
      await assert.rejects(
        h.sts.assumeRole(session, { roleArn: next, roleSessionName: 'c', tags: [{ key: 'project', value: 'Other' }] }, FACTS),
        isError('Validation', { field: 'Tags' }),
      );
    });

    test('tag rules: keys unique regardless of case, aws: reserved, transitive keys must be tags', async () => {
      const roleArn = await role(member, trust({ AWS: `arn:aws:iam::${h.management}:root` }, {}, ['sts:AssumeRole', 'sts:TagSession']));
      const call = (input: object) => h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's', ...input }, FACTS);
      await assert.rejects(call({ tags: [{ key: 'A', value: '1' }, { key: 'a', value: '2' }] }), isError('Validation', { field: 'Tags' }, /case insensitive/));
      await assert.rejects(call({ tags: [{ key: 'aws:x', value: '1' }] }), isError('Validation', { field: 'Tags' }));
      await assert.rejects(call({ tags: [{ key: 'A', value: '1' }], transitiveTagKeys: ['B'] }), isError('Validation', { field: 'TransitiveTagKeys' }));
    });

    test('SourceIdentity needs sts:SetSourceIdentity and cannot start with aws:', async () => {
      const plain = await role(member, trust({ AWS: `arn:aws:iam::${h.management}:root` }));
      await assert.rejects(h.sts.assumeRole(h.admin, { roleArn: plain, roleSessionName: 's', sourceIdentity: 'alice' }, FACTS), denied(h.admin, plain, 'sts:SetSourceIdentity'));
      const setting = await role(member, trust({ AWS: `arn:aws:iam::${h.management}:root` }, {}, ['sts:AssumeRole', 'sts:SetSourceIdentity']));
      const out = await h.sts.assumeRole(h.admin, { roleArn: setting, roleSessionName: 's', sourceIdentity: 'alice' }, FACTS);
      assert.equal(out.sourceIdentity, 'alice');
      await assert.rejects(h.sts.assumeRole(h.admin, { roleArn: setting, roleSessionName: 's', sourceIdentity: 'aws:me' }, FACTS), isError('Validation', { field: 'SourceIdentity' }));
    });

    test('session policies: a malformed one is MalformedPolicyDocument; managed ones must exist', async () => {
      const roleArn = await role(member, trust({ AWS: `arn:aws:iam::${h.management}:root` }));
      await assert.rejects(
        h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's', policy: '{"Statement": [' }, FACTS),
        isError('Validation', { resource: 'PolicyDocument' }),
      );
      await assert.rejects(
        h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's', policyArns: [`arn:aws:iam::${member}:policy/Missing`] }, FACTS),
        isError('Validation', { field: 'PolicyArns' }),
      );
      const out = await h.sts.assumeRole(h.admin, { roleArn, roleSessionName: 's', policy: allow('s3:GetObject'), policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }, FACTS);
      assert.ok(out.packedPolicySize !== undefined);
      const policies = await h.sts.sessionPolicies(out.session);
      assert.deepEqual(policies?.map((p) => p.id), [`session:${out.assumedRoleUser.arn}`, 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
    });
  });
}
