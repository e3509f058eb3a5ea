// Parsing an untrusted SAML document: any parser warning or error refuses it, and so does a
// DOCTYPE (entity expansion and external entities are where XML attacks start). Helpers read
// children by namespace and local name so that prefixes cannot disguise an element.

import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { invalidSamlResponse } from './assume-role-with-saml-errors.js';

export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const COMMENT = 8;
const DOCUMENT_TYPE = 10;

export function parseUntrustedXml(text: string): Document {
  // Checked on the text too: the parser would keep a DOCTYPE as a node, but never parse one.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw invalidSamlResponse('a DOCTYPE is not allowed');
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(text, 'text/xml');
  } catch {
    throw invalidSamlResponse('the document is not well-formed XML');
  }
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === DOCUMENT_TYPE) throw invalidSamlResponse('a DOCTYPE is not allowed');
  }
  if (!doc.documentElement) throw invalidSamlResponse('the document is empty');
  return doc;
}

export const isElement = (n: Node | null): n is Element => n !== null && n.nodeType === ELEMENT;

export function childElements(parent: Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && n.namespaceURI === ns && n.localName === localName) out.push(n);
  }
  return out;
}

/** The one child of that name, or undefined; two of them refuse the document. */
export function onlyChild(parent: Element, ns: string, localName: string): Element | undefined {
  const found = childElements(parent, ns, localName);
  if (found.length > 1) throw invalidSamlResponse(`more than one ${localName}`);
  return found[0];
}

/** Every element of that local name in the document, whatever its namespace. */
export function allByLocalName(doc: Document, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS('*', localName));
}

/**
 * The text of a simple-content element: all its text, comments skipped (canonicalization
 * without comments ignores them, so `admin<!---->@evil` was signed as `admin@evil` and must
 * read as that). Anything else inside (elements, processing instructions) is refused.
 */
export function simpleText(el: Element): string {
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === TEXT || n.nodeType === CDATA) text += n.nodeValue ?? '';
    else if (n.nodeType !== COMMENT) throw invalidSamlResponse(`${el.localName} must contain only text`);
  }
  return text;
}
