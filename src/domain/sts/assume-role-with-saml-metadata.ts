// The signing certificates an IAM SAML provider's metadata names: the IdP's KeyDescriptors for
// signing (or for any use). Several during a key rotation; each is tried.

import { X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { invalidSamlResponse } from './assume-role-with-saml-errors.js';
import { childElements, NS, parseUntrustedXml, simpleText } from './assume-role-with-saml-xml.js';

export function metadataSigningCertificates(metadata: string): string[] {
  const doc = parseUntrustedXml(metadata);
  const root = doc.documentElement!;
  const entities: Element[] = root.localName === 'EntitiesDescriptor' ? childElements(root, NS.metadata, 'EntityDescriptor') : [root];
  const pems: string[] = [];
  for (const entity of entities) {
    for (const idp of childElements(entity, NS.metadata, 'IDPSSODescriptor')) {
      for (const kd of childElements(idp, NS.metadata, 'KeyDescriptor')) {
        const use = kd.getAttribute('use');
        if (use && use !== 'signing') continue;
        for (const info of childElements(kd, NS.dsig, 'KeyInfo')) {
          for (const data of childElements(info, NS.dsig, 'X509Data')) {
            for (const c of childElements(data, NS.dsig, 'X509Certificate')) {
              try {
                pems.push(new X509Certificate(Buffer.from(simpleText(c).replace(/\s+/g, ''), 'base64')).toString());
              } catch {
                // An unreadable certificate verifies nothing; the others may.
              }
            }
          }
        }
      }
    }
  }
  if (pems.length === 0) throw invalidSamlResponse('the SAML provider metadata has no signing certificate');
  return pems;
}
