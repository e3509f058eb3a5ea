// The members of sso-oidc's inputs, type-checked as the model declares them (strings and
// string lists); a wrong type or a missing required member is InvalidRequestException.

import { oauthError } from '../../domain/oidc/oidc-errors.js';

export const requiredString = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  if (typeof v !== 'string' || v === '') throw oauthError('invalid_request', `${name} is required.`);
  return v;
};

export const optionalString = (body: Record<string, unknown>, name: string): string | undefined => {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw oauthError('invalid_request', `${name} must be a string.`);
  return v;
};

export const optionalStrings = (body: Record<string, unknown>, name: string): string[] | undefined => {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw oauthError('invalid_request', `${name} must be a list of strings.`);
  return v as string[];
};
