// A browser, as far as the sign-in pages need one: plain HTTP with a cookie jar, forms posted
// url-encoded, redirects followed on our origin and stopped at any other (a client's loopback
// redirect URI). No JavaScript: the pages work without it.

import assert from 'node:assert/strict';
import { authenticator } from 'otplib';

export interface PageResponse {
  readonly status: number;
  readonly url: string;
  readonly text: string;
  /** Set when a redirect left our origin. */
  readonly offsite?: string;
}

export class Browser {
  private readonly jar = new Map<string, string>();
  constructor(readonly base: string) {}

  cookies(): ReadonlyMap<string, string> {
    return this.jar;
  }

  private store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    this.store(res);
    return res;
  }

  /** Requests, then follows redirects on our origin. */
  async go(path: string, form?: Readonly<Record<string, string>>): Promise<PageResponse> {
    let url = new URL(path, this.base).toString();
    let res = await this.request(url, form ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() } : {});
    for (let n = 0; res.status >= 300 && res.status < 400 && n < 10; n++) {
      const location = new URL(res.headers.get('location')!, url).toString();
      if (!location.startsWith(this.base)) return { status: res.status, url, text: await res.text(), offsite: location };
      url = location;
      res = await this.request(url);
    }
    return { status: res.status, url, text: await res.text() };
  }

  /** Posts the page's form whose action is `action`, with its hidden fields and `fields`. */
  async submit(page: PageResponse, action: string, fields: Readonly<Record<string, string>> = {}, pick = 0): Promise<PageResponse> {
    const forms = [...page.text.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].filter((m) => m[1] === action);
    const form = forms[pick];
    assert.ok(form, `no form posting to ${action} on ${page.url}:\n${page.text}`);
    // Every input with a value, as a browser sends them (hidden ones and prefilled text boxes).
    const hidden = Object.fromEntries(
      [...form[2]!.matchAll(/<input\b([^>]*)>/g)].flatMap((m) => {
        const name = /\bname="([^"]+)"/.exec(m[1]!)?.[1];
        const value = /\bvalue="([^"]*)"/.exec(m[1]!)?.[1];
        return name !== undefined && value !== undefined ? [[name, unescape(value)]] : [];
      }),
    );
    return this.go(action, { ...hidden, ...fields });
  }
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#96;/g, '`').replace(/&amp;/g, '&');

export interface Credentials {
  readonly userName: string;
  readonly password: string;
  /** The TOTP secret, once registered (set by signIn when it registers one). */
  totpSecret?: string;
}

/** Signs in on the page `start` led to (a sign-in page), through whatever steps come; returns the page after. */
export async function signIn(browser: Browser, page: PageResponse, who: Credentials): Promise<PageResponse> {
  assert.match(page.url, /\/signin/, `expected the sign-in page, got ${page.url}`);
  page = await browser.submit(page, '/signin', { username: who.userName });
  page = await browser.submit(page, '/signin', { password: who.password });
  if (page.text.includes('name="step" value="mfa-setup"')) {
    const secret = /Secret key: <code>([A-Z2-7]+)<\/code>/.exec(page.text)?.[1];
    assert.ok(secret, 'the registration page shows the secret');
    assert.match(page.text, /otpauth:\/\/totp\//);
    who.totpSecret = secret;
    page = await browser.submit(page, '/signin', { code: authenticator.generate(secret) });
  } else if (page.text.includes('name="step" value="mfa"')) {
    page = await browser.submit(page, '/signin', { code: authenticator.generate(who.totpSecret!) });
  }
  return page;
}

/** The whole device flow as `aws sso login --use-device-code` and its user do it: answers CreateToken's output. */
export async function deviceLogin(
  oidc: import('@aws-sdk/client-sso-oidc').SSOOIDCClient,
  base: string,
  who: Credentials,
  browser = new Browser(base),
) {
  const { RegisterClientCommand, StartDeviceAuthorizationCommand, CreateTokenCommand } = await import('@aws-sdk/client-sso-oidc');
  const grant = 'urn:ietf:params:oauth:grant-type:device_code';
  const client = await oidc.send(new RegisterClientCommand({ clientName: 'device-login', clientType: 'public', grantTypes: [grant, 'refresh_token'] }));
  const creds = { clientId: client.clientId!, clientSecret: client.clientSecret! };
  const started = await oidc.send(new StartDeviceAuthorizationCommand({ ...creds, startUrl: `${base}/start` }));
  let page = await browser.go(started.verificationUriComplete!);
  if (page.url.includes('/signin')) page = await signIn(browser, page, who);
  page = await browser.submit(page, '/device');
  page = await browser.submit(page, '/device/confirm', {}, 0);
  assert.match(page.text, /Device authorized/);
  const tokens = await oidc.send(new CreateTokenCommand({ ...creds, grantType: grant, deviceCode: started.deviceCode }));
  return { ...tokens, ...creds, registrationExpiresAt: client.clientSecretExpiresAt! };
}
