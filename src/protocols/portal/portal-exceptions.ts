// The sso portal API's exceptions (model names and statuses): `message` in the body, the name in
// `x-amzn-ErrorType` and `__type`. Anything unmapped is a 500 that leaks nothing.

import { isGatehouseError } from '../../lib/errors.js';

export interface PortalWireError {
  readonly name: string;
  readonly status: number;
  readonly message: string;
}

export const portalWireError = (e: unknown): PortalWireError => {
  if (isGatehouseError(e)) {
    switch (e.code) {
      case 'Unauthenticated':
        return { name: 'UnauthorizedException', status: 401, message: e.message };
      case 'NotFound':
        return { name: 'ResourceNotFoundException', status: 404, message: e.message };
      case 'Validation':
        return { name: 'InvalidRequestException', status: 400, message: e.message };
      case 'Throttled':
        return { name: 'TooManyRequestsException', status: 429, message: e.message };
    }
  }
  return { name: 'InternalServerException', status: 500, message: 'An internal error occurred.' };
};
