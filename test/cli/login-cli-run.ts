// Runs `gatehouse` as a separate process, as people and credential_process run it: HOME (and
// so the token cache and config file) is a temp folder, and no AWS variable of the test's own
// environment leaks in. Asynchronous, since this process's event loop serves the test server.

import { spawn, type ChildProcess } from 'node:child_process';

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Running {
  readonly child: ChildProcess;
  /** Resolves with the first match of `pattern` in stdout so far or to come. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  readonly done: Promise<Run>;
}

const cleanEnv = (env: Record<string, string>): NodeJS.ProcessEnv => {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(AWS_|GATEHOUSE_)/.test(k)) out[k] = v;
  return { ...out, ...env };
};

export const startGatehouse = (args: string[], env: Record<string, string>): Running => {
  const child = spawn(process.execPath, ['bin/gatehouse.js', ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let closed = false;
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (d) => {
    stdout += d;
    for (const l of listeners) l();
  });
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      closed = true;
      for (const l of listeners) l();
      resolve({ status, stdout, stderr });
    });
  });
  const waitFor = (pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`no ${pattern} in output:\n${stdout}\n${stderr}`)), timeoutMs);
      const check = () => {
        const m = pattern.exec(stdout);
        if (m) finish(undefined, m);
        else if (closed) finish(new Error(`exited ${child.exitCode} without ${pattern}:\n${stdout}\n${stderr}`));
      };
      const finish = (err?: Error, m?: RegExpMatchArray) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (err) reject(err);
        else resolve(m!);
      };
      listeners.add(check);
      check();
    });
  return { child, waitFor, done };
};

export const gatehouse = (args: string[], env: Record<string, string>): Promise<Run> => startGatehouse(args, env).done;
