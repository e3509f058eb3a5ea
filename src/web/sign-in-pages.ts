// The sign-in forms, one per stage. Plain HTML forms: they work without JavaScript.

import type { PortalSession } from '../domain/sessions/portal-session.js';
import type { TotpEnrollment } from '../domain/directory/directory-credentials.js';
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

export const mfaPage = (f: FormContext, message?: string) =>
  page('Multi-factor authentication', html`<p>Enter the code from your authenticator app.</p>${form(f, 'mfa', html`<label for="code">Code</label><input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" autofocus required>`, 'Verify')}${restart(f)}`, message);

export const mfaSetupPage = (f: FormContext, enrollment: TotpEnrollment, message?: string) =>
  page('Register an authenticator app', html`<p>Multi-factor authentication is required. Add this account to your authenticator app with the secret key below, then enter the code it shows.</p>
<p>Secret key: <code>${enrollment.secret}</code></p><p class="note">Or open: <code>${enrollment.otpauthUrl}</code></p>
${form(f, 'mfa-setup', html`<label for="code">Code</label><input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>`, 'Register')}${restart(f)}`, message);

export const changePasswordPage = (f: FormContext, message?: string) =>
  page('Set a new password', html`<p>Your password was a one-time password. Choose a new one.</p>${form(f, 'change-password', html`
<label for="current">Current password</label><input type="password" id="current" name="current" autocomplete="current-password" required>
<label for="new">New password</label><input type="password" id="new" name="new" autocomplete="new-password" required>
<label for="confirm">New password again</label><input type="password" id="confirm" name="confirm" autocomplete="new-password" required>`, 'Change password')}`, message);

export const signedInPage = (f: FormContext, s: PortalSession) =>
  page('Signed in', html`<p>You are signed in as <strong>${s.userName}</strong>.</p><form method="post" action="/signout">${hidden({ csrf: f.csrf })}<button type="submit">Sign out</button></form>`);

export const messagePage = (title: string, text: string) => page(title, html`<p>${text}</p>`);
