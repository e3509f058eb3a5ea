// awsJson output: what a handler returns, as the JSON AWS sends. Timestamps are epoch seconds
// (fractional for milliseconds), blobs base64, undefined members dropped.

const toJsonValue = (value: unknown): unknown => {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toJsonValue(v);
    }
    return out;
  }
  return value;
};

export const serializeJsonOutput = (output: Record<string, unknown>): string => JSON.stringify(toJsonValue(output));
