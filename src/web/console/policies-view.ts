// The role's policies, readable: each in a <details> that opens to its document with line
// numbers (the numbers the check's statements refer to), grouped by kind.

import { html, type Html } from '../html.js';
import type { RolePolicies, ShownPolicy } from '../../domain/console/role-policies.js';
import { codeLines } from './code-lines.js';

const policyItem = (p: ShownPolicy) => html`<li><details class="policy" data-policy-id="${p.id}"><summary><span class="name">${p.name}</span>${p.arn ? html`<code class="meta">${p.arn}</code>` : ''}</summary>
${codeLines(p.text)}</details></li>`;

const group = (id: string, title: string, items: readonly ShownPolicy[], empty: string) => html`<section class="policy-group" id="${id}" aria-labelledby="${id}-h"><h3 id="${id}-h">${title}</h3>
${items.length > 0 ? html`<ul class="policies">${items.map(policyItem)}</ul>` : html`<p class="meta">${empty}</p>`}</section>`;

export const policiesView = (p: RolePolicies): Html => html`<section id="policies" class="card" aria-labelledby="policies-h"><h2 id="policies-h">Policies of this role</h2>
${group('aws-managed', 'AWS managed policies', p.identity.filter((x) => x.kind === 'aws-managed'), 'None.')}
${group('customer-managed', 'Customer managed policies', p.identity.filter((x) => x.kind === 'customer-managed'), 'None.')}
${group('inline', 'Inline policy', p.identity.filter((x) => x.kind === 'inline'), 'None.')}
${group('boundary', 'Permissions boundary', p.boundary ? [p.boundary] : [], 'None: only the policies above limit this role.')}
${group('scps', 'Service control policies on this account', p.scps, 'None apply to this account.')}
${p.session.length > 0 ? group('session-policies', 'Session policies', p.session, '') : ''}
</section>`;
