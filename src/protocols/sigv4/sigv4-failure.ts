// Why a request's signature was refused. Each reason is stable; each protocol maps it to the
// exception name its clients expect (errors/auth-exceptions.ts).

export type SigV4Reason =
  /** No Authorization header and no presigned query parameters. */
  | 'missing-authentication'
  /** Malformed or partial signature information. */
  | 'incomplete-signature'
  /** The signature, scope, or payload hash does not match, or the time is outside the window. */
  | 'signature-mismatch'
  /** A presigned URL used after X-Amz-Date + X-Amz-Expires. */
  | 'request-expired'
  /** The access key id is not known. */
  | 'unknown-access-key'
  /** A session token is required but missing or invalid. */
  | 'invalid-token'
  /** The session token has expired. */
  | 'expired-token';

export class SigV4Failure extends Error {
  constructor(
    readonly reason: SigV4Reason,
    message: string,
  ) {
    super(message);
    this.name = 'SigV4Failure';
  }
}

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
