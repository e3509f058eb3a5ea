// Policy text in a <pre>, one span per line with its line number, so a statement's place in
// the document can be read off (the numbers are styled, not part of the selectable text).

import { html, type Html } from '../html.js';

export const codeLines = (text: string, firstLine = 1): Html =>
  html`<pre class="code"><code>${text.split('\n').map((line, i) => html`<span class="ln" aria-hidden="true">${String(firstLine + i)}</span>${line}\n`)}</code></pre>`;
