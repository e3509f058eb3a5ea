// sso-oidc on the wire (restJson, no SigV4): POST /client/register, /device_authorization and
// /token with camelCase JSON members, errors as oidc-exceptions.ts says. Each token grant issued
// is recorded in the audit log (`CreateToken`: the client and grant type, never a code or token).

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OidcService } from '../../domain/oidc/oidc-service.js';
import { auditOrigin, personOf, SSO_OAUTH_SOURCE, type PeopleAudit } from '../../domain/audit/people-audit.js';
import { oauthError } from '../../domain/oidc/oidc-errors.js';
import { formatUserCode } from '../../domain/oidc/user-code.js';
import { jsonBytes, readJsonBody } from '../restjson/read-json-body.js';
import { oidcErrorBody, oidcWireError } from './oidc-exceptions.js';
import { optionalString, optionalStrings, requiredString } from './oidc-input.js';

export interface OidcRoutesOptions {
  readonly oidc: OidcService;
  /** This server's public base URL as the request reached it (for verification URIs). */
  readonly baseUrl: (request: FastifyRequest) => string;
  readonly log?: (e: unknown) => void;
  /** Where issued grants are recorded (the audit log). */
  readonly people: PeopleAudit;
}

type Handler = (body: Record<string, unknown>, request: FastifyRequest) => Promise<unknown>;

const without = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export function registerOidcRoutes(app: FastifyInstance, options: OidcRoutesOptions): void {
  const { oidc } = options;
  const route = (handler: Handler) => async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('x-amzn-RequestId', typeof request.id === 'string' ? request.id : randomUUID());
    reply.header('cache-control', 'no-store');
    try {
      const body = readJsonBody(request.body);
      if (!body) throw oauthError('invalid_request', 'The request body must be a JSON object.');
      const out = await handler(body, request);
      return reply.code(200).header('content-type', 'application/json').send(jsonBytes(without(out as Record<string, unknown>)));
    } catch (e) {
      const wire = oidcWireError(e);
      if (wire.status >= 500) options.log?.(e);
      return reply.code(wire.status).header('content-type', 'application/json').header('x-amzn-ErrorType', wire.name).send(jsonBytes(oidcErrorBody(wire)));
    }
  };

  app.post('/client/register', route(async (body) =>
    oidc.registerClient({
      clientName: requiredString(body, 'clientName'),
      clientType: requiredString(body, 'clientType'),
      scopes: optionalStrings(body, 'scopes'),
      redirectUris: optionalStrings(body, 'redirectUris'),
      grantTypes: optionalStrings(body, 'grantTypes'),
      issuerUrl: optionalString(body, 'issuerUrl'),
    }),
  ));

  app.post('/device_authorization', route(async (body, request) => {
    const started = await oidc.startDeviceAuthorization(requiredString(body, 'clientId'), requiredString(body, 'clientSecret'), requiredString(body, 'startUrl'));
    const verificationUri = `${options.baseUrl(request)}/device`;
    const userCode = formatUserCode(started.userCode);
    return {
      deviceCode: started.deviceCode,
      userCode,
      verificationUri,
      verificationUriComplete: `${verificationUri}?user_code=${userCode}`,
      expiresIn: started.expiresIn,
      interval: started.interval,
    };
  }));

  app.post('/token', route(async (body, request) => {
    const grant = await oidc.grantTokens({
      clientId: requiredString(body, 'clientId'),
      clientSecret: requiredString(body, 'clientSecret'),
      grantType: requiredString(body, 'grantType'),
      deviceCode: optionalString(body, 'deviceCode'),
      code: optionalString(body, 'code'),
      refreshToken: optionalString(body, 'refreshToken'),
      redirectUri: optionalString(body, 'redirectUri'),
      codeVerifier: optionalString(body, 'codeVerifier'),
    });
    await options.people.record(auditOrigin(request), personOf(grant.session), {
      source: SSO_OAUTH_SOURCE,
      name: 'CreateToken',
      requestParameters: { clientId: grant.client.clientId, grantType: requiredString(body, 'grantType') },
      additionalEventData: { clientName: grant.client.clientName },
    });
    return grant.tokens;
  }));
}
