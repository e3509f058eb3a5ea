// The wire view of a Fastify request that SigV4 needs: raw target, raw headers, raw body.

import type { FastifyRequest } from 'fastify';
import { headerPairs, type SignableRequest, splitTarget } from '../sigv4/signable-request.js';

const EMPTY = Buffer.alloc(0);

export const signableFromRequest = (request: FastifyRequest): SignableRequest => {
  const { path, query } = splitTarget(request.raw.url ?? request.url);
  const body = Buffer.isBuffer(request.body) ? request.body : typeof request.body === 'string' ? Buffer.from(request.body) : EMPTY;
  return { method: request.method, path, query, headers: headerPairs(request.raw.rawHeaders), body };
};
