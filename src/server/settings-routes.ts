// The portal's Settings tab at /start/settings: the user's MFA devices and password. Every form
// posts the session's CSRF token; a success redirects back (post/redirect/get) with a notice,
// a refusal shows the page again with the reason. WebAuthn challenges are bound to the session.
// Adding or removing a device and changing the password are recorded in the audit log, refused
// or not (`RegisterMfaDevice`, `DeleteMfaDevice`, `UpdatePassword`; never a code or password).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../domain/services.js';
import { isGatehouseError, type GatehouseError } from '../lib/errors.js';
import { csrfToken } from '../domain/sessions/csrf.js';
import type { HeldSession } from '../domain/sessions/session-service.js';
import { ceremonyOf, changeOwnPassword } from '../domain/sessions/sign-in-steps.js';
import { readForm, type Form } from '../web/form.js';
import { csrfOk, currentSession, redirect, relyingParty, sendOwnFormsPage as sendPage, signedIn, signInUrl, type WebDeps } from '../web/web-context.js';
import type { PortalFrame } from '../web/portal/portal-layout.js';
import { qrCodeImage } from '../web/sign-in-qr-code.js';
import { authenticatorAppPage, securityKeyPage, settingsPage } from '../web/settings/settings-pages.js';
import type { Html } from '../web/html.js';
import { auditOrigin, personOf, SIGNIN_SOURCE, type PeopleAudit } from '../domain/audit/people-audit.js';

const NOTICES: Readonly<Record<string, string>> = {
  added: 'The device was added.',
  renamed: 'The device was renamed.',
  removed: 'The device was removed.',
  password: 'Your password was changed. Your other sessions were signed out.',
};

const FORM_EXPIRED = 'This form has expired. Please try again.';

const statusOf = (e: GatehouseError): number =>
  ({ Unauthenticated: 401, Throttled: 429, NotFound: 404, Conflict: 409, LimitExceeded: 409, InvalidState: 409 })[e.code as string] ?? 400;

/** What an action did: the notice to show, and facts for its audit event. */
interface Done {
  readonly notice: string;
  readonly facts?: Readonly<Record<string, unknown>>;
}

