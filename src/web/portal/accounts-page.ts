// The Accounts tab: every account the user holds, sorted by name, with a count and a filter that
// matches name, id or email. Each account opens (a <details>) to its roles, each with links to the
// account console and to access keys. Without the script the filter box is a GET form the server
// answers; with it, the list narrows as one types.

import { html } from '../html.js';
import type { CatalogAccount } from './portal-catalog.js';
import { matchesFilter } from './portal-catalog.js';
import { portalPage, type PortalFrame } from './portal-layout.js';

const noun = (n: number) => (n === 1 ? 'account' : 'accounts');

const roleQuery = (accountId: string, roleName: string) => new URLSearchParams({ account_id: accountId, role_name: roleName });
const credentialsUrl = (accountId: string, roleName: string) => `/start/credentials?${roleQuery(accountId, roleName)}`;
/** Signs in to the account console as this role (src/server/console-routes.ts). */
const consoleUrl = (accountId: string, roleName: string) => `/start/console?${roleQuery(accountId, roleName)}`;

const accountItem = ({ account, roles }: CatalogAccount, visible: boolean) => html`<li data-filter="${`${account.name}\n${account.id}\n${account.email}`.toLowerCase()}"${visible ? '' : html` hidden`}>
<details><summary><span class="name">${account.name}</span><span class="meta">${account.id}</span><span class="meta">${account.email}</span></summary>
<ul class="roles" aria-label="Roles in ${account.name}">${roles.map(
  (r) => html`<li><span class="role-name">${r.name}</span><span class="role-desc">${r.description ?? ''}</span><a href="${consoleUrl(account.id, r.name)}" aria-label="Management console for ${r.name} in ${account.name}">Management console</a><a href="${credentialsUrl(account.id, r.name)}" aria-label="Access keys for ${r.name} in ${account.name}">Access keys</a></li>`,
)}</ul></details></li>`;

export function accountsPage(frame: PortalFrame, accounts: readonly CatalogAccount[], query: string) {
  const shown = accounts.filter((a) => matchesFilter(a.account, query)).length;
  const total = accounts.length;
  const count = query.trim() === '' ? `${total} ${noun(total)}` : `${shown} of ${total} ${noun(total)}`;
  const body = accounts.length === 0
    ? html`<h1>Accounts</h1><p class="card empty">You have no accounts assigned yet. Ask your administrator for access.</p>`
    : html`<h1>Accounts</h1>
<form class="filter" method="get" action="/start" role="search"><label for="account-filter">Filter accounts by name, ID or email</label>
<input type="search" id="account-filter" name="q" value="${query}" autocomplete="off"><button type="submit">Filter</button></form>
<p class="count" id="account-count" aria-live="polite">${count}</p>
<ul class="accounts" id="account-list" data-total="${total}">${accounts.map((a) => accountItem(a, matchesFilter(a.account, query)))}</ul>`;
  return portalPage('Accounts', frame, body);
}
