// The portal's Settings tab: the user's MFA devices (list, rename, remove, add an authenticator
// app or a security key/passkey) and their password. Plain forms posting the CSRF token; only
// the security key page runs a script (ours, from our origin).

import type { MfaDeviceInfo, MfaMode, TotpEnrollment, WebAuthnOptions } from '../../domain/directory/directory-credentials.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/directory/password-parameters.js';
import { html, type Html } from '../html.js';
import { hidden } from '../layout.js';
import { portalPage, type PortalFrame } from '../portal/portal-layout.js';
import { FORMS_STYLESHEET, WEBAUTHN_SCRIPTS } from '../webauthn/webauthn-assets.js';

export const KIND_LABEL: Readonly<Record<MfaDeviceInfo['kind'], string>> = { totp: 'Authenticator app', webauthn: 'Security key or passkey' };

export interface SettingsView {
  readonly devices: readonly MfaDeviceInfo[];
  readonly mfaMode: MfaMode;
  readonly notice?: string;
  readonly error?: string;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

const messages = (notice?: string, error?: string) =>
  html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}`;

const settingsFrame = (title: string, frame: PortalFrame, body: Html, scripts = false) =>
  portalPage(title, frame, html`${FORMS_STYLESHEET}${scripts ? WEBAUTHN_SCRIPTS : ''}${body}`);

const deviceRow = (csrf: string, d: MfaDeviceInfo) => html`<tr><td>${d.name}</td><td>${KIND_LABEL[d.kind]}</td><td><time datetime="${new Date(d.createdAt).toISOString()}">${day(d.createdAt)}</time></td>
<td><form method="post" action="/start/settings/devices/rename">${hidden({ csrf, device: d.deviceId })}<label class="sr-only" for="name-${d.deviceId}">New name for ${d.name}</label><input type="text" id="name-${d.deviceId}" name="name" value="${d.name}" maxlength="64" required><button type="submit" aria-label="Rename ${d.name}">Rename</button></form></td>
<td><form method="post" action="/start/settings/devices/remove">${hidden({ csrf, device: d.deviceId })}<button type="submit" aria-label="Remove ${d.name}">Remove</button></form></td></tr>`;

const devicesSection = (frame: PortalFrame, v: SettingsView) => html`<section class="card gh-form" aria-labelledby="mfa-heading"><h2 id="mfa-heading">MFA devices</h2>
${v.devices.length === 0
  ? html`<p class="empty">You have no MFA device yet.${v.mfaMode === 'required' ? ' Multi-factor authentication is required: add one.' : ''}</p>`
  : html`<table class="devices"><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Added</th><th scope="col">Rename</th><th scope="col">Remove</th></tr></thead><tbody>${v.devices.map((d) => deviceRow(frame.csrf, d))}</tbody></table>`}
<p class="note">Up to two authenticator apps and six security keys or passkeys.${v.mfaMode === 'required' ? ' Multi-factor authentication is required, so your last device cannot be removed.' : ''}</p>
<div class="actions"><a href="/start/settings/authenticator-app">Add an authenticator app</a><a href="/start/settings/security-key">Add a security key or passkey</a></div></section>`;

const passwordSection = (frame: PortalFrame) => html`<section class="card gh-form" aria-labelledby="password-heading"><h2 id="password-heading">Password</h2>
<form method="post" action="/start/settings/password">${hidden({ csrf: frame.csrf })}
<label for="current">Current password</label><input type="password" id="current" name="current" autocomplete="current-password" required>
<label for="new">New password</label><input type="password" id="new" name="new" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required>
<label for="confirm">New password again</label><input type="password" id="confirm" name="confirm" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required>
<p class="note">At least ${MIN_PASSWORD_LENGTH} characters; not one of the commonly used passwords Gatehouse refuses. Your other sessions are signed out.</p>
<button type="submit">Change password</button></form></section>`;

export const settingsPage = (frame: PortalFrame, v: SettingsView): Html =>
  settingsFrame('Settings', frame, html`<h1>Settings</h1>${messages(v.notice, v.error)}${devicesSection(frame, v)}${passwordSection(frame)}`);

export const authenticatorAppPage = (frame: PortalFrame, enrollment: TotpEnrollment, qr: Html, error?: string): Html =>
  settingsFrame('Add an authenticator app', frame, html`<h1>Add an authenticator app</h1>${messages(undefined, error)}<section class="card gh-form">
<p>Scan the QR code with your authenticator app, or add this account with the secret key below, then enter the code it shows.</p>
${qr}<p>Secret key: <code>${enrollment.secret}</code></p>
<form method="post" action="/start/settings/authenticator-app">${hidden({ csrf: frame.csrf, enrollment: enrollment.enrollmentId })}
<label for="name">Device name</label><input type="text" id="name" name="name" value="Authenticator app" maxlength="64" required>
<label for="code">Code</label><input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
<button type="submit">Add authenticator app</button></form><p><a href="/start/settings">Cancel</a></p></section>`);

export const securityKeyPage = (frame: PortalFrame, options: WebAuthnOptions, error?: string): Html =>
  settingsFrame('Add a security key or passkey', frame, html`<h1>Add a security key or passkey</h1>${messages(undefined, error)}<section class="card gh-form">
<p>Name the key, then choose Register and follow your browser: insert or touch your security key, or use your device's passkey.</p>
<form method="post" action="/start/settings/security-key" data-webauthn="register" data-options="${JSON.stringify(options)}">${hidden({ csrf: frame.csrf, webauthn: '' })}
<label for="name">Device name</label><input type="text" id="name" name="name" value="Security key" maxlength="64" required>
<button type="submit">Register security key or passkey</button><p class="webauthn-status" role="status" aria-live="polite"></p></form>
<p><a href="/start/settings">Cancel</a></p></section>`, true);
