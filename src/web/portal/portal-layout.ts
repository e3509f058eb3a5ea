// The frame of every access portal page: a header with the user and sign-out, the tabs, and the
// page. Styles and the script are files served by Gatehouse (/start/assets/), never inline, so
// the pages' Content-Security-Policy can refuse every inline script.

import { html, type Html } from '../html.js';
import { hidden } from '../layout.js';

export type PortalTab = 'accounts' | 'applications' | 'settings' | undefined;

export interface PortalFrame {
  readonly userName: string;
  readonly csrf: string;
  readonly tab: PortalTab;
}

const tabLink = (frame: PortalFrame, tab: PortalTab, href: string, label: string) =>
  html`<a href="${href}"${frame.tab === tab ? html` aria-current="page"` : ''}>${label}</a>`;

export const portalPage = (title: string, frame: PortalFrame, body: Html): Html => html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Gatehouse access portal</title><link rel="stylesheet" href="/start/assets/portal.css">
<script src="/start/assets/portal.js" defer></script></head>
<body><a class="skip" href="#content">Skip to content</a>
<header class="top"><span class="brand">Gatehouse</span><span class="who">Signed in as <strong>${frame.userName}</strong></span>
<form method="post" action="/signout">${hidden({ csrf: frame.csrf })}<button type="submit" class="link">Sign out</button></form></header>
<nav class="tabs" aria-label="Access portal">${tabLink(frame, 'accounts', '/start', 'Accounts')}${tabLink(frame, 'applications', '/start/applications', 'Applications')}${tabLink(frame, 'settings', '/start/settings', 'Settings')}</nav>
<main id="content" tabindex="-1">${body}</main></body></html>`;
