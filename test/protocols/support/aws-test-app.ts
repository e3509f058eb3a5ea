// A Fastify app with only the AWS routes, the way the lead's app parses bodies (raw Buffers),
// a settable clock, one known access key, and recording stub handlers for every operation of
// every service, so tests can tell whether a handler ran.

import Fastify, { type FastifyInstance } from 'fastify';
import type { Principal } from '../../../src/domain/principal.js';
import type { Services } from '../../../src/domain/services.js';
import { ManualClock } from '../../../src/lib/clock.js';
import { registerAwsRoutes } from '../../../src/protocols/http/register-aws-routes.js';
import { loadServiceModel } from '../../../src/protocols/model/load-service-model.js';
import type { ServiceHandlers } from '../../../src/protocols/operation.js';
import { STS_HANDLERS } from '../../../src/protocols/sts/handlers.js';
import type { ResolveCredentials } from '../../../src/protocols/sigv4/resolve-credentials.js';
import type { TestCredentials } from './sign.js';

export const TEST_KEY: TestCredentials = {
  accessKeyId: 'AKIAGATEHOUSETEST001',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

export const TEST_PRINCIPAL: Principal = {
  kind: 'iam-user',
  arn: 'arn:aws:iam::111122223333:user/alice',
  accountId: '111122223333',
  userId: 'AIDAGATEHOUSETEST0001',
  accessKeyId: TEST_KEY.accessKeyId,
  name: 'alice',
};

export const TEST_TIME = Date.UTC(2026, 0, 15, 12, 0, 0);

export interface Call {
  readonly service: string;
  readonly operation: string;
  readonly input: unknown;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly clock: ManualClock;
  readonly calls: Call[];
  readonly authorized: string[];
  close(): Promise<void>;
}

const recordingHandlers = (service: string, calls: Call[]): ServiceHandlers => {
  const out: Record<string, ServiceHandlers[string]> = {};
  for (const operation of loadServiceModel(service).operations.keys()) {
    out[operation] = async (input) => {
      calls.push({ service, operation, input });
      return {};
    };
  }
  return out;
};

const resolveCredentials: ResolveCredentials = async (accessKeyId) =>
  accessKeyId === TEST_KEY.accessKeyId ? { principal: TEST_PRINCIPAL, secretAccessKey: TEST_KEY.secretAccessKey } : undefined;

export interface TestAppOptions {
  readonly handlers?: Partial<Record<string, ServiceHandlers>>;
  readonly resolveCredentials?: ResolveCredentials;
}

export const createTestApp = async (opts: TestAppOptions = {}): Promise<TestApp> => {
  const app = Fastify({ logger: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const clock = new ManualClock(TEST_TIME);
  const calls: Call[] = [];
  const authorized: string[] = [];
  const handlers: Record<string, ServiceHandlers> = {};
  for (const s of ['identitystore', 'sso-admin', 'organizations', 'iam']) handlers[s] = recordingHandlers(s, calls);
  handlers.sts = { ...recordingHandlers('sts', calls), ...STS_HANDLERS };
  // Overrides replace single operations; the rest keep recording.
  for (const [service, ops] of Object.entries(opts.handlers ?? {})) handlers[service] = { ...handlers[service], ...ops };
  await registerAwsRoutes(app, {
    handlers,
    services: {} as Services,
    region: 'us-east-1',
    clock,
    resolveCredentials: opts.resolveCredentials ?? resolveCredentials,
    authorize: async (_principal, action) => {
      authorized.push(action);
    },
  });
  await app.ready();
  return { app, clock, calls, authorized, close: () => app.close() };
};
