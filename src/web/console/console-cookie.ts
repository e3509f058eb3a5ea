// The console cookie: HttpOnly, SameSite=Lax, Path=/, for the role session's lifetime. Like the
// portal's session cookie (cookies.ts), it is `__Host-gatehouse_console` and Secure everywhere
// (https, and http behind a TLS-terminating proxy) except plain-http loopback, where browsers drop
// Secure cookies: there it is `gatehouse_console` without Secure.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { isPlainLoopback, readCookie } from '../cookies.js';

export const consoleCookieName = (request: FastifyRequest): string => (isPlainLoopback(request) ? 'gatehouse_console' : '__Host-gatehouse_console');

export const readConsoleCookie = (request: FastifyRequest): string | undefined => readCookie(request, consoleCookieName(request));

const write = (request: FastifyRequest, reply: FastifyReply, value: string, maxAgeSeconds: number): void => {
  const attrs = ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(isPlainLoopback(request) ? [] : ['Secure']), `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`];
  reply.header('set-cookie', `${consoleCookieName(request)}=${value}; ${attrs.join('; ')}`);
};

export const setConsoleCookie = (request: FastifyRequest, reply: FastifyReply, value: string, maxAgeSeconds: number): void =>
  write(request, reply, value, maxAgeSeconds);

export const clearConsoleCookie = (request: FastifyRequest, reply: FastifyReply): void => write(request, reply, '', 0);
