// RFC 3986 encoding as SigV4 requires: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded,
// with upper-case hex.

const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

export const uriEncode = (s: string): string => {
  try {
    return encodeURIComponent(s).replace(/[!'()*]/g, hex);
  } catch {
    // A lone surrogate cannot come from the wire; encode its replacement rather than throw.
    return encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD')).replace(/[!'()*]/g, hex);
  }
};

/** Decodes a percent-encoded component; malformed escapes are kept as they are. */
export const uriDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
