// The frame of every sign-in page (/signin, /device, /authorize): the portal's header and look,
// a stylesheet served by Gatehouse (no inline style), a message slot, and our WebAuthn scripts
// only on the pages that run a ceremony (the CSP allows our own scripts and nothing else).

import { html, Html } from './html.js';
import { FORMS_STYLESHEET, WEBAUTHN_SCRIPTS } from './webauthn/webauthn-assets.js';

export interface PageOptions {
  /** The page runs a WebAuthn ceremony. */
  readonly webauthn?: boolean;
}

export const page = (title: string, body: Html, message?: string, options: PageOptions = {}): Html => html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Gatehouse</title>${FORMS_STYLESHEET}${options.webauthn ? WEBAUTHN_SCRIPTS : ''}</head>
<body class="signin"><header class="top"><span class="brand">Gatehouse</span></header>
<main class="gh-form"><h1>${title}</h1>${message ? html`<p class="error" role="alert">${message}</p>` : ''}${body}</main></body></html>`;

/** The hidden inputs every form carries. */
export const hidden = (fields: Readonly<Record<string, string | undefined>>): Html =>
  html`${Object.entries(fields).map(([k, v]) => (v === undefined ? '' : html`<input type="hidden" name="${k}" value="${v}">`))}`;
