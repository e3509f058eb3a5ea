// Every call names an IdentityStoreId; it must be this installation's (the instance's) identity
// store, else ResourceNotFoundException with resource type IDENTITY_STORE.

import type { Ports } from '../ports.js';
import { resourceNotFound } from './errors.js';

export class IdentityStoreGuard {
  /** The instance's identity store id, once read (it never changes). */
  private known?: string;

  constructor(private readonly ports: Ports) {}

  async check(identityStoreId: string): Promise<void> {
    if (this.known === undefined) this.known = (await this.ports.store.instance.get())?.identityStoreId;
    if (this.known === undefined || identityStoreId !== this.known) {
      throw resourceNotFound('IDENTITY_STORE', typeof identityStoreId === 'string' ? identityStoreId : undefined);
    }
  }
}
