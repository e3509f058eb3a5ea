// The query protocol's parameters: the URL query string, then the form-encoded body, as one
// flat map (first value wins, as a repeated name has no meaning in this protocol).

import { wireFailure } from '../errors/wire-failure.js';

/** Far above any real request (IAM's largest take a few dozen); decoding is linear in it per member. */
export const MAX_QUERY_PARAMS = 2000;

export const decodeForm = (query: string, body: Buffer, contentType: string | undefined): Map<string, string> => {
  const params = new Map<string, string>();
  const add = (text: string) => {
    for (const [k, v] of new URLSearchParams(text)) {
      if (!params.has(k)) params.set(k, v);
      if (params.size > MAX_QUERY_PARAMS) throw wireFailure('ValidationError', `Request has more than ${MAX_QUERY_PARAMS} parameters.`);
    }
  };
  add(query);
  if (body.length > 0 && (contentType === undefined || contentType.toLowerCase().startsWith('application/x-www-form-urlencoded'))) {
    add(body.toString('utf8'));
  }
  return params;
};
