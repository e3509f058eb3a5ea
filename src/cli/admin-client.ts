// A small client for the Gatehouse admin API (awsJson 1.1, SigV4 service `gatehouse`), used by
// the `gatehouse users` and `gatehouse settings` commands and by tests. Credentials come from
// the AWS SDK's default chain when it is installed (environment, shared files, profiles), else
// from the AWS_* environment variables alone.

import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../lib/node-sha256.js';

export interface AdminCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface AdminClientOptions {
  /** e.g. `http://127.0.0.1:8080` */
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: AdminCredentials;
}

/** The service's answer to a refused call: its exception name, message and status. */
export class AdminApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
    readonly requestId: string | undefined,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export const TARGET_PREFIX = 'GatehouseAdmin';

export class AdminClient {
  private readonly signer: SignatureV4;
  private readonly url: URL;

  constructor(options: AdminClientOptions) {
    this.url = new URL(options.endpoint);
    this.signer = new SignatureV4({ credentials: options.credentials, region: options.region, service: 'gatehouse', sha256: NodeSha256 });
  }

  /** Calls `GatehouseAdmin.<operation>`; throws AdminApiError when the service refuses. */
  async call<T = Record<string, unknown>>(operation: string, input: Record<string, unknown> = {}): Promise<T> {
    const body = JSON.stringify(input);
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: this.url.protocol,
      hostname: this.url.hostname,
      ...(this.url.port ? { port: Number(this.url.port) } : {}),
      path: '/',
      query: {},
      headers: {
        host: this.url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `${TARGET_PREFIX}.${operation}`,
      },
      body,
    });
    const response = await fetch(new URL('/', this.url), { method: 'POST', headers: signed.headers as Record<string, string>, body });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!response.ok) {
      const type = String(response.headers.get('x-amzn-errortype') ?? json.__type ?? 'UnknownError').split(':')[0]!.split('#').pop()!;
      const message = String(json.message ?? json.Message ?? response.statusText);
      throw new AdminApiError(type, message, response.status, response.headers.get('x-amzn-requestid') ?? undefined);
    }
    return json as T;
  }

  /** Every item of a paginated list operation: `key` names the list member; pages follow NextToken. */
  async listAll<T = Record<string, any>>(operation: string, key: string, input: Record<string, unknown> = {}): Promise<T[]> {
    const items: T[] = [];
    let token: string | undefined;
    do {
      const page: Record<string, unknown> = await this.call(operation, token ? { ...input, NextToken: token } : input);
      items.push(...((page[key] ?? []) as T[]));
      token = page.NextToken as string | undefined;
    } while (token);
    return items;
  }
}

const fromEnvironment = (env: NodeJS.ProcessEnv): AdminCredentials | undefined => {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
};

/**
 * The caller's AWS credentials: the SDK's default chain (which reads the environment, then
 * AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE, ...) when installed; otherwise the environment.
 */
export const resolveAdminCredentials = async (env: NodeJS.ProcessEnv = process.env): Promise<AdminCredentials> => {
  const direct = fromEnvironment(env);
  if (direct) return direct;
  let provider: (() => Promise<AdminCredentials>) | undefined;
  try {
    const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
    provider = defaultProvider();
  } catch {
    provider = undefined;
  }
  if (provider) {
    try {
      return await provider();
    } catch {
      // Fall through to the message below.
    }
  }
  throw new Error('no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with a credentials file');
};

/** Options every admin command takes. */
export const ADMIN_CLIENT_OPTIONS = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const ADMIN_CLIENT_HELP = `Connection:
  --endpoint URL    the Gatehouse server (default: GATEHOUSE_ENDPOINT, else http://127.0.0.1:8080)
  --region REGION   the server's region (default: AWS_REGION, else us-east-1)
  Credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or
  AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE (e.g. the admin-credentials file the server wrote,
  profile gatehouse-admin). The caller needs gatehouse:<Operation> permissions.
`;

export const adminClientFromArgs = async (
  values: { endpoint?: string; region?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<AdminClient> =>
  new AdminClient({
    endpoint: values.endpoint ?? env.GATEHOUSE_ENDPOINT ?? 'http://127.0.0.1:8080',
    region: values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    credentials: await resolveAdminCredentials(env),
  });
