// Chromium's virtual WebAuthn authenticator over CDP, for the security key tests: a CTAP2 key
// with resident keys and user verification that answers at once (presence simulated).

import type { Page } from 'playwright-core';

export interface VirtualAuthenticator {
  /** The credentials the authenticator holds, with their signature counters. */
  credentials(): Promise<{ credentialId: string; signCount: number }[]>;
}

export async function addVirtualAuthenticator(page: Page, transport: 'usb' | 'internal' = 'usb'): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport, hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return {
    async credentials() {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      return credentials.map((c) => ({ credentialId: c.credentialId, signCount: c.signCount }));
    },
  };
}

/** The server's URL with the host name `localhost`: WebAuthn refuses IP addresses as relying party ids. */
export const localhostUrl = (endpoint: string): string => {
  const u = new URL(endpoint);
  u.hostname = 'localhost';
  return u.origin;
};
