// What the organization's rules work with inside one unit of work.

import type { Random } from '../../lib/random.js';
import type { OrganizationsRepository } from './organizations-repository.js';

export interface OrgContext {
  readonly repo: OrganizationsRepository;
  /** The time of the request, epoch milliseconds. */
  readonly now: number;
  readonly random: Random;
}
