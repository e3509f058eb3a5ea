// A signed identitystore DescribeUser request, for benchmarks that replay it: SigV4 allows a
// signed request again within its 5-minute window, which keeps signing out of the measurement.

import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../src/lib/node-sha256.js';
import type { LoadRequest } from './http-load.js';

export const signedDescribeUser = async (
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  body: string,
): Promise<LoadRequest> => {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 'identitystore', region: 'us-east-1', credentials, sha256: NodeSha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSIdentityStore.DescribeUser' },
    query: {},
    body,
  });
  return { url: `${endpoint}/`, method: 'POST', headers: signed.headers as Record<string, string>, body };
};
