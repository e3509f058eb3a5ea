// Where each statement of a policy's text begins and ends, as 1-based line and column: the IAM
// simulator reports matched statements by position. A small scanner over the JSON text, since
// JSON.parse keeps no positions.

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export interface StatementSpan {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

const positionAt = (text: string, offset: number): TextPosition => {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
};

/** The end offset (exclusive) of the JSON value starting at `i`. */
const valueEnd = (text: string, i: number): number => {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"') {
      for (j++; j < text.length && text[j] !== '"'; j++) if (text[j] === '\\') j++;
      if (depth === 0) return j + 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return j + 1;
    } else if (depth === 0 && /[,\s}\]]/.test(text[j + 1] ?? ',')) return j + 1;
  }
  return text.length;
};

const skipSpace = (text: string, i: number) => {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
};

/** Spans of the statements, in order; empty when the text has no top-level `Statement`. */
export function statementSpans(text: string): StatementSpan[] {
  const key = /"Statement"\s*:/g;
  let depth = 0;
  let at = -1;
  for (let i = 0; i < text.length && at < 0; i++) {
    const c = text[i];
    if (c === '"') {
      if (depth === 1 && text.startsWith('"Statement"', i)) {
        key.lastIndex = i;
        const m = key.exec(text);
        if (m && m.index === i) at = i + m[0].length;
      }
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  if (at < 0) return [];
  let i = skipSpace(text, at);
  // `to` is exclusive; a span ends on the statement's last character.
  const span = (from: number, to: number) => ({ start: positionAt(text, from), end: positionAt(text, to - 1) });
  if (text[i] !== '[') return [span(i, valueEnd(text, i))];
  const spans: StatementSpan[] = [];
  for (i = skipSpace(text, i + 1); i < text.length && text[i] !== ']'; ) {
    const end = valueEnd(text, i);
    spans.push(span(i, end));
    i = skipSpace(text, end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return spans;
}
