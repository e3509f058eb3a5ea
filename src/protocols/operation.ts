// The contract between the wire adapters and the services' operation handlers.
// An adapter verifies the signature, validates the input against the AWS model, authorizes,
// then calls the handler with plain JSON-shaped input (PascalCase members, as in the model)
// and serializes what it returns. Handlers throw GatehouseError; the adapter maps it.

import type { Principal } from '../domain/principal.js';
import type { Services } from '../domain/services.js';

export interface CallContext {
  readonly requestId: string;
  readonly principal: Principal;
  /** The region of the request's credential scope. */
  readonly region: string;
  readonly services: Services;
  /** The caller's address, for `aws:SourceIp`. */
  readonly sourceIp: string;
  /** Whether the request came over HTTPS, for `aws:SecureTransport`. */
  readonly secureTransport: boolean;
}

/** Input and output are model-shaped objects; timestamps are Date objects on output. */
export type OperationHandler = (input: any, ctx: CallContext) => Promise<Record<string, unknown>>;

/** One service's handlers by operation name (`CreateUser`). */
export type ServiceHandlers = Readonly<Record<string, OperationHandler>>;
