// A protocol-level refusal (bad JSON, unknown operation, missing action) that already knows its
// wire form, thrown from deep in an adapter and sent as is.

import type { WireError } from './wire-error.js';

export class WireFailure extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
    this.name = 'WireFailure';
  }
}

export const wireFailure = (name: string, message: string, status = 400): WireFailure =>
  new WireFailure({ name, status, message, fault: status >= 500 ? 'Receiver' : 'Sender' });
