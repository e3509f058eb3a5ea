// sso-oidc for Gatehouse: client registration, the device and authorization code grants,
// refresh, and the bearer check behind the portal API. The rules live in the modules it calls.

import type { Ports } from '../ports.js';
import type { SessionService } from '../sessions/session-service.js';
import type { PortalSession } from '../sessions/portal-session.js';
import type { OidcContext } from './oidc-context.js';
import type { DeviceAuthorization, OidcClient } from './oidc-model.js';
import { registerClient, type RegisterClientInput } from './register-client.js';
import { startDeviceAuthorization, findPendingDevice, decideDevice } from './device-flow.js';
import { createToken, type CreateTokenInput } from './create-token.js';
import { checkAuthorizeRequest, type AuthorizeRequest } from './authorize-request.js';
import { denyAuthorization, issueAuthorizationCode } from './authorization-code.js';
import { resolveAccessToken } from './access-grant.js';

export class OidcService {
  constructor(
    private readonly ports: Ports,
    private readonly sessions: SessionService,
  ) {}

  private context(): OidcContext {
    return { repo: this.ports.store.oidc, sessions: this.sessions, random: this.ports.random, now: this.ports.clock.now() };
  }

  registerClient = (input: RegisterClientInput) => registerClient(this.context(), input);
  startDeviceAuthorization = (clientId: string, clientSecret: string, startUrl: string) =>
    startDeviceAuthorization(this.context(), clientId, clientSecret, startUrl);
  /** CreateToken: the tokens, with the session and client they were issued for (for the audit log). */
  grantTokens = (input: CreateTokenInput) => createToken(this.context(), input);
  createToken = async (input: CreateTokenInput) => (await this.grantTokens(input)).tokens;

  findPendingDevice = (userCode: string) => findPendingDevice(this.context(), userCode);
  decideDevice = (device: DeviceAuthorization, session: PortalSession, allow: boolean) => decideDevice(this.context(), device, session, allow);

  checkAuthorizeRequest = (params: Readonly<Record<string, unknown>>) => checkAuthorizeRequest(this.context(), params);
  issueAuthorizationCode = (client: OidcClient, request: AuthorizeRequest, session: PortalSession) =>
    issueAuthorizationCode(this.context(), client, request, session);
  denyAuthorization = (request: AuthorizeRequest) => denyAuthorization(request);

  /** The portal session behind a portal API bearer token; Unauthenticated otherwise. */
  resolveAccessToken = (accessToken: string | undefined) => resolveAccessToken(this.context(), accessToken);
}
