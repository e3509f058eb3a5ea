// The sealed session token and SigV4's resolver for `ASIA…` credentials: a round trip, any
// altered byte refused, a token bound to its key id, expiry, and key rotation.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { KeyRing } from '../../../src/lib/key-ring.js';
import { ManualClock } from '../../../src/lib/clock.js';
import { cryptoRandom } from '../../../src/lib/random.js';
import { issueSession, type SessionDraft } from '../../../src/domain/sts/issue-session.js';
import { openSession, sealSession, SESSION_TOKEN_CONTEXT } from '../../../src/domain/sts/session-token.js';
import { resolveTemporaryCredentials } from '../../../src/domain/sts/resolve-temporary-credentials.js';
import { sessionOf } from '../../../src/domain/sts/session-of-principal.js';
import { isError } from './harness.js';

const T0 = Date.UTC(2026, 0, 1);
const key = () => ({ id: `k${randomBytes(3).toString('hex')}`, key: randomBytes(32) });

const draft: SessionDraft = {
  accountId: '111122223333',
  roleName: 'Deploy',
  roleId: 'AROAABCDEFGHIJKLMNOPQ',
  roleArn: 'arn:aws:iam::111122223333:role/ci/Deploy',
  sessionName: 'build-42',
  assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/Deploy/build-42',
  caller: { arn: 'arn:aws:iam::444455556666:user/alice', accountId: '444455556666', userId: 'AIDAABCDEFGHIJKLMNOPQ' },
  tags: [{ key: 'Project', value: 'Gatehouse' }],
  transitiveTagKeys: ['Project'],
  sourceIdentity: 'alice',
  policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
  policyArns: [],
  issuedAt: T0,
  expiresAt: T0 + 3600_000,
};

describe('sts: session tokens', () => {
  const keyRing = new KeyRing([key()]);
  const clock = new ManualClock(T0);
  const deps = { keyRing, clock };

  test('credentials: an ASIA key id, a 40-character secret, a token that opens to the session', () => {
    const { session, sessionToken } = issueSession({ random: cryptoRandom, keyRing }, draft);
    assert.match(session.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
    assert.equal(session.secretAccessKey.length, 40);
    assert.deepEqual(openSession(keyRing, sessionToken), session);
  });

  test('the resolver answers the assumed-role principal and the secret, and keeps the session alongside', async () => {
    const { session, sessionToken } = issueSession({ random: cryptoRandom, keyRing }, draft);
    const resolved = await resolveTemporaryCredentials(deps, session.accessKeyId, sessionToken);
    assert.ok(resolved);
    assert.equal(resolved.secretAccessKey, session.secretAccessKey);
    assert.deepEqual(resolved.principal, {
      kind: 'assumed-role',
      arn: 'arn:aws:sts::111122223333:assumed-role/Deploy/build-42',
      accountId: '111122223333',
      userId: 'AROAABCDEFGHIJKLMNOPQ:build-42',
      accessKeyId: session.accessKeyId,
      name: 'Deploy',
    });
    assert.deepEqual(sessionOf(resolved.principal), session);
  });

  test('changing any one character of the token is refused', async () => {
    const { session, sessionToken } = issueSession({ random: cryptoRandom, keyRing }, draft);
    for (let i = 0; i < sessionToken.length; i++) {
      const c = sessionToken[i]!;
      const altered = sessionToken.slice(0, i) + (c === 'A' ? 'B' : 'A') + sessionToken.slice(i + 1);
      assert.equal(await resolveTemporaryCredentials(deps, session.accessKeyId, altered), undefined, `position ${i}`);
    }
  });

  test('truncated, extended, empty and missing tokens are refused', async () => {
    const { session, sessionToken } = issueSession({ random: cryptoRandom, keyRing }, draft);
    for (const token of [sessionToken.slice(0, -1), `${sessionToken}A`, '', undefined, 'gh1.k1.AAAA', 'not-a-token']) {
      assert.equal(await resolveTemporaryCredentials(deps, session.accessKeyId, token), undefined, String(token));
    }
  });

  test('a token is bound to its access key id', async () => {
    const a = issueSession({ random: cryptoRandom, keyRing }, draft);
    const b = issueSession({ random: cryptoRandom, keyRing }, draft);
    assert.equal(await resolveTemporaryCredentials(deps, b.session.accessKeyId, a.sessionToken), undefined);
  });

  test('a value sealed for another purpose, or by another ring, is not a session token', async () => {
    const { session } = issueSession({ random: cryptoRandom, keyRing }, draft);
    const otherContext = keyRing.seal(JSON.stringify({ v: 1, ...session }), 'iam-access-key');
    assert.equal(await resolveTemporaryCredentials(deps, session.accessKeyId, otherContext), undefined);
    const foreign = sealSession(new KeyRing([key()]), session);
    assert.equal(await resolveTemporaryCredentials(deps, session.accessKeyId, foreign), undefined);
    // Sealed by us under the right context, but not a session: refused as well.
    const junk = keyRing.seal(JSON.stringify({ v: 1, kind: 'something-else' }), SESSION_TOKEN_CONTEXT);
    assert.equal(await resolveTemporaryCredentials(deps, session.accessKeyId, junk), undefined);
  });

  test('expired: refused from the expiry instant on, with the ExpiredToken reason', async () => {
    const { session, sessionToken } = issueSession({ random: cryptoRandom, keyRing }, draft);
    const at = new ManualClock(draft.expiresAt - 1);
    assert.ok(await resolveTemporaryCredentials({ keyRing, clock: at }, session.accessKeyId, sessionToken));
    at.advance(1);
    await assert.rejects(
      resolveTemporaryCredentials({ keyRing, clock: at }, session.accessKeyId, sessionToken),
      isError('Unauthenticated', { reason: 'ExpiredToken' }),
    );
  });

  test('tokens survive a key rotation: the new key seals, the old one still opens', async () => {
    const old = key();
    const before = issueSession({ random: cryptoRandom, keyRing: new KeyRing([old]) }, draft);
    const rotated = new KeyRing([key(), old]);
    assert.ok(await resolveTemporaryCredentials({ keyRing: rotated, clock }, before.session.accessKeyId, before.sessionToken));
    const retired = new KeyRing([key()]);
    assert.equal(await resolveTemporaryCredentials({ keyRing: retired, clock }, before.session.accessKeyId, before.sessionToken), undefined);
  });
});
