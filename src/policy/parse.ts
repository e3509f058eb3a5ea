// JSON policy text (or an already-parsed object) → the immutable AST of ast.ts. Only the
// grammar is checked here; whether names and values make sense is the validator's job.

import type { PolicyDocument, Statement } from './ast.js';
import { PolicyParseError } from './policy-parse-error.js';
import { parseStatement } from './parse-statement.js';
import { deepFreeze, isPlainObject } from './parse-helpers.js';

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const VERSIONS = new Set(['2012-10-17', '2008-10-17']);

export function parsePolicy(json: string | object): PolicyDocument {
  const root = typeof json === 'string' ? parseJson(json) : json;
  if (!isPlainObject(root)) throw new PolicyParseError('A policy document must be a JSON object', '');
  for (const key of Object.keys(root)) {
    if (!TOP_LEVEL.has(key)) throw new PolicyParseError(`Unknown top-level element "${key}"`, key);
  }
  const version = root['Version'];
  if (version !== undefined && (typeof version !== 'string' || !VERSIONS.has(version))) {
    throw new PolicyParseError('Version must be "2012-10-17" or "2008-10-17"', 'Version');
  }
  const id = root['Id'];
  if (id !== undefined && typeof id !== 'string') throw new PolicyParseError('Id must be a string', 'Id');
  const raw = root['Statement'];
  if (raw === undefined) throw new PolicyParseError('Statement is required', 'Statement');
  const singleStatement = !Array.isArray(raw);
  const list: unknown[] = singleStatement ? [raw] : (raw as unknown[]);
  const statements: Statement[] = list.map((s, i) =>
    parseStatement(s, i, singleStatement ? 'Statement' : `Statement[${i}]`),
  );
  return deepFreeze({
    kind: 'policy',
    version: version as PolicyDocument['version'],
    id,
    statements,
    singleStatement,
    path: '',
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PolicyParseError(`Policy is not valid JSON: ${(e as Error).message}`, '');
  }
}
