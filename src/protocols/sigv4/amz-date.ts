// SigV4's basic ISO 8601 time (`20260101T000000Z`).

const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** `^\d{8}T\d{6}Z$` as a plain scan: it runs on every request, where a RegExp test shows. */
const amzDateShape = (s: string): boolean => {
  if (s.length !== 16 || s.charCodeAt(8) !== 84 /* T */ || s.charCodeAt(15) !== 90 /* Z */) return false;
  for (let i = 0; i < 15; i++) if (i !== 8 && !isDigit(s, i)) return false;
  return true;
};

const num = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, mo: number): number =>
  mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[mo - 1]!;

/** Milliseconds since the epoch, or undefined when malformed. On every request, so no Date parsing. */
export const parseAmzDate = (s: string): number | undefined => {
  if (!amzDateShape(s)) return undefined;
  const y = num(s, 0, 4);
  const mo = num(s, 4, 6);
  const d = num(s, 6, 8);
  const h = num(s, 9, 11);
  const mi = num(s, 11, 13);
  const se = num(s, 13, 15);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return undefined;
  if (d > daysInMonth(y, mo)) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, se);
};

export const formatAmzDate = (ms: number): string =>
  new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/** An HTTP `Date` header (RFC 1123), which SigV4 accepts when `X-Amz-Date` is absent. */
export const parseHttpDate = (s: string): number | undefined => {
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
};
