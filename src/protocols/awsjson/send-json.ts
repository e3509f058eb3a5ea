// awsJson 1.1 responses: the output document, or the error as `__type` + `message` with the
// name in `x-amzn-ErrorType` too.

import type { FastifyReply } from 'fastify';
import type { WireError } from '../errors/wire-error.js';

export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

// Bodies go out as Buffers: Fastify would append `; charset=utf-8` to a string's content type,
// and AWS sends the bare media type.
export const sendJson = (reply: FastifyReply, body: string) =>
  reply.code(200).header('content-type', AWS_JSON_CONTENT_TYPE).send(Buffer.from(body));

export const sendJsonError = (reply: FastifyReply, err: WireError) =>
  reply
    .code(err.status)
    .header('content-type', AWS_JSON_CONTENT_TYPE)
    .header('x-amzn-ErrorType', err.name)
    .send(Buffer.from(JSON.stringify({ __type: err.name, message: err.message, ...err.fields })));
