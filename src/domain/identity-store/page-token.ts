// NextToken: an opaque keyset cursor (the last key of the page) bound to the listing it came
// from. Encoded as standard base64, because the model's NextToken pattern `[-a-zA-Z0-9+=/:]*`
// admits `+`, `/` and `=` but not base64url's `_`.

import { invalid } from './errors.js';

export interface Cursor {
  /** What is being listed, with its filter: a token only continues the listing it came from. */
  readonly scope: string;
  /** The last key of the previous page. */
  readonly after: string;
}

export const encodePageToken = (c: Cursor): string =>
  Buffer.from(JSON.stringify({ v: 1, s: c.scope, a: c.after }), 'utf8').toString('base64');

const invalidToken = () => invalid('NextToken', 'The NextToken is invalid or has expired.');

/** The key to continue after; a token of another listing (or not ours) is a ValidationException. */
export const decodePageToken = (token: string, scope: string): string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    throw invalidToken();
  }
  const t = parsed as { v?: unknown; s?: unknown; a?: unknown } | null;
  if (!t || t.v !== 1 || t.s !== scope || typeof t.a !== 'string' || t.a.length === 0) throw invalidToken();
  return t.a;
};
