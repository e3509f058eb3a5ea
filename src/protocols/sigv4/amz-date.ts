// SigV4's basic ISO 8601 time (`20260101T000000Z`).

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Milliseconds since the epoch, or undefined when malformed. */
export const parseAmzDate = (s: string): number | undefined => {
  const m = AMZ_DATE.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se] = m.map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, se!);
  // Date.UTC rolls over out-of-range fields; a real date formats back to itself.
  return formatAmzDate(ms) === s ? ms : undefined;
};

export const formatAmzDate = (ms: number): string =>
  new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/** An HTTP `Date` header (RFC 1123), which SigV4 accepts when `X-Amz-Date` is absent. */
export const parseHttpDate = (s: string): number | undefined => {
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
};
