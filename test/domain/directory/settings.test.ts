// The sign-in settings: defaults, a new instance's initial MFA mode, validated updates.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDirectoryHarness, type DirectoryHarness } from './harness.js';

describe('directory settings', () => {
  let h: DirectoryHarness;
  before(async () => (h = await openDirectoryHarness()));
  after(() => h.dispose());

  test('default: MFA required, portal sessions of 8 hours', async () => {
    assert.deepEqual(await h.services.directory.getSettings(), { mfaMode: 'required', sessionDuration: 'PT8H' });
    assert.equal(await h.services.directory.mfaMode(), 'required');
  });

  test('a new instance takes its initial MFA mode once; later starts do not change it', async () => {
    assert.deepEqual(await h.services.directory.ensureSettings({ mfaMode: 'optional' }), { mfaMode: 'optional', sessionDuration: 'PT8H' });
    assert.deepEqual(await h.services.directory.ensureSettings({ mfaMode: 'off' }), { mfaMode: 'optional', sessionDuration: 'PT8H' });
  });

  test('updates are validated: MFA mode, and a session duration from PT15M to P90D', async () => {
    assert.deepEqual(await h.services.directory.updateSettings({ mfaMode: 'off' }), { mfaMode: 'off', sessionDuration: 'PT8H' });
    assert.deepEqual(await h.services.directory.updateSettings({ sessionDuration: 'PT15M' }), { mfaMode: 'off', sessionDuration: 'PT15M' });
    assert.deepEqual(await h.services.directory.updateSettings({ sessionDuration: 'P90D' }), { mfaMode: 'off', sessionDuration: 'P90D' });
    for (const bad of ['PT14M', 'P91D', '8h', 'P', 'PT']) {
      await assert.rejects(h.services.directory.updateSettings({ sessionDuration: bad }), { code: 'Validation' }, bad);
    }
    await assert.rejects(h.services.directory.updateSettings({ mfaMode: 'sometimes' as never }), { code: 'Validation' });
    assert.deepEqual(await h.services.directory.getSettings(), { mfaMode: 'off', sessionDuration: 'P90D' });
  });
});
