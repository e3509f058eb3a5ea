// The rules an application's settings must meet. Each check throws a Validation error naming
// the input member (as the admin API spells it), so a bad request says what to fix.

import { X509Certificate } from 'node:crypto';
import { invalid } from '../../lib/errors.js';
import { parseIsoDuration } from '../../lib/iso-duration.js';
import type { ApplicationTemplate, AttributeMapping, NameIdFormat } from './application.js';
import { AWS_ROLE_ATTRIBUTE } from './aws-account-template.js';
import { parseTemplate } from './value-template.js';

export const TEMPLATES: readonly ApplicationTemplate[] = ['custom', 'aws-account'];
export const NAME_ID_FORMATS: readonly NameIdFormat[] = ['persistent', 'emailAddress', 'unspecified', 'transient'];
export const MAX_NAME_LENGTH = 64;
export const MAX_DESCRIPTION_LENGTH = 1024;
export const MAX_URL_LENGTH = 1024;
export const MAX_RELAY_STATE_LENGTH = 240;
export const MAX_ATTRIBUTE_MAPPINGS = 50;
export const MAX_ATTRIBUTE_NAME_LENGTH = 256;
export const MIN_SESSION_SECONDS = 15 * 60;
export const MAX_SESSION_SECONDS = 12 * 3600;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const text = (field: string, v: unknown, max: number): string => {
  if (typeof v !== 'string' || v.trim().length === 0) throw invalid(field, `${field} must not be empty.`);
  if (v.length > max) throw invalid(field, `${field} must be at most ${max} characters.`);
  if (CONTROL.test(v)) throw invalid(field, `${field} must not contain control characters.`);
  return v;
};

export const checkName = (v: unknown): string => text('Name', typeof v === 'string' ? v.trim() : v, MAX_NAME_LENGTH);

export const checkDescription = (v: unknown): string | undefined =>
  v === undefined || v === '' ? undefined : text('Description', v, MAX_DESCRIPTION_LENGTH);

export const checkTemplate = (v: unknown): ApplicationTemplate => {
  if (v === undefined) return 'custom';
  if (!TEMPLATES.includes(v as ApplicationTemplate)) throw invalid('Template', `Template must be one of ${TEMPLATES.join(', ')}.`);
  return v as ApplicationTemplate;
};

const url = (field: string, v: unknown, max: number): URL => {
  const s = text(field, v, max);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw invalid(field, `${field} must be an absolute URL.`);
  }
  if (u.username || u.password) throw invalid(field, `${field} must not carry a user name or password.`);
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return u;
  throw invalid(field, `${field} must be an https URL (http only for localhost and 127.0.0.1).`);
};

/** The SP's Assertion Consumer Service: https, or http on the loopback for local SPs. */
export const checkAcsUrl = (v: unknown): string => {
  const u = url('AcsUrl', v, MAX_URL_LENGTH);
  if (u.hash) throw invalid('AcsUrl', 'AcsUrl must not have a fragment.');
  return v as string;
};

export const checkAudience = (v: unknown): string => text('Audience', v, MAX_URL_LENGTH);

export const checkRelayState = (v: unknown): string | undefined =>
  v === undefined || v === '' ? undefined : (url('RelayState', v, MAX_RELAY_STATE_LENGTH), v as string);

export const checkNameIdFormat = (v: unknown): NameIdFormat => {
  if (!NAME_ID_FORMATS.includes(v as NameIdFormat)) throw invalid('NameIdFormat', `NameIdFormat must be one of ${NAME_ID_FORMATS.join(', ')}.`);
  return v as NameIdFormat;
};

/** A NameID has exactly one value, so `${user:groups}` is refused. */
export const checkNameIdSource = (v: unknown): string => {
  parseTemplate(v as string, 'NameIdSource', 'NameIdSource', true);
  return v as string;
};

/** ISO 8601, PT15M..PT12H (AWS's SessionDuration is 900..43200 seconds). */
export const checkSessionDuration = (v: unknown): string => {
  const seconds = typeof v === 'string' ? parseIsoDuration(v) : undefined;
  if (seconds === undefined) throw invalid('SessionDuration', 'SessionDuration must be an ISO 8601 duration such as PT1H.');
  if (seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
    throw invalid('SessionDuration', 'SessionDuration must be between PT15M and PT12H.');
  }
  return v as string;
};

export function checkAttributeMappings(v: unknown, template: ApplicationTemplate): AttributeMapping[] {
  if (!Array.isArray(v)) throw invalid('AttributeMappings', 'AttributeMappings must be a list of name and value pairs.');
  if (v.length > MAX_ATTRIBUTE_MAPPINGS) throw invalid('AttributeMappings', `At most ${MAX_ATTRIBUTE_MAPPINGS} attribute mappings.`);
  const names = new Set<string>();
  return v.map((m: Partial<AttributeMapping> | null, i) => {
    const field = `AttributeMappings[${i}]`;
    const name = text(`${field}.Name`, m?.name, MAX_ATTRIBUTE_NAME_LENGTH);
    if (names.has(name)) throw invalid(`${field}.Name`, `The attribute ${name} is mapped twice.`);
    if (template === 'aws-account' && name === AWS_ROLE_ATTRIBUTE) {
      throw invalid(`${field}.Name`, `${AWS_ROLE_ATTRIBUTE} comes from the assignments' roles; it cannot be mapped.`);
    }
    names.add(name);
    parseTemplate(m?.value as string, `${field}.Value`, `the mapping of ${name}`);
    return { name, value: m!.value! };
  });
}

/** A PEM X.509 certificate the SP signs AuthnRequests with; an expired one is refused. */
export const checkSpCertificate = (v: unknown, now: number): string | undefined => {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || !v.includes('-----BEGIN CERTIFICATE-----')) {
    throw invalid('SpCertificatePem', 'SpCertificatePem must be an X.509 certificate in PEM form.');
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(v);
  } catch {
    throw invalid('SpCertificatePem', 'SpCertificatePem is not a valid X.509 certificate.');
  }
  if (Date.parse(cert.validTo) < now) throw invalid('SpCertificatePem', `SpCertificatePem expired on ${cert.validTo}.`);
  return v.trim();
};
