// The sign-in forms, one per stage. Plain HTML forms: they work without JavaScript, except the
// security key ones, which our script (webauthn.js) completes before posting.

import type { PortalSession } from '../domain/sessions/portal-session.js';
import type { TotpEnrollment, WebAuthnOptions } from '../domain/directory/directory-credentials.js';
import { html, type Html } from './html.js';
import { hidden, page } from './layout.js';

export interface FormContext {
  readonly csrf: string;
  readonly next?: string;
}

const restart = (f: FormContext) => html`<form class="inline" method="post" action="/signin/restart">${hidden({ csrf: f.csrf, next: f.next })}<button type="submit">Start over</button></form>`;

const form = (f: FormContext, step: string, fields: Html, button: string) =>
  html`<form method="post" action="/signin">${hidden({ csrf: f.csrf, next: f.next, step })}${fields}<button type="submit">${button}</button></form>`;

export const userNamePage = (f: FormContext, message?: string) =>
  page('Sign in', form(f, 'identify', html`<label for="username">User name</label><input type="text" id="username" name="username" autocomplete="username" autofocus required>`, 'Next'), message);

export const passwordPage = (f: FormContext, s: PortalSession, message?: string) =>
  page('Sign in', html`<p>Signing in as <strong>${s.userName}</strong>.</p>${form(f, 'password', html`<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" autofocus required>`, 'Sign in')}${restart(f)}`, message);

/** The security key form: our script runs the ceremony, fills `webauthn` and posts it. */
export const keyForm = (f: FormContext, step: string, mode: 'register' | 'authenticate', options: WebAuthnOptions, button: string, extra: Html = html``) =>
  html`<form method="post" action="/signin" data-webauthn="${mode}" data-options="${JSON.stringify(options)}">${hidden({ csrf: f.csrf, next: f.next, step, webauthn: '' })}${extra}<button type="submit">${button}</button><p class="webauthn-status" role="status" aria-live="polite"></p></form>`;

const codeField = (autofocus: boolean) =>
  html`<label for="code">Code</label><input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code"${autofocus ? html` autofocus` : ''} required>`;

export interface MfaChoices {
  readonly hasTotp: boolean;
  /** Authentication options when the user has a security key or passkey. */
  readonly webauthn?: WebAuthnOptions;
}

export const mfaPage = (f: FormContext, choices: MfaChoices, message?: string) =>
  page('Multi-factor authentication', html`${choices.hasTotp ? html`<p>Enter the code from your authenticator app.</p>${form(f, 'mfa', codeField(true), 'Verify')}` : ''}
${choices.webauthn ? html`<h2${choices.hasTotp ? html` class="or"` : ''}>Use your security key or passkey</h2><p class="note">Insert or touch your security key, or use your device's passkey, when your browser asks.</p>${keyForm(f, 'mfa', 'authenticate', choices.webauthn, 'Use security key or passkey')}` : ''}
${restart(f)}`, message, { webauthn: choices.webauthn !== undefined });

export const mfaSetupPage = (f: FormContext, enrollment: TotpEnrollment, qr: Html, keyOptions: WebAuthnOptions | undefined, message?: string) =>
  page('Register an MFA device', html`<p>Multi-factor authentication is required. Register an authenticator app or a security key to continue.</p>
<h2>Register an authenticator app</h2><p>Scan the QR code with your authenticator app, or add this account with the secret key below, then enter the code it shows.</p>
${qr}<p>Secret key: <code>${enrollment.secret}</code></p><p class="note">Or open: <code>${enrollment.otpauthUrl}</code></p>
${form(f, 'mfa-setup', codeField(false), 'Register')}
${keyOptions ? html`<h2 class="or">Or register a security key or passkey</h2><p class="note">Use a security key (USB, NFC) or your device's passkey instead of an app.</p>${keyForm(f, 'mfa-setup', 'register', keyOptions, 'Set up a security key or passkey')}` : ''}
${restart(f)}`, message, { webauthn: keyOptions !== undefined });

export const changePasswordPage = (f: FormContext, message?: string) =>
  page('Set a new password', html`<p>Your password was a one-time password. Choose a new one.</p>${form(f, 'change-password', html`
<label for="current">Current password</label><input type="password" id="current" name="current" autocomplete="current-password" required>
<label for="new">New password</label><input type="password" id="new" name="new" autocomplete="new-password" required>
<label for="confirm">New password again</label><input type="password" id="confirm" name="confirm" autocomplete="new-password" required>`, 'Change password')}`, message);

export const signedInPage = (f: FormContext, s: PortalSession) =>
  page('Signed in', html`<p>You are signed in as <strong>${s.userName}</strong>.</p><form method="post" action="/signout">${hidden({ csrf: f.csrf })}<button type="submit">Sign out</button></form>`);

export const messagePage = (title: string, text: string) => page(title, html`<p>${text}</p>`);
