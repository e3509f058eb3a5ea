// The parts of an HTTP request SigV4 covers, as they arrived on the wire.

export interface SignableRequest {
  readonly method: string;
  /** The path as received (still percent-encoded), without the query string. */
  readonly path: string;
  /** The raw query string, without the leading `?`. */
  readonly query: string;
  /** Header pairs as received; names in any case, repeated names allowed. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
}

/** Splits a raw request target (`/path?query`) into path and query. */
export const splitTarget = (url: string): { path: string; query: string } => {
  const q = url.indexOf('?');
  return q < 0 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
};

/** Node's rawHeaders ([name, value, name, value, ...]) as pairs. */
export const headerPairs = (raw: readonly string[]): Array<readonly [string, string]> => {
  const out: Array<readonly [string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
};

/** The first value of a header, by case-insensitive name. */
export const headerValue = (req: SignableRequest, name: string): string | undefined => {
  for (const [k, v] of req.headers) if (k.length === name.length && k.toLowerCase() === name) return v;
  return undefined;
};
