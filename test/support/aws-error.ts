// For assert.rejects: the SDK error must carry this exception name and HTTP status.

import assert from 'node:assert/strict';

export const awsError =
  (name: string, status?: number) =>
  (e: unknown): true => {
    const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
    assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${String(e)}`);
    if (status !== undefined) assert.equal(err.$metadata?.httpStatusCode, status);
    return true;
  };