/** How an action is recorded: its event name and what is known before it runs. */
interface Audited {
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export function registerSettingsRoutes(app: FastifyInstance, services: Services, people: PeopleAudit, publicUrl?: string): void {
  const deps: WebDeps = { sessions: services.sessions, oidc: services.oidc, people };
  const directory = services.directory;

  const requireSignIn = async (request: FastifyRequest, reply: FastifyReply): Promise<HeldSession | undefined> => {
    const held = await currentSession(deps, request);
    if (signedIn(held)) return held;
    redirect(reply, signInUrl(request.method === 'GET' ? request.url : '/start/settings'));
    return undefined;
  };
  const frame = (held: HeldSession): PortalFrame => ({ userName: held.session.userName ?? '', csrf: csrfToken(held.token), tab: 'settings' });

  const showSettings = async (reply: FastifyReply, held: HeldSession, status: number, extra: { notice?: string; error?: string }) => {
    const userId = held.session.userId!;
    const view = { devices: await directory.listMfaDevices(userId), mfaMode: await directory.mfaMode(), ...extra };
    return sendPage(reply, status, settingsPage(frame(held), view));
  };
  const showAppPage = async (reply: FastifyReply, held: HeldSession, status: number, error?: string) => {
    const enrollment = await directory.startTotpEnrollment(held.session.userId!, 'Authenticator app');
    return sendPage(reply, status, authenticatorAppPage(frame(held), enrollment, await qrCodeImage(enrollment.otpauthUrl), error));
  };
  const showKeyPage = async (request: FastifyRequest, reply: FastifyReply, held: HeldSession, status: number, error?: string) =>
    sendPage(reply, status, securityKeyPage(frame(held), await directory.startWebAuthnRegistration(ceremonyOf(held, relyingParty(request, publicUrl))), error));

  /**
   * A signed-in POST with a good CSRF token runs `act` (recorded as `audited` says, when it says);
   * its GatehouseError is shown by `fail`.
   */
  const post = (
    path: string,
    audited: ((held: HeldSession, form: Form) => Promise<Audited>) | undefined,
    act: (held: HeldSession, form: Form, request: FastifyRequest) => Promise<Done>,
    fail: (request: FastifyRequest, reply: FastifyReply, held: HeldSession, status: number, message: string) => Promise<unknown>,
  ) =>
    app.post(path, async (request, reply) => {
      const held = await requireSignIn(request, reply);
      if (!held) return reply;
      const form = readForm(request.body);
      if (!csrfOk(held, form)) return fail(request, reply, held, 403, FORM_EXPIRED);
      try {
        const run = () => act(held, form, request);
        const a = audited && (await audited(held, form));
        const done = a
          ? await people.around(auditOrigin(request), personOf(held.session), { source: SIGNIN_SOURCE, name: a.name, additionalEventData: a.data }, run, { facts: (d) => d.facts })
          : await run();
        return redirect(reply, `/start/settings?done=${done.notice}`);
      } catch (e) {
        if (isGatehouseError(e)) return fail(request, reply, held, statusOf(e), e.message);
        throw e;
      }
    });
  const failOnSettings = (_r: FastifyRequest, reply: FastifyReply, held: HeldSession, status: number, error: string) => showSettings(reply, held, status, { error });
  const page = (render: (request: FastifyRequest, reply: FastifyReply, held: HeldSession) => Promise<Html | unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const held = await requireSignIn(request, reply);
      return held ? render(request, reply, held) : reply;
    };

  app.get('/start/settings', page((request, reply, held) => {
    const done = (request.query as Record<string, unknown>).done;
    return showSettings(reply, held, 200, { notice: typeof done === 'string' ? NOTICES[done] : undefined });
  }));
  app.get('/start/settings/authenticator-app', page((_request, reply, held) => showAppPage(reply, held, 200).catch((e) => failIfLimit(e, reply, held))));
  app.get('/start/settings/security-key', page((request, reply, held) => showKeyPage(request, reply, held, 200).catch((e) => failIfLimit(e, reply, held))));

  /** Starting a device over the limit: back to Settings with the reason. */
  const failIfLimit = (e: unknown, reply: FastifyReply, held: HeldSession) => {
    if (isGatehouseError(e)) return showSettings(reply, held, statusOf(e), { error: e.message });
    throw e;
  };

  const registering = (kind: 'TOTP' | 'WEBAUTHN') => async (): Promise<Audited> => ({ name: 'RegisterMfaDevice', data: { CredentialType: kind, Context: 'Settings' } });
  const added = (device: { deviceId: string }): Done => ({ notice: 'added', facts: { MfaDeviceId: device.deviceId } });

  post('/start/settings/authenticator-app', registering('TOTP'), async (held, form) => {
    const userId = held.session.userId!;
    const device = await directory.confirmTotp(userId, form.enrollment ?? '', (form.code ?? '').replace(/\s/g, ''));
    if (form.name && form.name.trim() !== device.name) await directory.renameMfaDevice(userId, device.deviceId, form.name);
    return added(device);
  }, (_r, reply, held, status, message) => showAppPage(reply, held, status, message).catch((e) => failIfLimit(e, reply, held)));

  post('/start/settings/security-key', registering('WEBAUTHN'), async (held, form, request) => {
    let answer: unknown;
    try {
      answer = JSON.parse(form.webauthn ?? '');
    } catch {
      answer = undefined;
    }
    return added(await directory.finishWebAuthnRegistration(ceremonyOf(held, relyingParty(request, publicUrl)), form.name ?? '', answer));
  }, (request, reply, held, status, message) => showKeyPage(request, reply, held, status, message).catch((e) => failIfLimit(e, reply, held)));

  post('/start/settings/devices/rename', undefined, async (held, form) => {
    await directory.renameMfaDevice(held.session.userId!, form.device ?? '', form.name ?? '');
    return { notice: 'renamed' };
  }, failOnSettings);

  // The device's kind is read before it goes, for the record.
  const removing = async (held: HeldSession, form: Form): Promise<Audited> => {
    const device = (await directory.listMfaDevices(held.session.userId!)).find((d) => d.deviceId === form.device);
    return { name: 'DeleteMfaDevice', data: { Context: 'Settings', MfaDeviceId: form.device ?? '', ...(device ? { CredentialType: device.kind === 'totp' ? 'TOTP' : 'WEBAUTHN' } : {}) } };
  };
  post('/start/settings/devices/remove', removing, async (held, form) => {
    await directory.removeOwnMfaDevice(held.session.userId!, form.device ?? '');
    return { notice: 'removed' };
  }, failOnSettings);

  post('/start/settings/password', async () => ({ name: 'UpdatePassword', data: { Context: 'Settings' } }), async (held, form) => {
    const ended = await changeOwnPassword(services.sessions, held, { current: form.current ?? '', next: form.new ?? '', confirm: form.confirm ?? '' });
    return { notice: 'password', facts: { OtherSessionsEnded: ended } };
  }, failOnSettings);
}
