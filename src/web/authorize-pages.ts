// The consent page of the authorization code flow: which application, then allow or deny.

import { html } from './html.js';
import { hidden, page } from './layout.js';

export const consentPage = (csrf: string, clientName: string, params: Readonly<Record<string, string>>, redirectUri: string) => {
  const fields = hidden({ csrf, ...params });
  return page('Allow access?', html`<p><strong>${clientName}</strong> is asking for access to your accounts and roles.</p>
<p class="note">After you answer, you are sent back to <code>${redirectUri}</code>.</p>
<form class="inline" method="post" action="/authorize">${fields}<input type="hidden" name="decision" value="allow"><button type="submit">Allow</button></form>
<form class="inline" method="post" action="/authorize">${fields}<input type="hidden" name="decision" value="deny"><button type="submit">Deny</button></form>`);
};
