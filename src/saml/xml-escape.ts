// Escaping for text and double-quoted attribute values. Whitespace characters are escaped in
// attributes because a parser would otherwise normalise them away (and the signature with them).

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR: Record<string, string> = { ...TEXT, '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

// XML 1.0 forbids most C0 controls even as character references: refuse them.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const check = (s: string) => {
  if (FORBIDDEN.test(s)) throw new Error('value contains a character XML cannot carry');
  return s;
};

export const escapeText = (s: string): string => check(s).replace(/[&<>\r]/g, (c) => (c === '\r' ? '&#13;' : TEXT[c]!));
export const escapeAttr = (s: string): string => check(s).replace(/[&<>"\t\n\r]/g, (c) => ATTR[c]!);
