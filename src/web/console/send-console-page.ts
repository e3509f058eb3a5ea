// Console pages go out with the portal's headers: never cached, our own script and styles only
// (no inline script), no framing, forms post only to us, no referrer (sign-in tokens are in URLs).

import type { FastifyReply } from 'fastify';
import type { Html } from '../html.js';

export const CONSOLE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export const sendConsolePage = (reply: FastifyReply, status: number, body: Html) => reply.code(status).headers(CONSOLE_PAGE_HEADERS).send(body.text);
