// The portal API's query parameters: `account_id`, `role_name`, `next_token`, `max_result`
// (1 to 100, as MaxResultType says).

import { invalid } from '../../lib/errors.js';
import type { PageRequest } from '../../domain/permission-sets/page.js';

type Query = Readonly<Record<string, unknown>>;

export function queryString(query: Query, name: string, required: true): string;
export function queryString(query: Query, name: string, required?: false): string | undefined;
export function queryString(query: Query, name: string, required = false): string | undefined {
  const v = query[name];
  if (Array.isArray(v)) throw invalid(name, `${name} must be given once.`);
  if (typeof v !== 'string' || v === '') {
    if (required) throw invalid(name, `${name} is required.`);
    return undefined;
  }
  return v;
}

export const accountId = (query: Query): string => {
  const id = queryString(query, 'account_id', true);
  if (!/^\d{12}$/.test(id)) throw invalid('account_id', 'account_id must be a 12-digit account id.');
  return id;
};

export const pageRequest = (query: Query): PageRequest => {
  const text = queryString(query, 'max_result');
  const max = text === undefined ? undefined : Number(text);
  if (max !== undefined && (!/^\d+$/.test(text!) || max < 1 || max > 100)) throw invalid('max_result', 'max_result must be between 1 and 100.');
  const nextToken = queryString(query, 'next_token');
  return { ...(max !== undefined ? { maxResults: max } : {}), ...(nextToken !== undefined ? { nextToken } : {}) };
};
