// The loopback redirect target of the authorization code flow (RFC 8252 §7.3): an HTTP server
// on 127.0.0.1 at a port the system picks, waiting for one `/oauth/callback` that carries our
// `state`. A request with another state is refused and the wait goes on, so a stray or forged
// request can neither end the sign-in nor inject a code.

import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CallbackResult {
  readonly code?: string;
  readonly error?: string;
  readonly errorDescription?: string;
}

export interface LoopbackListener {
  /** `http://127.0.0.1:PORT/oauth/callback` */
  readonly redirectUri: string;
  /** Settles on the first callback with the expected state, or rejects after the timeout. */
  readonly result: Promise<CallbackResult>;
  close(): void;
}

const CALLBACK_PATH = '/oauth/callback';

const page = (res: ServerResponse, status: number, title: string, text: string) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`);
};

export const listenForCallback = async (state: string, timeoutMs: number): Promise<LoopbackListener> => {
  let settle!: (r: CallbackResult) => void;
  let fail!: (e: Error) => void;
  const result = new Promise<CallbackResult>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let done = false;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) return page(res, 404, 'Not found', 'Nothing here.');
    if (done || url.searchParams.get('state') !== state) return page(res, 400, 'Sign-in failed', 'This sign-in request is not the one the gatehouse command is waiting for.');
    done = true;
    const error = url.searchParams.get('error') ?? undefined;
    const code = url.searchParams.get('code') ?? undefined;
    if (error || !code) page(res, 400, 'Sign-in failed', 'The sign-in was not completed. You may close this window.');
    else page(res, 200, 'Signed in', 'You are signed in. You may close this window and return to the terminal.');
    settle(error || !code ? { error: error ?? 'invalid_request', errorDescription: url.searchParams.get('error_description') ?? undefined } : { code });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const timer = setTimeout(() => fail(new Error('timed out waiting for the browser to finish signing in')), timeoutMs);
  const close = () => {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  };
  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, result, close };
};
