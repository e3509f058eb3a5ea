// SigV4 refusal reasons as each protocol's clients expect them. awsJson (Coral) services answer
// `...Exception` names with 400 for signature problems (as real AWS does: Rekognition, Kinesis,
// DynamoDB, Cognito all report InvalidSignatureException / UnrecognizedClientException as 400);
// the query services (sts, iam) use the short codes with 403.

import type { SigV4Failure, SigV4Reason } from '../sigv4/sigv4-failure.js';
import type { WireError } from './wire-error.js';

type Protocol = 'json' | 'query';

const AUTH_NAMES: Readonly<Record<SigV4Reason, Readonly<Record<Protocol, readonly [string, number]>>>> = {
  'missing-authentication': { json: ['MissingAuthenticationTokenException', 403], query: ['MissingAuthenticationToken', 403] },
  'incomplete-signature': { json: ['IncompleteSignatureException', 400], query: ['IncompleteSignature', 400] },
  'signature-mismatch': { json: ['InvalidSignatureException', 400], query: ['SignatureDoesNotMatch', 403] },
  'request-expired': { json: ['InvalidSignatureException', 400], query: ['RequestExpired', 400] },
  'unknown-access-key': { json: ['UnrecognizedClientException', 400], query: ['InvalidClientTokenId', 403] },
  'invalid-token': { json: ['UnrecognizedClientException', 400], query: ['InvalidClientTokenId', 403] },
  'expired-token': { json: ['ExpiredTokenException', 400], query: ['ExpiredToken', 403] },
};

export const authWireError = (failure: SigV4Failure, protocol: Protocol): WireError => {
  const [name, status] = AUTH_NAMES[failure.reason][protocol];
  return { name, status, message: failure.message, fault: 'Sender' };
};
