// The page that carries a SAML response to an application's Assertion Consumer Service
// (HTTP-POST binding): a form posted by our own script file, with a visible Continue button
// for browsers without scripts. Values are escaped by the `html` template.

import { readFileSync } from 'node:fs';
import { html } from '../html.js';
import { page } from '../layout.js';

export const AUTO_POST_SCRIPT = readFileSync(new URL('./auto-post.js', import.meta.url), 'utf8');
export const AUTO_POST_SCRIPT_PATH = '/saml/assets/auto-post.js';

export interface AutoPost {
  readonly acsUrl: string;
  readonly samlResponse: string;
  readonly relayState?: string;
  readonly applicationName: string;
}

export const autoPostPage = (p: AutoPost) =>
  page(
    `Signing in to ${p.applicationName}`,
    html`<form id="saml-post" method="post" action="${p.acsUrl}">
<input type="hidden" name="SAMLResponse" value="${p.samlResponse}">${p.relayState !== undefined ? html`<input type="hidden" name="RelayState" value="${p.relayState}">` : ''}
<p class="note">Taking you to the application…</p><button type="submit">Continue</button></form>
<script src="${AUTO_POST_SCRIPT_PATH}"></script>`,
  );

export const samlErrorPage = (message: string) =>
  page('Sign-on failed', html`<p>Gatehouse could not sign you in to this application.</p><p class="note">Ask your administrator to check the application's settings if this persists.</p>`, message);
