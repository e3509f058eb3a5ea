// SAML ids: `_` and 160 bits of randomness (an xs:ID must not start with a digit).

import { randomBytes } from 'node:crypto';

export const newSamlId = (): string => `_${randomBytes(20).toString('hex')}`;
