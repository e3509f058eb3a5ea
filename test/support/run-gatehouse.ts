// Runs the `gatehouse` CLI as a separate process, as an administrator runs it: no AWS_ or
// GATEHOUSE_ variable of the test's own environment leaks in, only `env`. Asynchronous, since
// this process's event loop serves the test server.

import { spawn } from 'node:child_process';
import type { TestServer } from './server.js';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const isolated = (env: Record<string, string>): NodeJS.ProcessEnv => {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(AWS_|GATEHOUSE_)/.test(k)) out[k] = v;
  return { ...out, ...env };
};

export const runGatehouse = (args: readonly string[], env: Record<string, string>, input = ''): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/gatehouse.js', ...args], { env: isolated(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });

/** The environment that points the CLI at a test server as its bootstrap administrator. */
export const adminCliEnv = (server: TestServer): Record<string, string> => ({
  AWS_ACCESS_KEY_ID: server.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
  AWS_REGION: server.region,
  GATEHOUSE_ENDPOINT: server.endpoint,
});
