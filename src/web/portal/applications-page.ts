// The Applications tab: the SAML applications the user holds. Each opens through a form that
// posts (with the CSRF token) to its launch URL, which signs a response and sends the browser
// on to the application. Without any, it says so plainly.

import { html } from '../html.js';
import { hidden } from '../layout.js';
import type { Application, AwsRolePair } from '../../domain/applications/application.js';
import { portalPage, type PortalFrame } from './portal-layout.js';

export interface PortalApplication {
  readonly application: Application;
  readonly awsRoles: readonly AwsRolePair[];
}

export const launchPath = (applicationId: string) => `/start/applications/${encodeURIComponent(applicationId)}/launch`;

const roleNames = (roles: readonly AwsRolePair[]) => roles.map((r) => r.roleArn.slice(r.roleArn.indexOf(':role/') + 6)).join(', ');

const item = (frame: PortalFrame, { application: a, awsRoles }: PortalApplication) => html`<li>
<span class="role-name">${a.name}</span><span class="role-desc">${a.description ?? ''}${
  awsRoles.length > 0 ? html`${a.description ? ' · ' : ''}Roles: ${roleNames(awsRoles)}` : ''
}</span><form method="post" action="${launchPath(a.applicationId)}">${hidden({ csrf: frame.csrf })}<button type="submit" aria-label="Open ${a.name}">Open</button></form></li>`;

export const applicationsPage = (frame: PortalFrame, applications: readonly PortalApplication[] = []) =>
  portalPage(
    'Applications',
    frame,
    applications.length === 0
      ? html`<h1>Applications</h1>
<div class="card empty"><p><strong>No applications are assigned to you yet.</strong></p><p>Applications your administrator assigns to you will appear here.</p></div>`
      : html`<h1>Applications</h1><ul class="roles card" id="application-list" aria-label="Your applications">${applications.map((a) => item(frame, a))}</ul>`,
  );
