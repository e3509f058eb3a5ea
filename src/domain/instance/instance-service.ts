// The instance never changes once created, so it is read once per process.

import type { Ports } from '../ports.js';
import type { Instance } from './instance-repository.js';
import { notFound } from '../../lib/errors.js';

export class InstanceService {
  private cached: Instance | undefined;

  constructor(private readonly ports: Ports) {}

  async get(): Promise<Instance> {
    this.cached ??= await this.ports.store.instance.get();
    if (!this.cached) throw notFound('Instance', 'Gatehouse has not been initialized.');
    return this.cached;
  }
}
