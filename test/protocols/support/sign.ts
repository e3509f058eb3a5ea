// Signs test requests the way the AWS SDK does, with @smithy/signature-v4.

import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../../src/lib/node-sha256.js';

export interface TestCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface RequestToSign {
  readonly method?: string;
  readonly path?: string;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly service: string;
  readonly region?: string;
  readonly date: Date;
  readonly credentials: TestCredentials;
}

export interface SignedTestRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const HOST = 'gatehouse.test';

const toUrl = (path: string, query: Record<string, string>) => {
  const q = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return q ? `${path}?${q}` : path;
};

const signer = (r: RequestToSign) =>
  new SignatureV4({ credentials: r.credentials, region: r.region ?? 'us-east-1', service: r.service, sha256: NodeSha256 });

const base = (r: RequestToSign) => ({
  method: r.method ?? 'POST',
  protocol: 'http:',
  hostname: HOST,
  path: r.path ?? '/',
  query: r.query ?? {},
  headers: { host: HOST, ...(r.headers ?? {}) },
  ...(r.body !== undefined ? { body: r.body } : {}),
});

export const signRequest = async (r: RequestToSign): Promise<SignedTestRequest> => {
  const signed = await signer(r).sign(base(r), { signingDate: r.date });
  return {
    method: signed.method,
    url: toUrl(signed.path, signed.query as Record<string, string>),
    headers: signed.headers as Record<string, string>,
    body: r.body ?? '',
  };
};

export const presignRequest = async (r: RequestToSign, expiresIn: number): Promise<SignedTestRequest> => {
  const signed = await signer(r).presign(base(r), { signingDate: r.date, expiresIn });
  return {
    method: signed.method,
    url: toUrl(signed.path, signed.query as Record<string, string>),
    headers: signed.headers as Record<string, string>,
    body: r.body ?? '',
  };
};
