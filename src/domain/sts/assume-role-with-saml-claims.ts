// What a verified Assertion says, read only from that element (never from the Response around
// it): issuer, subject, the time window, audiences, bearer confirmations and attributes.

import type { Element } from '@xmldom/xmldom';
import { invalidSamlResponse } from './assume-role-with-saml-errors.js';
import { childElements, NS, onlyChild, simpleText } from './assume-role-with-saml-xml.js';

export interface BearerConfirmation {
  readonly recipient?: string;
  readonly notOnOrAfter?: number;
  readonly notBefore?: number;
}

export interface SamlClaims {
  readonly assertionId: string;
  readonly issuer: string;
  readonly nameId: string;
  readonly nameIdFormat?: string;
  readonly notBefore?: number;
  readonly notOnOrAfter?: number;
  /** One list per AudienceRestriction; each must name us. */
  readonly audienceRestrictions: readonly (readonly string[])[];
  readonly confirmations: readonly BearerConfirmation[];
  readonly sessionNotOnOrAfter?: number;
  readonly attributes: ReadonlyMap<string, readonly string[]>;
}

const A = NS.assertion;
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

const time = (el: Element, name: string): number | undefined => {
  const v = el.getAttribute(name);
  if (v === null || v === '') return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms) || !/^\d{4}-\d\d-\d\dT/.test(v)) throw invalidSamlResponse(`${name} is not a time`);
  return ms;
};

const required = (el: Element | undefined, what: string): Element => {
  if (!el) throw invalidSamlResponse(`the assertion has no ${what}`);
  return el;
};

export function readClaims(assertion: Element): SamlClaims {
  const subject = required(onlyChild(assertion, A, 'Subject'), 'Subject');
  const nameIdEl = required(onlyChild(subject, A, 'NameID'), 'NameID');
  const conditions = onlyChild(assertion, A, 'Conditions');
  const confirmations = childElements(subject, A, 'SubjectConfirmation')
    .filter((c) => c.getAttribute('Method') === BEARER)
    .map((c): BearerConfirmation => {
      const data = onlyChild(c, A, 'SubjectConfirmationData');
      if (!data) return {};
      const recipient = data.getAttribute('Recipient');
      const notOnOrAfter = time(data, 'NotOnOrAfter');
      const notBefore = time(data, 'NotBefore');
      return {
        ...(recipient ? { recipient } : {}),
        ...(notOnOrAfter !== undefined ? { notOnOrAfter } : {}),
        ...(notBefore !== undefined ? { notBefore } : {}),
      };
    });
  const attributes = new Map<string, string[]>();
  for (const statement of childElements(assertion, A, 'AttributeStatement')) {
    for (const attr of childElements(statement, A, 'Attribute')) {
      const name = attr.getAttribute('Name') ?? '';
      const values = childElements(attr, A, 'AttributeValue').map(simpleText);
      attributes.set(name, [...(attributes.get(name) ?? []), ...values]);
    }
  }
  const authn = childElements(assertion, A, 'AuthnStatement')[0];
  const notBefore = conditions ? time(conditions, 'NotBefore') : undefined;
  const notOnOrAfter = conditions ? time(conditions, 'NotOnOrAfter') : undefined;
  const sessionNotOnOrAfter = authn ? time(authn, 'SessionNotOnOrAfter') : undefined;
  const nameIdFormat = nameIdEl.getAttribute('Format');
  return {
    assertionId: assertion.getAttribute('ID')!,
    issuer: simpleText(required(onlyChild(assertion, A, 'Issuer'), 'Issuer')).trim(),
    nameId: simpleText(nameIdEl),
    ...(nameIdFormat ? { nameIdFormat } : {}),
    ...(notBefore !== undefined ? { notBefore } : {}),
    ...(notOnOrAfter !== undefined ? { notOnOrAfter } : {}),
    audienceRestrictions: conditions
      ? childElements(conditions, A, 'AudienceRestriction').map((r) => childElements(r, A, 'Audience').map((a) => simpleText(a).trim()))
      : [],
    confirmations,
    ...(sessionNotOnOrAfter !== undefined ? { sessionNotOnOrAfter } : {}),
    attributes,
  };
}
