// The sso portal API on the wire (restJson, bearer token in `x-amz-sso_bearer_token`, no SigV4):
// ListAccounts, ListAccountRoles, GetRoleCredentials (expiration in epoch milliseconds), Logout.
// GetRoleCredentials (account and role, never the credentials) and Logout are recorded in the
// audit log; the two lists only read, and are not.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PortalService } from '../../domain/portal/portal-service.js';
import { auditOrigin, personOf, SSO_SOURCE, type PeopleAudit } from '../../domain/audit/people-audit.js';
import { jsonBytes } from '../restjson/read-json-body.js';
import { portalWireError } from './portal-exceptions.js';
import { accountId, pageRequest, queryString } from './portal-input.js';

export const BEARER_HEADER = 'x-amz-sso_bearer_token';

type Handler = (token: string | undefined, query: Record<string, unknown>, request: FastifyRequest) => Promise<unknown>;

const bearer = (request: FastifyRequest): string | undefined => {
  const v = request.headers[BEARER_HEADER];
  return typeof v === 'string' ? v : undefined;
};

/** A refusal as the caller was answered: the service's exception name and message. */
const wireFailure = (e: unknown) => {
  const wire = portalWireError(e);
  return { code: wire.name, message: wire.message };
};

export function registerPortalRoutes(app: FastifyInstance, portal: PortalService, people: PeopleAudit, log?: (e: unknown) => void): void {
  const route = (handler: Handler) => async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('x-amzn-RequestId', typeof request.id === 'string' ? request.id : randomUUID());
    reply.header('cache-control', 'no-store');
    try {
      const out = await handler(bearer(request), (request.query ?? {}) as Record<string, unknown>, request);
      return reply.code(200).header('content-type', 'application/json').send(jsonBytes(out ?? {}));
    } catch (e) {
      const wire = portalWireError(e);
      if (wire.status >= 500) log?.(e);
      return reply
        .code(wire.status)
        .header('content-type', 'application/json')
        .header('x-amzn-ErrorType', wire.name)
        .send(jsonBytes({ __type: wire.name, message: wire.message }));
    }
  };

  app.get('/assignment/accounts', route(async (token, query) => {
    const page = await portal.listAccounts(token, pageRequest(query));
    return {
      accountList: page.items.map((a) => ({ accountId: a.id, accountName: a.name, emailAddress: a.email })),
      ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}),
    };
  }));

  app.get('/assignment/roles', route(async (token, query) => {
    const page = await portal.listAccountRoles(token, accountId(query), pageRequest(query));
    return { roleList: page.items, ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}) };
  }));

  app.get('/federation/credentials', route(async (token, query, request) => {
    const roleName = queryString(query, 'role_name', true);
    const account = accountId(query);
    const session = await portal.sessionOf(token);
    const event = { source: SSO_SOURCE, name: 'GetRoleCredentials', requestParameters: { accountId: account, roleName } };
    const c = await people.around(auditOrigin(request), personOf(session), event, () => portal.roleCredentialsFor(session, roleName, account), {
      failure: wireFailure,
      facts: (issued) => ({ roleArn: issued.session.roleArn }),
    });
    return { roleCredentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration } };
  }));

  app.post('/logout', route(async (token, _query, request) => {
    const session = await portal.logout(token);
    await people.record(auditOrigin(request), personOf(session), { source: SSO_SOURCE, name: 'Logout' });
    return undefined;
  }));
}
