// The /device pages: enter (or confirm) the code the device shows, then allow or deny the
// named application.

import { html } from './html.js';
import { hidden, page } from './layout.js';

export const enterCodePage = (csrf: string, userCode: string, message?: string) =>
  page('Authorize a device', html`<p>Enter the code shown by the application or device you are signing in to.</p>
<form method="post" action="/device">${hidden({ csrf })}<label for="user_code">Code</label>
<input type="text" id="user_code" name="user_code" value="${userCode}" autocomplete="off" autocapitalize="characters" autofocus required>
<button type="submit">Next</button></form>`, message);

export const confirmDevicePage = (csrf: string, clientName: string, userCode: string) =>
  page('Allow access?', html`<p><strong>${clientName}</strong> is asking for access to your accounts and roles with the code</p>
<p class="code">${userCode}</p><p class="note">Allow only if you started this yourself and the device shows the same code.</p>
<form class="inline" method="post" action="/device/confirm">${hidden({ csrf, user_code: userCode, decision: 'allow' })}<button type="submit">Allow</button></form>
<form class="inline" method="post" action="/device/confirm">${hidden({ csrf, user_code: userCode, decision: 'deny' })}<button type="submit">Deny</button></form>`);
