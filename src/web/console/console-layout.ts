// The frame of every console page: a header with who is signed in to which account and role, a
// way back to the portal, and Sign out (a POST with the console's CSRF token). Styles and the
// script are files served by Gatehouse (/console/assets/), never inline.

import { html, type Html } from '../html.js';
import { hidden } from '../layout.js';

export interface ConsoleFrame {
  readonly accountName: string;
  readonly accountId: string;
  readonly roleLabel: string;
  readonly sessionName: string;
  readonly csrf: string;
}

export const consolePage = (title: string, frame: ConsoleFrame, body: Html): Html => html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Gatehouse console</title><link rel="stylesheet" href="/console/assets/console.css">
<script src="/console/assets/console.js" defer></script></head>
<body><a class="skip" href="#content">Skip to content</a>
<header class="top"><span class="brand">Gatehouse console</span>
<span class="who">${frame.sessionName} @ <strong>${frame.accountName}</strong> (${frame.accountId}) as ${frame.roleLabel}</span>
<a href="/start">Access portal</a>
<form method="post" action="/console/signout">${hidden({ csrf: frame.csrf })}<button type="submit" class="link">Sign out</button></form></header>
<main id="content" tabindex="-1">${body}</main></body></html>`;

/** A page for when there is no console to show (a refused sign-in): no header, no script needed. */
export const consoleMessagePage = (title: string, message: string): Html => html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Gatehouse console</title><link rel="stylesheet" href="/console/assets/console.css"></head>
<body><header class="top"><span class="brand">Gatehouse console</span></header>
<main id="content"><h1>${title}</h1><p class="card error" role="alert">${message}</p><p><a href="/start">Back to the access portal</a></p></main></body></html>`;
