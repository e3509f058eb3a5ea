// The request context of an AssumeRoleWithSAML decision: the SAML: keys trust policies test
// (AWS "Available keys for SAML-based federation"), the session's tags, name and source
// identity, and the request's global keys.

import { createHash } from 'node:crypto';
import type { ContextValue } from '../../policy/index.js';
import { requestGlobals } from '../authorization/request-context.js';
import type { SamlClaims } from './assume-role-with-saml-claims.js';
import type { SamlSessionRequest } from './assume-role-with-saml-session.js';

export interface SamlContextFacts {
  readonly claims: SamlClaims;
  readonly session: SamlSessionRequest;
  readonly recipient: string;
  readonly providerAccountId: string;
  readonly providerName: string;
  readonly now: number;
  readonly sourceIp: string;
  readonly secureTransport: boolean;
  readonly region: string;
}

/** `persistent` and `transient` by their short names, as AWS reports SubjectType; others in full. */
export const subjectType = (format: string | undefined): string => {
  const m = /^urn:oasis:names:tc:SAML:2\.0:nameid-format:(persistent|transient)$/.exec(format ?? '');
  return m ? m[1]! : (format ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified');
};

/** AWS's NameQualifier: base64(SHA-1(issuer + account id + "/" + provider name)). */
export const nameQualifier = (issuer: string, accountId: string, providerName: string): string =>
  createHash('sha1').update(`${issuer}${accountId}/${providerName}`).digest('base64');

export function samlContext(f: SamlContextFacts): Record<string, ContextValue> {
  const c = f.claims;
  const ctx: Record<string, ContextValue> = {
    ...requestGlobals(f),
    'aws:ResourceAccount': f.providerAccountId,
    'aws:FederatedProvider': `arn:aws:iam::${f.providerAccountId}:saml-provider/${f.providerName}`,
    'SAML:aud': f.recipient,
    'SAML:iss': c.issuer,
    'SAML:sub': c.nameId,
    'SAML:sub_type': subjectType(c.nameIdFormat),
    'SAML:namequalifier': nameQualifier(c.issuer, f.providerAccountId, f.providerName),
    'SAML:doc': `${f.providerAccountId}/${f.providerName}`,
    'sts:RoleSessionName': f.session.sessionName,
  };
  if (f.session.sourceIdentity !== undefined) ctx['sts:SourceIdentity'] = f.session.sourceIdentity;
  if (f.session.tags.length > 0) {
    for (const t of f.session.tags) ctx[`aws:RequestTag/${t.key}`] = t.value;
    ctx['aws:TagKeys'] = f.session.tags.map((t) => t.key);
  }
  if (f.session.transitiveTagKeys.length > 0) ctx['sts:TransitiveTagKeys'] = [...f.session.transitiveTagKeys];
  return ctx;
}
