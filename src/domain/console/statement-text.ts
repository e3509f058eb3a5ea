// The text of one statement of a policy, cut out of the document as shown, with the line it
// starts on: statementSpans finds where each statement begins and ends.

import { statementSpans } from '../../policy/index.js';

export interface StatementText {
  readonly text: string;
  /** 1-based line of the document the statement starts on. */
  readonly firstLine: number;
}

/** `path` is the engine's place of a statement, `Statement[2]...` (or `Statement` for a lone one). */
export const statementIndex = (path: string): number => Number(/^Statement\[(\d+)\]/.exec(path)?.[1] ?? 0);

export function statementText(document: string, path: string): StatementText | undefined {
  const span = statementSpans(document)[statementIndex(path)];
  if (!span) return undefined;
  const lines = document.split('\n').slice(span.start.line - 1, span.end.line);
  if (lines.length === 0) return undefined;
  const last = lines.length - 1;
  // Cut the last line first: on a one-line statement both cuts are on the same line.
  lines[last] = lines[last]!.slice(0, span.end.column);
  lines[0] = ' '.repeat(span.start.column - 1) + lines[0]!.slice(span.start.column - 1);
  return { text: lines.join('\n'), firstLine: span.start.line };
}
