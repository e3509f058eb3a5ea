// The weight of a first visit: the bytes of /signin and of /start (as the demo user alice, signed
// in through the pages) with everything each page references (stylesheets, scripts, images,
// icons, found by parsing the page, so the figure follows the pages as they change), raw and as
// sent to a browser that accepts br and gzip. Body bytes only, no headers; nothing cached.
// Goal: at most 150 KB sent per page, reported as goal / actual (>= 1x meets it).
//
// A second figure loads /start for a user holding 1,000 accounts, to show how the page grows,
// and how long the server takes to answer it.

import { request } from 'node:http';
import { startTestServer, type TestServer } from '../test/support/server.js';
import { Browser, signIn } from '../test/support/browser.js';
import { DEMO_USERS } from '../src/server/demo/demo-data.js';
import { seedManyAccounts, MANY_USER } from '../test/e2e/many-accounts-fixture.js';
import { median, type BenchResult } from './result.js';

const GOAL_KB = 150;
const KB = 1024;

interface Fetched {
  readonly status: number;
  readonly bytes: number;
  readonly text: string;
}

/** A GET whose body is counted as it came over the wire (fetch would decompress it). */
const get = (url: string, headers: Record<string, string>): Promise<Fetched> =>
  new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, bytes: body.length, text: res.headers['content-encoding'] ? '' : body.toString('utf8') });
      });
      res.on('error', reject);
    }).on('error', reject).end();
  });

const attributes = (tag: string): Map<string, string> =>
  new Map([...tag.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => [m[1]!.toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&')]));

/** The URLs of what a browser fetches to show the page: stylesheets, icons, scripts, images. */
export function referencedAssets(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<(link|script|img)\b([^>]*)>/gi)) {
    const attrs = attributes(m[2]!);
    const kind = m[1]!.toLowerCase();
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const ref = kind === 'link' ? (rel.includes('stylesheet') || rel.includes('icon') ? attrs.get('href') : undefined) : attrs.get('src');
    if (ref && !ref.startsWith('data:')) urls.add(new URL(ref, pageUrl).toString());
  }
  return [...urls];
}

interface Weight {
  readonly raw: number;
  readonly sent: number;
  readonly assets: number;
}

/** The page and its assets: raw (no Accept-Encoding) and as sent (br, gzip). */
async function weigh(url: string, cookie: string): Promise<Weight> {
  const headers = (encoding?: string) => ({ ...(cookie ? { cookie } : {}), ...(encoding ? { 'accept-encoding': encoding } : {}) });
  const rawPage = await get(url, headers());
  if (rawPage.status !== 200) throw new Error(`${url} answered ${rawPage.status}`);
  const sentPage = await get(url, headers('br, gzip'));
  const assets = referencedAssets(rawPage.text, url);
  let raw = rawPage.bytes;
  let sent = sentPage.bytes;
  for (const asset of assets) {
    const r = await get(asset, headers());
    if (r.status !== 200) throw new Error(`${asset} answered ${r.status}`);
    raw += r.bytes;
    sent += (await get(asset, headers('br, gzip'))).bytes;
  }
  return { raw, sent, assets: assets.length };
}

const cookieHeader = (b: Browser) => [...b.cookies()].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through the pages (password only) and returns the session cookie. */
async function signedInCookie(server: TestServer, who: { userName: string; password: string }): Promise<string> {
  const browser = new Browser(server.endpoint);
  const page = await signIn(browser, await browser.go('/start'), { ...who });
  if (!page.url.endsWith('/start') || page.status !== 200) throw new Error(`sign-in ended at ${page.url} (${page.status})`);
  return cookieHeader(browser);
}

const results = (label: string, w: Weight): BenchResult[] => [
  { name: `first load ${label} + ${w.assets} assets, raw`, value: w.raw / KB, unit: 'KB' },
  {
    name: `first load ${label} + ${w.assets} assets, sent`,
    value: w.sent / KB,
    unit: 'KB',
    ratio: { against: `goal of ${GOAL_KB} KB`, value: GOAL_KB / (w.sent / KB), goal: '>= 1x' },
  },
];

/** The server's answer time for the page, sequential requests, after one warm-up. */
async function medianMs(url: string, cookie: string, n: number): Promise<number> {
  const headers = { cookie, 'accept-encoding': 'br, gzip' };
  await get(url, headers);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await get(url, headers);
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const demo = await startTestServer({ demo: true, mfaMode: 'off' });
  try {
    out.push(...results('/signin', await weigh(`${demo.endpoint}/signin`, '')));
    const alice = DEMO_USERS[0];
    out.push(...results(`/start (demo, ${alice.userName})`, await weigh(`${demo.endpoint}/start`, await signedInCookie(demo, alice))));
  } finally {
    await demo.close();
  }
  const many = await startTestServer({ mfaMode: 'off' });
  try {
    await seedManyAccounts(many, 1000);
    const cookie = await signedInCookie(many, MANY_USER);
    out.push(...results('/start (1,000 accounts)', await weigh(`${many.endpoint}/start`, cookie)));
    out.push({ name: 'GET /start (1,000 accounts), br, median of 20', value: await medianMs(`${many.endpoint}/start`, cookie, 20), unit: 'ms' });
  } finally {
    await many.close();
  }
  return out;
}
