// Redirect URIs a public client may register and use: https anywhere, or http on a loopback
// address. RFC 8252 §7.3: a loopback redirect matches whatever its port, because native apps
// (`aws sso login`) listen on a port they pick at run time; everything else matches exactly.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

const parse = (uri: string): URL | undefined => {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
};

const isLoopback = (u: URL) => u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname);

/** Whether a client may register this redirect URI. */
export const isAcceptableRedirectUri = (uri: string): boolean => {
  const u = parse(uri);
  if (!u || u.hash !== '' || u.username !== '' || u.password !== '') return false;
  return u.protocol === 'https:' || isLoopback(u);
};

/** Whether `requested` (from /authorize) matches the registered URI. */
export const redirectUriMatches = (registered: string, requested: string): boolean => {
  if (registered === requested) return true;
  const r = parse(registered);
  const q = parse(requested);
  if (!r || !q || !isLoopback(r) || !isLoopback(q)) return false;
  return r.hostname === q.hostname && r.pathname === q.pathname && r.search === q.search && q.hash === '';
};

export const isRegisteredRedirectUri = (registered: readonly string[], requested: string): boolean =>
  isAcceptableRedirectUri(requested) && registered.some((r) => redirectUriMatches(r, requested));
