// An AuthnRequest arriving at an application's SSO endpoint, by either binding: decoded,
// parsed as untrusted XML, checked against the application, its signature verified with the
// application's SP certificate (required when the application says so), and turned into what
// the response needs.

import type { Application } from '../domain/applications/application.js';
import { decodePostRequest, decodeRedirectRequest, parseRequestXml } from './decode-authn-request.js';
import { checkAuthnRequest, readAuthnRequest } from './authn-request.js';
import { rawQueryParams, verifyRedirectSignature, verifyPostSignature } from './authn-request-signature.js';
import { samlRequestError } from './saml-request-error.js';

export type SamlBinding = { readonly kind: 'redirect'; readonly url: string } | { readonly kind: 'post'; readonly form: Readonly<Record<string, string>> };

export interface AcceptedRequest {
  readonly requestId: string;
  readonly relayState?: string;
}

/** SAML bindings say 80 bytes; some SPs send more, so allow a little room but keep a bound. */
const MAX_RELAY_STATE = 1024;

const decodeParam = (raw: string | undefined): string | undefined => {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw samlRequestError('The query string is not properly URL-encoded.');
  }
};

export function acceptAuthnRequest(binding: SamlBinding, app: Application, ssoUrl: string, now: number): AcceptedRequest {
  const params = binding.kind === 'redirect' ? rawQueryParams(binding.url) : undefined;
  const samlRequest = params ? decodeParam(params.get('SAMLRequest')) : binding.kind === 'post' ? binding.form.SAMLRequest : undefined;
  const relayState = params ? decodeParam(params.get('RelayState')) : binding.kind === 'post' ? binding.form.RelayState : undefined;
  if (!samlRequest) throw samlRequestError('SAMLRequest is missing.');
  if (relayState !== undefined && relayState.length > MAX_RELAY_STATE) throw samlRequestError(`RelayState is longer than ${MAX_RELAY_STATE} characters.`, 'RelayState');
  const xml = binding.kind === 'redirect' ? decodeRedirectRequest(samlRequest) : decodePostRequest(samlRequest);
  const doc = parseRequestXml(xml);
  const req = readAuthnRequest(doc);
  checkAuthnRequest(req, app, ssoUrl, now);
  const cert = app.spCertificatePem;
  if (app.requireSignedAuthnRequests && !cert) throw samlRequestError('This application requires signed AuthnRequests but has no SP certificate.');
  if (cert) {
    // A signature that is there is checked even when not required; a missing one only matters when required.
    if (binding.kind === 'redirect') {
      if (app.requireSignedAuthnRequests || params!.has('Signature')) verifyRedirectSignature(binding.url, cert);
    } else if (app.requireSignedAuthnRequests || doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature').length > 0) {
      verifyPostSignature(doc, xml, req.root, cert);
    }
  }
  return { requestId: req.id, ...(relayState !== undefined && relayState !== '' ? { relayState } : {}) };
}
