// For assert.rejects: the SDK error must carry this exception name, HTTP status and members.

import assert from 'node:assert/strict';

export const awsError =
  (name: string, status = 400, members: Readonly<Record<string, unknown>> = {}) =>
  (e: unknown): true => {
    const err = e as Record<string, unknown> & { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
    assert.equal(err.$metadata?.httpStatusCode, status, `${name} status`);
    for (const [k, v] of Object.entries(members)) assert.equal(err[k], v, `${name}.${k}`);
    return true;
  };
