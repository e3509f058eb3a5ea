// Escaping for text and double-quoted attribute values, written exactly as Canonical XML
// (exclusive c14n) writes them: what we emit is then already the canonical form our signatures
// are computed over. Whitespace characters are escaped in attributes because a parser would
// otherwise normalise them away (and the signature with them).

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTR: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };

// XML 1.0 forbids most C0 controls even as character references: refuse them.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const check = (s: string) => {
  if (FORBIDDEN.test(s)) throw new Error('value contains a character XML cannot carry');
  return s;
};

export const escapeText = (s: string): string => check(s).replace(/[&<>\r]/g, (c) => TEXT[c]!);
export const escapeAttr = (s: string): string => check(s).replace(/[&<"\t\n\r]/g, (c) => ATTR[c]!);
