// A small closed-loop HTTP load generator for benchmarks: `concurrency` keep-alive connections
// each sending the same request back to back for `ms` milliseconds. Shared by every benchmark
// that compares a Gatehouse route with a peer route, so both pay the same client cost.

import http from 'node:http';

export interface LoadRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const once = (agent: http.Agent, req: LoadRequest): Promise<number> =>
  new Promise((resolve, reject) => {
    const r = http.request(req.url, { method: req.method, headers: req.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    r.on('error', reject);
    r.end(req.body);
  });

/** Requests per second; throws if any answer is not `expectStatus`. */
export const measureRps = async (req: LoadRequest, { ms = 2000, concurrency = 8, expectStatus = 200 } = {}): Promise<number> => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const loop = async (deadline: number) => {
    let n = 0;
    while (performance.now() < deadline) {
      const status = await once(agent, req);
      if (status !== expectStatus) throw new Error(`unexpected status ${status} from ${req.url}`);
      n++;
    }
    return n;
  };
  await Promise.all(Array.from({ length: concurrency }, () => loop(performance.now() + 300))); // warm-up
  const start = performance.now();
  const counts = await Promise.all(Array.from({ length: concurrency }, () => loop(start + ms)));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return counts.reduce((a, b) => a + b, 0) / elapsed;
};
