// Minimal XML writing for query-protocol responses: text and attribute escaping done once here.

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' };

// Characters XML 1.0 cannot carry at all (controls other than tab/newline/CR, lone surrogates,
// U+FFFE/U+FFFF) are replaced so a response is always well-formed.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const escapeXml = (s: string): string => s.replace(INVALID, '\uFFFD').replace(/[&<>"'\r]/g, (c) => ESCAPES[c]!);

export const element = (name: string, inner: string): string => `<${name}>${inner}</${name}>`;
