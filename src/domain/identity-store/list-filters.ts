// The deprecated `Filters` of ListUsers and ListGroups: at most one filter (the model's
// `Filters` list has max 1), on `UserName` (users) or `DisplayName` (groups), exact match
// (without regard to case, as those attributes are unique without regard to case).

import { invalid } from './errors.js';

export interface Filter {
  readonly AttributePath: string;
  readonly AttributeValue: string;
}

/** The single filter value for `attribute`, or undefined when there is no filter. */
export const filterValue = (filters: readonly Filter[] | undefined, attribute: 'UserName' | 'DisplayName'): string | undefined => {
  if (filters === undefined || filters === null || filters.length === 0) return undefined;
  if (filters.length > 1) throw invalid('Filters', 'Filters must have at most 1 item.');
  const [f] = filters;
  if (typeof f?.AttributePath !== 'string' || f.AttributePath.toLowerCase() !== attribute.toLowerCase()) {
    throw invalid('Filters', `The attribute path ${String(f?.AttributePath)} is not supported as a filter; use ${attribute}.`);
  }
  if (typeof f.AttributeValue !== 'string' || f.AttributeValue.length === 0) {
    throw invalid('Filters', 'A filter needs a non-empty AttributeValue.');
  }
  return f.AttributeValue;
};
