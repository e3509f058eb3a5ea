// The closed set of errors the domain raises. Each has a stable code; the protocol layer maps
// codes to each service's own exception names in one table. Anything else is a 500.

export type ErrorCode =
  | 'NotFound'
  | 'Conflict'
  | 'Validation'
  | 'AccessDenied'
  | 'Throttled'
  | 'LimitExceeded'
  | 'Unauthenticated'
  | 'InvalidState';

export interface ErrorDetails {
  /** The resource kind concerned, e.g. `User`, `Account`, `OrganizationalUnit`. */
  readonly resource?: string;
  /** The id of the resource concerned, where the service's exception reports it. */
  readonly resourceId?: string;
  /** The input member concerned, e.g. `UserName`. */
  readonly field?: string;
  /** A machine-readable reason, e.g. `UNIQUENESS_CONSTRAINT_VIOLATION`. */
  readonly reason?: string;
}

export class GatehouseError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'GatehouseError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (resource: string, message: string, details: ErrorDetails = {}) =>
  new GatehouseError('NotFound', message, { resource, ...details });

export const conflict = (message: string, details: ErrorDetails = {}) =>
  new GatehouseError('Conflict', message, details);

export const invalid = (field: string, message: string, details: ErrorDetails = {}) =>
  new GatehouseError('Validation', message, { field, ...details });

export const accessDenied = (message: string, details: ErrorDetails = {}) =>
  new GatehouseError('AccessDenied', message, details);

export const isGatehouseError = (e: unknown): e is GatehouseError => e instanceof GatehouseError;
