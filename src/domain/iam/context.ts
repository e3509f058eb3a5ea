// What IAM's rules work with inside one unit of work: the repository (inside the transaction
// for writes), the caller's account, the request time and randomness.

import type { Random } from '../../lib/random.js';
import type { IamRepository } from './iam-repository.js';

export interface IamContext {
  readonly repo: IamRepository;
  /** Every operation acts in this account. */
  readonly accountId: string;
  /** The time of the request, epoch milliseconds. */
  readonly now: number;
  readonly random: Random;
}
