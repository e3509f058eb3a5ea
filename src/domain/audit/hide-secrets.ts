// Request parameters as an audit event keeps them: secrets replaced, long values cut, deep
// structures flattened out. An audit trail that leaks a password is worse than none.

/** CloudTrail's own marker for a value it does not record. */
export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

const SECRET_NAME = /password|secret|token|assertion|privatekey|credential|verifier|otp|tokencode|(^|_)code$/i;
const MAX_STRING = 1024;
const MAX_DEPTH = 6;
const MAX_ITEMS = 100;

const clean = (value: unknown, depth: number): unknown => {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => clean(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_NAME.test(k) ? HIDDEN : clean(v, depth + 1);
  return out;
};

export const hideSecrets = (params: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  clean(params, 0) as Record<string, unknown>;
