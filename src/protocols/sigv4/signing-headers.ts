// The request headers SigV4 reads, found in one pass: parse-signature.ts needs five of them on
// every request, and five scans of every header cost more than the string work they feed.

import type { SignableRequest } from './signable-request.js';

/** The headers SigV4 reads, first value of each, found in one pass over the request's headers. */
export interface SigningHeaders {
  authorization: string | undefined;
  amzDate: string | undefined;
  date: string | undefined;
  securityToken: string | undefined;
  contentSha256: string | undefined;
}

const named = (k: string, name: string) => k === name || k.toLowerCase() === name;

export const signingHeaders = (req: SignableRequest): SigningHeaders => {
  const found: SigningHeaders = { authorization: undefined, amzDate: undefined, date: undefined, securityToken: undefined, contentSha256: undefined };
  const headers = req.headers;
  for (let i = 0; i < headers.length; i++) {
    const k = headers[i]![0];
    const v = headers[i]![1];
    // By length first: most names are none of these, and lower-casing each would cost more.
    switch (k.length) {
      case 13:
        if (found.authorization === undefined && named(k, 'authorization')) found.authorization = v;
        break;
      case 10:
        if (found.amzDate === undefined && named(k, 'x-amz-date')) found.amzDate = v;
        break;
      case 4:
        if (found.date === undefined && named(k, 'date')) found.date = v;
        break;
      case 20:
        if (found.securityToken === undefined && named(k, 'x-amz-security-token')) found.securityToken = v;
        else if (found.contentSha256 === undefined && named(k, 'x-amz-content-sha256')) found.contentSha256 = v;
        break;
    }
  }
  return found;
};
