// JSON syntax is checked before the grammar, as Access Analyzer does, so the author learns
// the line and column rather than a grammar message about a document that never parsed.

import { finding, type Finding } from './finding.js';

/** The line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** V8 names the offending offset as "at position N" (Node 20) or "(line L column C)" (Node 22+). */
function describe(text: string, message: string): string {
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const { line, column } = lineColumn(text, Number(pos[1]));
    return `Fix the JSON syntax error at line ${line}, column ${column}: ${message}`;
  }
  return `Fix the JSON syntax error: ${message}`;
}

export type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly finding: Finding };

export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, finding: finding('ERROR', 'JSON_SYNTAX_ERROR', '', describe(text, message)) };
  }
}
