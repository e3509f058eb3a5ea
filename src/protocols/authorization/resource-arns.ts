// The resources a call touches, as ARNs, so the policy engine can match `Resource` elements.
// The catalog gives each action's resource types as ARN templates; a template is filled from
// the request: an input ARN that fits it is used as it is, otherwise its variables are filled
// from input members (ARN_VARIABLES), and a variable nothing fills becomes `*`.

import type { ActionInfo, ResourceTypeRef } from './action-catalog.js';
import { ARN_VARIABLES, type ArnFacts } from './arn-variables.js';

const VARIABLE = /\$\{(\w+)\}/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template split once into literal text and variables, with its pattern over whole ARNs. */
interface CompiledTemplate {
  /** Literal text at even indexes, variable names at odd ones. */
  readonly parts: readonly string[];
  /** Per variable index: the literal id prefix the template writes before it (`o-`, `ou-`). */
  readonly prefixes: readonly (string | undefined)[];
  readonly pattern: RegExp;
}

const compiled = new Map<string, CompiledTemplate>();

const compile = (template: string): CompiledTemplate => {
  let c = compiled.get(template);
  if (c) return c;
  const parts = template.split(VARIABLE);
  const prefixes = parts.map((part, i) => (i % 2 === 1 ? /[a-z]+-$/.exec(parts[i - 1])?.[0] : undefined));
  // Account-like variables stay within one ARN segment; names may span several.
  const source = parts
    .map((part, i) => (i % 2 === 0 ? escapeRegExp(part) : part === 'Partition' || part === 'Account' || part === 'Region' ? '[^:]*' : '.+'))
    .join('');
  c = { parts, prefixes, pattern: new RegExp(`^${source}$`) };
  compiled.set(template, c);
  return c;
};

const inputArns = (input: Record<string, unknown>): string[] =>
  Object.values(input).filter((v): v is string => typeof v === 'string' && v.startsWith('arn:'));

/** Fills a template; undefined when an optional type cannot be filled from the request. */
const fill = (type: ResourceTypeRef, input: Record<string, unknown>, arns: readonly string[], facts: ArnFacts): string | undefined => {
  const t = compile(type.arn);
  const direct = arns.find((arn) => t.pattern.test(arn));
  if (direct) return direct;
  let complete = true;
  let arn = '';
  for (let i = 0; i < t.parts.length; i++) {
    if (i % 2 === 0) {
      arn += t.parts[i];
      continue;
    }
    const value = ARN_VARIABLES[t.parts[i]]?.(input, facts);
    if (value === undefined) {
      complete = false;
      arn += '*';
      continue;
    }
    // Templates write literal prefixes (`o-${OrganizationId}`); our ids carry them already.
    const prefix = t.prefixes[i];
    arn += prefix && value.startsWith(prefix) ? value.slice(prefix.length) : value;
  }
  return complete || type.required ? arn : undefined;
};

export const resourceArns = (info: ActionInfo | undefined, input: Record<string, unknown>, facts: ArnFacts): string[] => {
  const given = inputArns(input);
  const arns = (info?.resourceTypes ?? []).map((t) => fill(t, input, given, facts)).filter((a): a is string => a !== undefined);
  return arns.length > 0 ? [...new Set(arns)] : ['*'];
};
