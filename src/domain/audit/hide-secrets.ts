// Request parameters as an audit event keeps them: secrets replaced, long values cut, deep
// structures flattened out. An audit trail that leaks a password is worse than none.

/** CloudTrail's own marker for a value it does not record. */
export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

// One-time codes too: sso-oidc's `code` and `deviceCode`, STS's `TokenCode`, IAM's
// `AuthenticationCode1`, a sign-in's `mfaCode`. Other names ending in "code" (PostalCode) stay.
const SECRET_NAME = /password|secret|token|assertion|privatekey|credential|verifier|otp|(^|_|device|authentication|mfa)code\d*$/i;
const MAX_STRING = 1024;
const MAX_DEPTH = 6;
const MAX_ITEMS = 100;
const MAX_KEY = 128;

const clean = (value: unknown, depth: number): unknown => {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  // Bytes are not entries to walk one by one.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `(${value.byteLength} bytes)`;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => clean(v, depth + 1));
  const out: Record<string, unknown> = {};
  const entries = Object.entries(value);
  // As many members as an array keeps items: a refused request's body can hold any number.
  for (const [k, v] of entries.slice(0, MAX_ITEMS)) out[k.length > MAX_KEY ? `${k.slice(0, MAX_KEY)}…` : k] = SECRET_NAME.test(k) ? HIDDEN : clean(v, depth + 1);
  if (entries.length > MAX_ITEMS) out['…'] = `${entries.length - MAX_ITEMS} more members`;
  return out;
};

export const hideSecrets = (params: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  clean(params, 0) as Record<string, unknown>;
