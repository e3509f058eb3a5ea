// What people do, for the audit log: their sign-in steps, the CLI logins they approve, the
// credentials and applications they reach. A route says what happened in one line; this builds
// the CloudTrail-shaped input (who, from where, in which region) and hands it to the AuditLog,
// which never throws. It lives in the domain because the web pages, the sso-oidc and portal
// protocols and the server's routes all record through it, and it is the layer they share;
// it reads a request only through `RequestLike`, never Fastify.

import { isGatehouseError } from '../../lib/errors.js';
import type { AuditLog } from './audit-log.js';
import type { AuditEventInput, AuditIdentity } from './audit-event.js';
import type { PortalSession } from '../sessions/portal-session.js';
import { sessionUserId, type RoleSession } from '../sts/role-session.js';

/** The sign-in pages (AWS sign-in's own event source). */
export const SIGNIN_SOURCE = 'signin.amazonaws.com';
/** Approving CLI logins and the tokens sso-oidc issues. */
export const SSO_OAUTH_SOURCE = 'sso-oauth.amazonaws.com';
/** The access portal: role credentials, sign-out from the API, SAML applications. */
export const SSO_SOURCE = 'sso.amazonaws.com';

/** Where a request came from, as the transport saw it. */
export interface AuditOrigin {
  readonly sourceIPAddress: string;
  readonly userAgent?: string;
  readonly requestId?: string;
}

/** The parts of an HTTP request (Fastify's, or any like it) an origin is read from. */
export interface RequestLike {
  readonly ip: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly id?: unknown;
}

export const auditOrigin = (request: RequestLike): AuditOrigin => {
  const ua = request.headers['user-agent'];
  return {
    sourceIPAddress: request.ip,
    ...(typeof ua === 'string' ? { userAgent: ua.slice(0, 512) } : {}),
    ...(typeof request.id === 'string' ? { requestId: request.id } : {}),
  };
};

/** A person: the identity-store user id once known; before that, the name as typed. */
export interface Person {
  readonly userName: string;
  readonly userId?: string;
}

export const personOf = (session: Pick<PortalSession, 'userName' | 'userId'>): Person => ({
  userName: session.userName ?? '',
  ...(session.userId !== undefined ? { userId: session.userId } : {}),
});

export const personIdentity = (p: Person): AuditIdentity => ({
  type: 'IdentityCenterUser',
  userName: p.userName,
  ...(p.userId !== undefined ? { principalId: p.userId } : {}),
});

/** A role session, as CloudTrail names one (the console's sign-in is the role's, as on AWS); not its key. */
export const roleSessionIdentity = (s: RoleSession): AuditIdentity => ({
  type: 'AssumedRole',
  arn: s.assumedRoleArn,
  accountId: s.accountId,
  principalId: sessionUserId(s),
});

/** Who could not be told (a sign-in token that did not open). */
export const UNKNOWN_IDENTITY: AuditIdentity = { type: 'Unknown' };

export interface PersonEvent {
  readonly source: string;
  readonly name: string;
  readonly requestParameters?: Readonly<Record<string, unknown>>;
  readonly additionalEventData?: Readonly<Record<string, unknown>>;
  /** Set when it did not succeed: the failure (`Failure`, an exception name) and a short reason. */
  readonly error?: { readonly code: string; readonly message: string };
}

/** How a thrown error is written in an event: a domain error by its code, anything else as an internal failure. */
export const errorOf = (e: unknown): { code: string; message: string } =>
  isGatehouseError(e) ? { code: e.code, message: e.message } : { code: 'InternalFailure', message: 'The request could not be completed.' };

export class PeopleAudit {
  constructor(
    private readonly log: AuditLog,
    private readonly region: string,
  ) {}

  /** Records one event; `who` is a person, or another identity (a console role session). */
  record(origin: AuditOrigin, who: Person | AuditIdentity, event: PersonEvent): Promise<void> {
    // Filled by assignment, not spreads: this runs on every role credential issued.
    const input: { -readonly [K in keyof AuditEventInput]: AuditEventInput[K] } = {
      eventSource: event.source,
      eventName: event.name,
      awsRegion: this.region,
      sourceIPAddress: origin.sourceIPAddress,
      userIdentity: 'type' in who ? who : personIdentity(who),
      readOnly: false,
    };
    if (origin.userAgent !== undefined) input.userAgent = origin.userAgent;
    if (origin.requestId !== undefined) input.requestId = origin.requestId;
    if (event.error) {
      input.errorCode = event.error.code;
      input.errorMessage = event.error.message;
    }
    if (event.requestParameters) input.requestParameters = event.requestParameters;
    if (event.additionalEventData) input.additionalEventData = event.additionalEventData;
    return this.log.record(input);
  }

  /**
   * Runs `work` and records how it ended: success (with `facts` of its result), or the error it
   * threw (as `failure` writes it), which is then thrown on.
   */
  async around<T>(
    origin: AuditOrigin,
    who: Person,
    event: PersonEvent,
    work: () => Promise<T>,
    options: { facts?: (result: T) => Readonly<Record<string, unknown>> | undefined; failure?: (e: unknown) => { code: string; message: string } } = {},
  ): Promise<T> {
    let result: T;
    try {
      result = await work();
    } catch (e) {
      await this.record(origin, who, { ...event, error: (options.failure ?? errorOf)(e) });
      throw e;
    }
    const facts = options.facts?.(result);
    await this.record(origin, who, facts ? { ...event, additionalEventData: { ...event.additionalEventData, ...facts } } : event);
    return result;
  }
}
