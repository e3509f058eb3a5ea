// A refused AuthnRequest: shown to the person as a 400 page naming what is wrong.

import { GatehouseError } from '../lib/errors.js';

export const samlRequestError = (message: string, field = 'SAMLRequest') =>
  new GatehouseError('Validation', message, { field, resource: 'SAMLRequest' });
