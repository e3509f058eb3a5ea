// Where a console sign-in may land: only our own console's pages. A path (`/console`,
// `/console#policies`) or an absolute URL on our own origin; anything else (another site,
// `//host`, `/start`, a path that climbs out with `..`) is not followed.

export const CONSOLE_HOME = '/console';

const isConsolePath = (path: string) => path === CONSOLE_HOME || path.startsWith(`${CONSOLE_HOME}/`);

/** The destination as a same-origin path, or undefined when it is not one of our console's. */
export const consoleDestination = (destination: string | undefined, origin: string): string | undefined => {
  if (!destination || destination.length > 2048 || /[\\\s]/.test(destination)) return undefined;
  // A path must be rooted and not protocol-relative; an absolute URL must be ours.
  if (!/^\/(?!\/)/.test(destination) && !destination.startsWith(`${origin}/`)) return undefined;
  let url: URL;
  try {
    url = new URL(destination, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin || !isConsolePath(url.pathname)) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
};

/** A permission set's relay state is external when it is an http(s) URL elsewhere. */
export const externalRelayState = (relayState: string | undefined, origin: string): string | undefined => {
  if (!relayState || consoleDestination(relayState, origin)) return undefined;
  return /^https?:\/\/[^\s]+$/i.test(relayState) ? relayState : undefined;
};
