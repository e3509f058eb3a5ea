// Helpers for driving the security key forms without a browser: find the form our script
// would run, read its options, and post the software authenticator's answer as the script does.

import assert from 'node:assert/strict';
import type { Browser, PageResponse } from '../support/browser.js';

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#96;/g, '`').replace(/&amp;/g, '&');

const formsTo = (page: PageResponse, action: string) =>
  [...page.text.matchAll(/<form([^>]*)action="([^"]*)"([^>]*)>/g)].filter((m) => m[2] === action).map((m) => `${m[1]} ${m[3]}`);

/** The WebAuthn options of the page's security key form posting to `action`, and that form's index. */
export const keyForm = (page: PageResponse, action: string): { options: { challenge: string }; pick: number } => {
  const forms = formsTo(page, action);
  const pick = forms.findIndex((attrs) => attrs.includes('data-webauthn='));
  assert.ok(pick >= 0, `no security key form posting to ${action} on ${page.url}`);
  const encoded = /data-options="([^"]*)"/.exec(forms[pick]!)![1]!;
  return { options: JSON.parse(unescape(encoded)) as { challenge: string }, pick };
};

/** Posts `answer` (the authenticator's JSON) through the page's security key form. */
export const postKeyAnswer = (browser: Browser, page: PageResponse, action: string, answer: unknown, fields: Record<string, string> = {}) =>
  browser.submit(page, action, { ...fields, webauthn: JSON.stringify(answer) }, keyForm(page, action).pick);
