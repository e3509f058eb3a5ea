// What the sso-oidc rules work with: the repository, portal sessions, time and randomness.

import type { Random } from '../../lib/random.js';
import type { SessionService } from '../sessions/session-service.js';
import type { OidcRepository } from './oidc-repository.js';

export interface OidcContext {
  readonly repo: OidcRepository;
  readonly sessions: SessionService;
  readonly random: Random;
  /** Epoch milliseconds of the request. */
  readonly now: number;
}
