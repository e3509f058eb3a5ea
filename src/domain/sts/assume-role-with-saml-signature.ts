// Finds the one signed Assertion of a SAML Response. The lessons of past bypasses, in order:
// exactly one Assertion in the whole document (wrapping needs two); its signature is its own
// child; the one Reference points at it by an ID no other element carries; only the provider's
// configured certificates verify (KeyInfo is never consulted); and the element whose claims we
// read is bound to the signed bytes: its canonical form must equal what was verified.

import type { Document, Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { invalidSamlResponse } from './assume-role-with-saml-errors.js';
import { allByLocalName, childElements, NS } from './assume-role-with-saml-xml.js';

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const ID_ATTRIBUTES = ['ID', 'Id', 'id'];

// Any attribute named like an ID, in any namespace: xml-crypto resolves references that way.
const withId = (doc: Document, id: string): Element[] =>
  allByLocalName(doc, '*').filter((el) => Array.from(el.attributes).some((a) => ID_ATTRIBUTES.includes(a.localName ?? a.name) && a.value === id));

/**
 * The canonical form of `assertion` without its signature, as the enveloped transform signs it.
 * A detached clone still renders the namespaces it uses: exc-c14n declares them from each
 * element's own prefix and namespace, so declarations inherited from the Response are kept.
 */
const canonicalWithoutSignature = (assertion: Element): string => {
  const clone = assertion.cloneNode(true) as Element;
  for (const s of childElements(clone, NS.dsig, 'Signature')) clone.removeChild(s);
  return new ExclusiveCanonicalization().process(clone as never, {}).toString();
};

function verifiedWith(xml: string, signature: Element, certificatePem: string): string[] | undefined {
  const sig = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  try {
    sig.loadSignature(signature as never);
    if (sig.signatureAlgorithm !== RSA_SHA256 || sig.canonicalizationAlgorithm !== EXC_C14N) return undefined;
    const refs = sig.getReferences();
    if (refs.length !== 1) return undefined;
    const ref = refs[0]!;
    if (ref.digestAlgorithm !== SHA256 || ref.transforms.some((t) => t !== ENVELOPED && t !== EXC_C14N)) return undefined;
    return sig.checkSignature(xml) ? sig.getSignedReferences() : undefined;
  } catch {
    return undefined;
  }
}

/** The Assertion the provider's certificate signed, from the Response `doc` parsed from `xml`. */
export function signedAssertion(doc: Document, xml: string, certificatesPem: readonly string[]): Element {
  const root = doc.documentElement!;
  if (root.namespaceURI !== NS.protocol || root.localName !== 'Response') throw invalidSamlResponse('the document is not a SAML Response');
  if (allByLocalName(doc, 'EncryptedAssertion').length > 0) throw invalidSamlResponse('encrypted assertions are not supported');
  const assertions = allByLocalName(doc, 'Assertion');
  if (assertions.length !== 1) throw invalidSamlResponse('the response must contain exactly one assertion');
  const assertion = assertions[0]!;
  // Where a legitimate assertion sits: a child of the Response, in the SAML namespace.
  if (assertion.namespaceURI !== NS.assertion || assertion.parentNode !== root) throw invalidSamlResponse('the assertion is misplaced');
  const id = assertion.getAttribute('ID') ?? '';
  if (!/^[A-Za-z_][\w.-]*$/.test(id)) throw invalidSamlResponse('the assertion has no valid ID');
  if (withId(doc, id).length !== 1) throw invalidSamlResponse('the assertion ID is not unique');
  const signatures = childElements(assertion, NS.dsig, 'Signature');
  if (signatures.length !== 1) throw invalidSamlResponse('the assertion must carry exactly one signature');
  const signature = signatures[0]!;
  const reference = Array.from(signature.getElementsByTagNameNS(NS.dsig, 'Reference'));
  if (reference.length !== 1 || reference[0]!.getAttribute('URI') !== `#${id}`) {
    throw invalidSamlResponse('the signature does not reference the assertion');
  }
  for (const pem of certificatesPem) {
    const signed = verifiedWith(xml, signature, pem);
    if (!signed) continue;
    if (signed.length !== 1 || signed[0] !== canonicalWithoutSignature(assertion)) {
      throw invalidSamlResponse('the signed content is not the assertion');
    }
    return assertion;
  }
  throw invalidSamlResponse('the signature is not valid for the provider');
}
