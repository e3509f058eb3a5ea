// An accepted AuthnRequest waiting for the person to be signed in: what the response needs
// (request id, RelayState), sealed with the key ring and bound to its application, so it can
// travel in a URL through sign-in and back. It expires like the request it came from.

import type { KeyRing } from '../lib/key-ring.js';

export interface PendingSignOn {
  readonly applicationId: string;
  readonly requestId: string;
  readonly relayState?: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

const PENDING_MS = 10 * 60_000;
const context = (applicationId: string) => `saml-pending:${applicationId}`;

export const sealPendingSignOn = (keyRing: KeyRing, p: Omit<PendingSignOn, 'expiresAt'>, now: number): string =>
  keyRing.seal(JSON.stringify({ ...p, expiresAt: now + PENDING_MS }), context(p.applicationId));

/** The pending sign-on, or undefined when it was forged, altered, meant for another application or expired. */
export function openPendingSignOn(keyRing: KeyRing, sealed: string, applicationId: string, now: number): PendingSignOn | undefined {
  try {
    const p = JSON.parse(keyRing.openString(sealed, context(applicationId))) as PendingSignOn;
    if (p.applicationId !== applicationId || typeof p.requestId !== 'string' || !(p.expiresAt > now)) return undefined;
    return p;
  } catch {
    return undefined;
  }
}
