// Query protocol responses: XML documents, errors as `<ErrorResponse>`.

import type { FastifyReply } from 'fastify';
import type { WireError } from '../errors/wire-error.js';
import { element, escapeXml } from './xml.js';

const XML_CONTENT_TYPE = 'text/xml';

export const sendXml = (reply: FastifyReply, body: string) =>
  reply.code(200).header('content-type', XML_CONTENT_TYPE).send(Buffer.from(body));

export const errorResponseXml = (err: WireError, xmlns: string, requestId: string): string => {
  const error =
    element('Type', err.fault ?? (err.status >= 500 ? 'Receiver' : 'Sender')) +
    element('Code', escapeXml(err.name)) +
    element('Message', escapeXml(err.message));
  return `<ErrorResponse xmlns="${escapeXml(xmlns)}">${element('Error', error)}${element('RequestId', escapeXml(requestId))}</ErrorResponse>`;
};

export const sendXmlError = (reply: FastifyReply, err: WireError, xmlns: string, requestId: string) =>
  reply.code(err.status).header('content-type', XML_CONTENT_TYPE).header('x-amzn-ErrorType', err.name).send(Buffer.from(errorResponseXml(err, xmlns, requestId)));
