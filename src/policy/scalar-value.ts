// Parsing of the non-string condition value types (numbers, base64 binaries).

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number, or undefined when `text` is not one (IAM numeric operators take integers and decimals). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a base64 value as a comparable string, or undefined when it is not base64. */
export function base64Bytes(text: string): string | undefined {
  const t = text.trim();
  if (!BASE64.test(t) || t.length % 4 === 1) return undefined;
  return Buffer.from(t, 'base64').toString('latin1');
}

/** For the ordered operators: compare `a` (request) with `b` (policy). */
export function ordered(kind: string, a: number, b: number): boolean {
  if (kind.endsWith('LessThan')) return a < b;
  if (kind.endsWith('LessThanEquals')) return a <= b;
  if (kind.endsWith('GreaterThan')) return a > b;
  if (kind.endsWith('GreaterThanEquals')) return a >= b;
  return a === b;
}
