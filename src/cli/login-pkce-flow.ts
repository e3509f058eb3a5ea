// The authorization code grant with PKCE (RFC 7636), as `aws sso login` does it: listen on a
// loopback port, send the browser to `{origin}/authorize`, take the code the redirect brings
// back, and redeem it with the verifier only this process knows.

import { createHash, randomBytes } from 'node:crypto';
import { CreateTokenCommand, type CreateTokenCommandOutput, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { ACCOUNT_ACCESS_SCOPE, type ClientRegistration } from './sso-oidc-session.js';
import { listenForCallback } from './login-loopback-listener.js';
import { LoginFailed } from './login-failed.js';

export interface PkceFlowOptions {
  readonly origin: string;
  readonly print: (text: string) => void;
  /** Opens the sign-in page; undefined to only print it (`--no-browser`). */
  readonly open?: (url: string) => Promise<boolean>;
  readonly timeoutMs?: number;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** A 43-character verifier (32 random bytes) and its S256 challenge. */
export const pkcePair = (): { verifier: string; challenge: string } => {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
};

export const authorizeUrl = (origin: string, params: { clientId: string; redirectUri: string; state: string; challenge: string }): string => {
  const url = new URL('/authorize', origin);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    state: params.state,
    code_challenge_method: 'S256',
    code_challenge: params.challenge,
    // `scopes`, not OAuth's `scope`: the parameter name the AWS CLI sends.
    scopes: ACCOUNT_ACCESS_SCOPE,
  }).toString();
  return url.toString();
};

export const pkceFlowLogin = async (oidc: SSOOIDCClient, registration: ClientRegistration, options: PkceFlowOptions): Promise<CreateTokenCommandOutput> => {
  const state = base64url(randomBytes(16));
  const { verifier, challenge } = pkcePair();
  const listener = await listenForCallback(state, options.timeoutMs ?? 10 * 60 * 1000);
  try {
    const url = authorizeUrl(options.origin, { clientId: registration.clientId, redirectUri: listener.redirectUri, state, challenge });
    const opened = options.open ? await options.open(url) : false;
    options.print(
      opened
        ? `Signing in through your browser. If it did not open, open this page:\n\n  ${url}\n\n`
        : `To sign in, open this page in a browser on this machine:\n\n  ${url}\n\n`,
    );
    const answer = await listener.result;
    if (!answer.code) {
      const why = answer.error === 'access_denied' ? 'the sign-in request was denied in the browser' : `the sign-in failed: ${answer.error}${answer.errorDescription ? ` (${answer.errorDescription})` : ''}`;
      throw new LoginFailed(why);
    }
    return await oidc.send(
      new CreateTokenCommand({
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        grantType: 'authorization_code',
        code: answer.code,
        codeVerifier: verifier,
        redirectUri: listener.redirectUri,
      }),
    );
  } finally {
    listener.close();
  }
};
