// The answer to "Check access": Allowed or Denied (explicit or implicit, and by which layer),
// AWS's sentence for it, and the statements that decided, each with its policy, Sid and text.

import { html, type Html } from '../html.js';
import { TYPE_WORDS, withArticle } from '../../domain/authorization/denial-message.js';
import type { CheckedStatement, CheckResult } from '../../domain/console/check-access.js';
import { codeLines } from './code-lines.js';

const headline = (r: CheckResult): string => {
  if (r.decision === 'Allow') return 'Allowed';
  const layer = TYPE_WORDS[r.layer ?? 'identity'];
  return r.decision === 'ExplicitDeny' ? `Denied: explicit deny in ${withArticle(layer)}` : `Denied: implicitly, no ${layer} allows it`;
};

/** Where on the account's path an SCP applied: level 0 is the root, the last is the account. */
const levelText = (level: number | undefined) => (level === undefined ? '' : level === 0 ? ' (at the root)' : ` (level ${level} below the root)`);

const statementView = (s: CheckedStatement) => html`<li class="statement ${s.effect === 'Deny' ? 'deny' : 'allow'}">
<p><strong class="policy-name">${s.policyName}</strong> <span class="meta">${TYPE_WORDS[s.policyType]}${levelText(s.level)}</span>
<span class="meta">${s.sid === undefined ? 'no Sid' : html`Sid <code class="sid">${s.sid}</code>`}</span>
<span class="meta">${s.firstLine === undefined ? '' : `line ${s.firstLine}`}</span></p>
${s.text === undefined ? html`<p class="meta">${s.policyId}</p>` : codeLines(s.text, s.firstLine)}</li>`;

export const checkResultView = (r: CheckResult): Html => html`<div id="check-result" class="card result ${r.decision === 'Allow' ? 'allowed' : 'denied'}" role="status" tabindex="-1">
<h3 class="verdict">${headline(r)}</h3>
<p class="request"><code>${r.request.action}</code> on <code>${r.request.resource}</code></p>
<p class="sentence">${r.message}</p>
${r.statements.length > 0
  ? html`<h4>${r.decision === 'ExplicitDeny' ? 'Denying statements' : r.decision === 'Allow' ? 'Allowing statements' : 'Statements that allow it in other layers'}</h4><ol class="statements">${r.statements.map(statementView)}</ol>`
  : html`<p class="meta">No statement matched this request.</p>`}
${r.missingContextKeys.length > 0 ? html`<p class="meta">Context keys the policies use that the check did not supply: ${r.missingContextKeys.join(', ')}</p>` : ''}
</div>`;
