// A server with a user who can sign in (no MFA, so tests sign in with a password), and helpers to
// create SAML applications assigned to that user and read the IdP metadata Gatehouse serves.

import { X509Certificate } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/server.js';
import { Browser, signIn } from '../support/browser.js';
import type { Application } from '../../src/domain/applications/application.js';
import type { ApplicationInput } from '../../src/domain/applications/application-settings.js';

export const SIGN_ON_USER = { userName: 'ada', password: 'analytical-engine-bernoulli-1843' };

export interface SignOnWorld {
  readonly server: TestServer;
  readonly userId: string;
  close(): Promise<void>;
}

export async function openSignOnWorld(backend: 'sqlite' | 'postgres' = 'sqlite'): Promise<SignOnWorld> {
  const server = await startTestServer({ backend, mfaMode: 'off' });
  const { services } = server.server;
  const instance = (await services.ports.store.instance.get())!;
  const user = await services.identityStore.createUser(instance.identityStoreId, {
    UserName: SIGN_ON_USER.userName,
    DisplayName: 'Ada L',
    Name: { GivenName: 'Ada', FamilyName: 'L' },
    Emails: [{ Value: 'ada@example.com', Primary: true }],
  });
  const userId = user.userId;
  await services.directory.setPassword(userId, SIGN_ON_USER.password);
  return { server, userId, close: () => server.close() };
}

/** A custom application assigned to the world's user. */
export async function assignedApplication(world: SignOnWorld, input: Partial<ApplicationInput> & { acsUrl: string; audience: string }): Promise<Application> {
  const apps = world.server.server.services.applications;
  const app = await apps.create({ name: `App ${Math.random().toString(36).slice(2, 8)}`, template: 'custom', ...input });
  await apps.assign(app.applicationId, 'USER', world.userId);
  return app;
}

/** A cookie-jar browser signed in to the portal as the world's user. */
export async function signedInBrowser(world: SignOnWorld): Promise<Browser> {
  const browser = new Browser(world.server.endpoint);
  const page = await signIn(browser, await browser.go('/start'), { ...SIGN_ON_USER });
  if (!page.url.endsWith('/start')) throw new Error(`sign-in did not reach /start: ${page.url}`);
  return browser;
}

/** The PEM certificates an IdP metadata document publishes. */
export const metadataCertificates = (xml: string): string[] =>
  [...xml.matchAll(/<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/g)].map((m) => new X509Certificate(Buffer.from(m[1]!, 'base64')).toString());

/** The hidden fields of the auto-post page, and where it posts. */
export function autoPostForm(text: string): { action: string; fields: Record<string, string> } {
  const form = /<form id="saml-post" method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(text);
  if (!form) throw new Error(`no auto-post form in:\n${text}`);
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#96;/g, '`').replace(/&amp;/g, '&');
  const fields = Object.fromEntries([...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, unescape(m[2]!)]));
  return { action: unescape(form[1]!), fields };
}
