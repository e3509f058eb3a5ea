// The console's page: who this session is (account, role, session name, a live expiry
// countdown), "Check access" against the policy engine, and the role's policies. Works without
// script: the check is a plain form POST answered with this page.

import { html, type Html } from '../html.js';
import { hidden } from '../layout.js';
import type { CheckResult } from '../../domain/console/check-access.js';
import type { RolePolicies } from '../../domain/console/role-policies.js';
import { consolePage, type ConsoleFrame } from './console-layout.js';
import { checkResultView } from './check-result-view.js';
import { policiesView } from './policies-view.js';
import { countdownText } from './countdown.js';

export interface ConsoleHome {
  readonly frame: ConsoleFrame;
  readonly permissionSetName: string;
  readonly roleName: string;
  readonly expiresAt: number;
  readonly now: number;
  readonly externalRelayState?: string;
  readonly policies: RolePolicies;
  readonly form?: { readonly action: string; readonly resource: string; readonly context: string };
  readonly error?: { readonly field?: string; readonly message: string };
  readonly result?: CheckResult;
}

const sessionCard = (h: ConsoleHome) => html`<section class="card" aria-labelledby="session-h"><h2 id="session-h">Session</h2>
<dl class="facts"><dt>Account</dt><dd id="account">${h.frame.accountName} <span class="meta">${h.frame.accountId}</span></dd>
<dt>Role</dt><dd id="role">${h.permissionSetName} <span class="meta">${h.roleName}</span></dd>
<dt>Session name</dt><dd id="session-name">${h.frame.sessionName}</dd>
<dt>Expires in</dt><dd><time id="expiry" datetime="${new Date(h.expiresAt).toISOString()}" data-expires-at="${String(h.expiresAt)}">${countdownText(h.expiresAt - h.now)}</time></dd></dl>
${h.externalRelayState ? html`<p class="relay">This permission set's start page is outside Gatehouse: <a href="${h.externalRelayState}" rel="noopener noreferrer">${h.externalRelayState}</a></p>` : ''}</section>`;

const checkForm = (h: ConsoleHome) => {
  const f = h.form ?? { action: '', resource: '*', context: '' };
  const err = (field: string) => (h.error && h.error.field === field ? html` aria-invalid="true" aria-describedby="check-error"` : '');
  return html`<section id="check" class="card" aria-labelledby="check-h"><h2 id="check-h">Check access</h2>
<p class="meta">Would this session be allowed an action? Answered by the policy engine that decides this session's requests.</p>
${h.error ? html`<p class="error" id="check-error" role="alert">${h.error.message}</p>` : ''}
<form class="check" method="post" action="/console/check#check-result">${hidden({ csrf: h.frame.csrf })}
<label for="check-action">Action</label><input id="check-action" name="action" value="${f.action}" placeholder="s3:GetObject" autocomplete="off" spellcheck="false" required${err('action')}>
<label for="check-resource">Resource ARN</label><input id="check-resource" name="resource" value="${f.resource}" autocomplete="off" spellcheck="false"${err('resource')}>
<label for="check-context">Context keys <span class="meta">(optional, one key=value per line)</span></label><textarea id="check-context" name="context" rows="3" spellcheck="false" placeholder="aws:SourceIp=10.0.0.1"${err('context')}>${f.context}</textarea>
<button type="submit">Check</button></form>
${h.result ? checkResultView(h.result) : ''}</section>`;
};

export const consoleHomePage = (h: ConsoleHome): Html =>
  consolePage('Console', h.frame, html`<h1>${h.frame.accountName}</h1>${sessionCard(h)}${checkForm(h)}${policiesView(h.policies)}`);
