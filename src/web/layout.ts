// The frame of every sign-in page: no scripts, no external resources, a message slot.

import { html, Html } from './html.js';

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
h1{font-size:1.3rem;margin-top:0}label{display:block;margin:.8rem 0 .3rem}input[type=text],input[type=password]{width:100%;padding:.5rem;box-sizing:border-box;font-size:1rem}
button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem}.error{color:#a00;background:#fee;padding:.6rem;border-radius:4px}.note{color:#555;font-size:.9rem}
code{word-break:break-all;background:#eee;padding:.1rem .3rem}.code{font-size:1.6rem;letter-spacing:.2rem;font-family:monospace}form.inline{display:inline}`;

export const page = (title: string, body: Html, message?: string): Html => html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Gatehouse</title><style>${new Html(STYLE)}</style></head>
<body><main><h1>${title}</h1>${message ? html`<p class="error" role="alert">${message}</p>` : ''}${body}</main></body></html>`;

/** The hidden inputs every form carries. */
export const hidden = (fields: Readonly<Record<string, string | undefined>>): Html =>
  html`${Object.entries(fields).map(([k, v]) => (v === undefined ? '' : html`<input type="hidden" name="${k}" value="${v}">`))}`;
