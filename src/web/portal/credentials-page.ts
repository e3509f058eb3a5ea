// "Access keys" for one role: the credentials as shell exports, PowerShell and a credentials file
// profile, each with a copy button and the expiry, and the settings `aws configure sso` asks for.

import { html, type Html } from '../html.js';
import type { Account } from '../../domain/organizations/model.js';
import type { RoleCredentials } from '../../domain/portal/issue-role-credentials.js';
import { credentialSnippets } from './credential-snippets.js';
import { portalPage, type PortalFrame } from './portal-layout.js';

const snippet = (id: string, title: string, label: string, text: string, note: string, expiry: Html) => html`<section class="card" aria-labelledby="${id}-title">
<div class="snippet-head"><h2 id="${id}-title">${title}</h2><button type="button" data-copy="${id}" data-label="${label}" hidden>Copy ${label}</button></div>
<p class="expiry">${note} ${expiry}</p><pre id="${id}" tabindex="0" aria-label="${title}">${text}</pre></section>`;

export interface CredentialsView {
  readonly account: Account;
  readonly roleName: string;
  readonly credentials: RoleCredentials;
  /** The SSO region for `aws configure sso`: the region Gatehouse serves. */
  readonly region: string;
  readonly startUrl: string;
}

export function credentialsPage(frame: PortalFrame, v: CredentialsView) {
  const c = v.credentials;
  const s = credentialSnippets(c, v.account.id, v.roleName);
  const expires = new Date(c.expiration).toISOString();
  const expiry = html`These credentials expire at <time datetime="${expires}">${expires.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>.`;
  return portalPage(`Access keys for ${v.roleName}`, frame, html`<p><a href="/start">← Accounts</a></p>
<h1>Access keys</h1><p><strong>${v.account.name}</strong> (${v.account.id}) · role <strong>${v.roleName}</strong></p>
<p class="status" id="copy-status" role="status" aria-live="polite"></p>
${snippet('env-shell', 'macOS and Linux', 'environment variables', s.shell, 'Paste these into your terminal.', expiry)}
${snippet('env-powershell', 'Windows PowerShell', 'PowerShell variables', s.powershell, 'Paste these into PowerShell.', expiry)}
${snippet('credentials-file', 'AWS credentials file', 'profile', s.profile, 'Add this profile to ~/.aws/credentials.', expiry)}
<section class="card" aria-labelledby="sso-title"><h2 id="sso-title">AWS CLI: aws configure sso</h2>
<p>For credentials that renew themselves, run <code>aws configure sso</code> and answer:</p>
<dl class="settings"><dt>SSO start URL</dt><dd id="sso-start-url">${v.startUrl}</dd><dt>SSO region</dt><dd id="sso-region">${v.region}</dd>
<dt>Account</dt><dd>${v.account.id}</dd><dt>Role</dt><dd>${v.roleName}</dd></dl></section>`);
}
