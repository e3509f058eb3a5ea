// The resources a call touches, as ARNs, so the policy engine can match `Resource` elements.
// The catalog gives each action's resource types as ARN templates; a template is filled from
// the request: an input ARN that fits it is used as it is, otherwise its variables are filled
// from input members (ARN_VARIABLES), and a variable nothing fills becomes `*`.

import type { ActionInfo, ResourceTypeRef } from './action-catalog.js';
import { ARN_VARIABLES, type ArnFacts } from './arn-variables.js';

const VARIABLE = /\$\{(\w+)\}/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template as a pattern over complete ARNs: account-like variables stay within a segment. */
const templatePattern = (template: string): RegExp =>
  new RegExp(
    `^${template
      .split(VARIABLE)
      .map((part, i) => (i % 2 === 0 ? escapeRegExp(part) : part === 'Partition' || part === 'Account' || part === 'Region' ? '[^:]*' : '.+'))
      .join('')}$`,
  );

const patterns = new Map<string, RegExp>();
const patternOf = (template: string) => {
  let p = patterns.get(template);
  if (!p) patterns.set(template, (p = templatePattern(template)));
  return p;
};

const inputArns = (input: Record<string, unknown>): string[] =>
  Object.values(input).filter((v): v is string => typeof v === 'string' && v.startsWith('arn:'));

/** Fills a template; undefined when an optional type cannot be filled from the request. */
const fill = (type: ResourceTypeRef, input: Record<string, unknown>, facts: ArnFacts): string | undefined => {
  const direct = inputArns(input).find((arn) => patternOf(type.arn).test(arn));
  if (direct) return direct;
  let complete = true;
  const parts = type.arn.split(VARIABLE);
  const arn = parts
    .map((part, i) => {
      if (i % 2 === 0) return part;
      const value = ARN_VARIABLES[part]?.(input, facts);
      if (value === undefined) {
        complete = false;
        return '*';
      }
      // Templates write literal prefixes (`o-${OrganizationId}`); our ids carry them already.
      const prefix = /[a-z]+-$/.exec(parts[i - 1])?.[0];
      return prefix && value.startsWith(prefix) ? value.slice(prefix.length) : value;
    })
    .join('');
  return complete || type.required ? arn : undefined;
};

export const resourceArns = (info: ActionInfo | undefined, input: Record<string, unknown>, facts: ArnFacts): string[] => {
  const arns = (info?.resourceTypes ?? []).map((t) => fill(t, input, facts)).filter((a): a is string => a !== undefined);
  return arns.length > 0 ? [...new Set(arns)] : ['*'];
};
