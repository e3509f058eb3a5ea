// What Gatehouse takes from an AuthnRequest, and the checks against the application it was sent
// to: Issuer is the application's SP entity id (its audience), the ACS URL (when given) is the
// registered one, Destination (when given) is this endpoint, and it was issued recently.

import type { Document, Element } from '@xmldom/xmldom';
import { onlyChild, simpleText } from '../domain/sts/assume-role-with-saml-xml.js';
import type { Application } from '../domain/applications/application.js';
import { BINDING_POST, SAML_ASSERTION_NS, SAML_PROTOCOL_NS } from './saml-constants.js';
import { samlRequestError } from './saml-request-error.js';

export interface AuthnRequest {
  readonly root: Element;
  readonly id: string;
  readonly issuer: string;
  readonly acsUrl?: string;
  readonly destination?: string;
  readonly issueInstant: number;
  readonly protocolBinding?: string;
}

/** Clocks differ; a request older than this (or this far ahead) is refused. */
const MAX_AGE_MS = 10 * 60_000;

const attr = (el: Element, name: string): string | undefined => (el.hasAttribute(name) ? el.getAttribute(name)! : undefined);

export function readAuthnRequest(doc: Document): AuthnRequest {
  const root = doc.documentElement!;
  if (root.namespaceURI !== SAML_PROTOCOL_NS || root.localName !== 'AuthnRequest') throw samlRequestError('SAMLRequest is not an AuthnRequest.');
  const id = attr(root, 'ID') ?? '';
  if (!/^[A-Za-z_][\w.-]{0,255}$/.test(id)) throw samlRequestError('The AuthnRequest has no valid ID.');
  if (attr(root, 'Version') !== '2.0') throw samlRequestError('The AuthnRequest is not SAML 2.0.');
  const issueInstant = Date.parse(attr(root, 'IssueInstant') ?? '');
  if (Number.isNaN(issueInstant)) throw samlRequestError('The AuthnRequest has no valid IssueInstant.');
  let issuerEl: Element | undefined;
  try {
    issuerEl = onlyChild(root, SAML_ASSERTION_NS, 'Issuer');
  } catch {
    throw samlRequestError('The AuthnRequest has more than one Issuer.');
  }
  if (!issuerEl) throw samlRequestError('The AuthnRequest has no Issuer.');
  const acsUrl = attr(root, 'AssertionConsumerServiceURL');
  const destination = attr(root, 'Destination');
  const protocolBinding = attr(root, 'ProtocolBinding');
  return {
    root,
    id,
    issuer: simpleText(issuerEl).trim(),
    issueInstant,
    ...(acsUrl !== undefined ? { acsUrl } : {}),
    ...(destination !== undefined ? { destination } : {}),
    ...(protocolBinding !== undefined ? { protocolBinding } : {}),
  };
}

export function checkAuthnRequest(req: AuthnRequest, app: Application, ssoUrl: string, now: number): void {
  if (req.issuer !== app.audience) throw samlRequestError(`The AuthnRequest's Issuer (${req.issuer}) is not this application's service provider (${app.audience}).`);
  if (req.acsUrl !== undefined && req.acsUrl !== app.acsUrl) {
    throw samlRequestError(`The AuthnRequest's AssertionConsumerServiceURL (${req.acsUrl}) is not the one registered for this application.`);
  }
  if (req.protocolBinding !== undefined && req.protocolBinding !== BINDING_POST) throw samlRequestError('Only the HTTP-POST binding is supported for the response.');
  if (req.destination !== undefined && req.destination !== ssoUrl) throw samlRequestError(`The AuthnRequest's Destination (${req.destination}) is not this endpoint (${ssoUrl}).`);
  if (Math.abs(now - req.issueInstant) > MAX_AGE_MS) throw samlRequestError('The AuthnRequest has expired or was issued in the future: check the clocks.');
}
