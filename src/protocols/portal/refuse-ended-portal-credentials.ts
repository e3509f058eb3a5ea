// Beyond AWS: role credentials the portal issued stop working when their portal session ends
// (sign-out, an administrator, the user disabled). Their sealed session token names the portal
// session (issue-role-credentials.ts); this hook, run before any AWS route, opens the token of a
// signed request and refuses it as an expired token (so SDKs and the CLI fetch new credentials,
// which needs a new sign-in). Refusing early is safe: it never lets anything through.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KeyRing } from '../../lib/key-ring.js';
import { openSession } from '../../domain/sts/session-token.js';
import type { PortalRoleSession } from '../../domain/portal/issue-role-credentials.js';
import { errorResponseXml } from '../query/send-xml.js';
import { AWS_JSON_CONTENT_TYPE } from '../awsjson/send-json.js';

const XMLNS: Readonly<Record<string, string>> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

const MESSAGE = 'The security token included in the request is expired';

const securityToken = (request: FastifyRequest): string | undefined => {
  const h = request.headers['x-amz-security-token'];
  if (typeof h === 'string') return h;
  const q = (request.query as Record<string, unknown> | undefined)?.['X-Amz-Security-Token'];
  return typeof q === 'string' ? q : undefined;
};

/** The SigV4 credential scope's service (`.../region/SERVICE/aws4_request`). */
const scopeService = (request: FastifyRequest): string | undefined => {
  const auth = request.headers.authorization;
  const credential = typeof auth === 'string' ? /Credential=([^,\s]+)/.exec(auth)?.[1] : (request.query as Record<string, unknown> | undefined)?.['X-Amz-Credential'];
  return typeof credential === 'string' ? credential.split('/')[3] : undefined;
};

export const refuseEndedPortalCredentials =
  (keyRing: KeyRing, isRevoked: (session: PortalRoleSession) => Promise<boolean>) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = securityToken(request);
    if (token === undefined) return;
    const session = openSession(keyRing, token) as PortalRoleSession | undefined;
    if (typeof session?.portalSessionId !== 'string' || !(await isRevoked(session))) return;
    const requestId = typeof request.id === 'string' ? request.id : '';
    reply.header('x-amzn-RequestId', requestId);
    if (typeof request.headers['x-amz-target'] === 'string') {
      const name = 'ExpiredTokenException';
      await reply.code(400).header('content-type', AWS_JSON_CONTENT_TYPE).header('x-amzn-ErrorType', name).send(Buffer.from(JSON.stringify({ __type: name, message: MESSAGE })));
      return;
    }
    const xmlns = XMLNS[scopeService(request) ?? 'sts'] ?? XMLNS.sts!;
    const xml = errorResponseXml({ name: 'ExpiredToken', status: 403, message: MESSAGE, fault: 'Sender' }, xmlns, requestId);
    await reply.code(403).header('content-type', 'text/xml').header('x-amzn-ErrorType', 'ExpiredToken').send(Buffer.from(xml));
  };
