// The Applications tab. SAML applications are not assignable yet, so it says so plainly.

import { html } from '../html.js';
import { portalPage, type PortalFrame } from './portal-layout.js';

export const applicationsPage = (frame: PortalFrame) =>
  portalPage('Applications', frame, html`<h1>Applications</h1>
<div class="card empty"><p><strong>No applications are assigned to you yet.</strong></p><p>Applications your administrator assigns to you will appear here.</p></div>`);
