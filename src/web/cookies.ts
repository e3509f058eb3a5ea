// The portal session cookie. `__Host-gatehouse_session` (Secure, Path=/, no Domain: bound to
// this origin) everywhere but plain-http loopback, where browsers refuse a Secure cookie and
// so the `__Host-` prefix, which demands Secure: there it is `gatehouse_session` without Secure.

import type { FastifyReply, FastifyRequest } from 'fastify';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/;

export const isPlainLoopback = (request: FastifyRequest): boolean =>
  request.protocol === 'http' && LOOPBACK.test(request.headers.host ?? '');

export const sessionCookieName = (request: FastifyRequest): string =>
  isPlainLoopback(request) ? 'gatehouse_session' : '__Host-gatehouse_session';

export const readCookie = (request: FastifyRequest, name: string): string | undefined => {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
};

export const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds?: number): void => {
  const attrs = ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(isPlainLoopback(request) ? [] : ['Secure'])];
  if (maxAgeSeconds !== undefined) attrs.push(`Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`);
  reply.header('set-cookie', `${sessionCookieName(request)}=${token}; ${attrs.join('; ')}`);
};
