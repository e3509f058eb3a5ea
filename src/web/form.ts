// HTML form posts arrive as raw bytes (the app parses no body): read them as
// application/x-www-form-urlencoded, first value of each name.

export type Form = Readonly<Record<string, string>>;

export const readForm = (body: unknown): Form => {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) if (!(k in out)) out[k] = v;
  return out;
};

/** A same-site path to return to after sign-in; anything else (other sites, `//host`) is dropped. */
export const safeNext = (next: unknown): string | undefined =>
  typeof next === 'string' && /^\/(?![/\\])/.test(next) && next.length <= 4096 ? next : undefined;
