// How SigV4 verification learns a caller's secret: a function the composition root passes in.
// It answers undefined for an unknown key id. For a session token that is required but missing
// or invalid it may also answer undefined (or throw GatehouseError 'Unauthenticated'); for an
// expired one it throws GatehouseError 'Unauthenticated' with details.reason 'ExpiredToken'.

import type { Principal } from '../../domain/principal.js';

export interface ResolvedCaller {
  readonly principal: Principal;
  readonly secretAccessKey: string;
}

export type ResolveCredentials = (
  accessKeyId: string,
  sessionToken: string | undefined,
) => Promise<ResolvedCaller | undefined>;

export const EXPIRED_TOKEN_REASON = 'ExpiredToken';
