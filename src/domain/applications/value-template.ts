// Value templates of NameID sources and attribute mappings: literal text with `${kind:key}`
// variables. Parsed when an application is written, so a typo is refused then and not at
// sign-on; rendered per user at sign-on by saml-claims.ts.

import { invalid } from '../../lib/errors.js';
import { checkUserPath } from './user-path.js';

/** The `${user:...}` variables; `groups` is the one with many values. */
export const USER_VARIABLES = ['email', 'subject', 'userName', 'displayName', 'givenName', 'familyName', 'groups'] as const;
export type UserVariable = (typeof USER_VARIABLES)[number];

/** The `${app:...}` variables: facts of the application itself. */
export const APP_VARIABLES = ['sessionDurationSeconds'] as const;
export type AppVariable = (typeof APP_VARIABLES)[number];

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'user'; readonly name: UserVariable }
  | { readonly kind: 'app'; readonly name: AppVariable }
  | { readonly kind: 'path'; readonly path: string };

export const MAX_TEMPLATE_LENGTH = 1024;

const VARIABLE = /\$\{([^}]*)\}/g;

const variable = (body: string, where: string): TemplatePart => {
  const colon = body.indexOf(':');
  const kind = colon < 0 ? body : body.slice(0, colon);
  const key = colon < 0 ? '' : body.slice(colon + 1);
  if (kind === 'user' && (USER_VARIABLES as readonly string[]).includes(key)) return { kind: 'user', name: key as UserVariable };
  if (kind === 'app' && (APP_VARIABLES as readonly string[]).includes(key)) return { kind: 'app', name: key as AppVariable };
  if (kind === 'path') {
    const problem = checkUserPath(key);
    if (problem === undefined) return { kind: 'path', path: key };
    throw new Error(`\${path:${key}}: ${problem}`);
  }
  const known = [...USER_VARIABLES.map((v) => `\${user:${v}}`), ...APP_VARIABLES.map((v) => `\${app:${v}}`), '${path:...}'];
  throw new Error(`unknown variable \${${body}} in ${where} (known: ${known.join(', ')})`);
};

/**
 * Parses a template. `field` names the input member in the error, `where` the mapping (its
 * attribute name) in the message; `single` refuses the many-valued `${user:groups}`.
 */
export function parseTemplate(text: string, field: string, where: string, single = false): TemplatePart[] {
  if (typeof text !== 'string' || text.length === 0) throw invalid(field, `The value of ${where} must not be empty.`);
  if (text.length > MAX_TEMPLATE_LENGTH) throw invalid(field, `The value of ${where} is longer than ${MAX_TEMPLATE_LENGTH} characters.`);
  const parts: TemplatePart[] = [];
  let last = 0;
  try {
    for (const m of text.matchAll(VARIABLE)) {
      if (m.index > last) parts.push({ kind: 'text', text: text.slice(last, m.index) });
      parts.push(variable(m[1]!, where));
      last = m.index + m[0].length;
    }
  } catch (e) {
    throw invalid(field, `The value of ${where} is not valid: ${(e as Error).message}.`);
  }
  const rest = text.slice(last);
  if (rest.includes('${')) throw invalid(field, `The value of ${where} has a \${ without its closing }.`);
  if (rest.length > 0) parts.push({ kind: 'text', text: rest });
  const groups = parts.filter((p) => p.kind === 'user' && p.name === 'groups').length;
  if (groups > 0 && single) throw invalid(field, `The value of ${where} may not use \${user:groups}: it needs exactly one value.`);
  if (groups > 1) throw invalid(field, `The value of ${where} may use \${user:groups} only once.`);
  return parts;
}

/** What rendering reads: every variable's values (one each, except groups). */
export interface TemplateValues {
  user(name: UserVariable): readonly string[];
  app(name: AppVariable): string | undefined;
  path(path: string): string | undefined;
}

/**
 * The template's values: one, or one per group with `${user:groups}`. A variable that resolves
 * to nothing makes the whole template resolve to nothing (no half-filled values).
 */
export function renderTemplate(parts: readonly TemplatePart[], values: TemplateValues): string[] {
  let out: string[] = [''];
  for (const p of parts) {
    const next: readonly string[] =
      p.kind === 'text' ? [p.text] : p.kind === 'user' ? values.user(p.name) : present(p.kind === 'app' ? values.app(p.name) : values.path(p.path));
    if (next.length === 0) return [];
    out = out.flatMap((prefix) => next.map((v) => prefix + v));
  }
  return out.filter((v) => v.length > 0);
}

const present = (v: string | undefined): readonly string[] => (v === undefined || v === '' ? [] : [v]);
