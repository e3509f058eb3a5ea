// Where a documented model's constraint is narrower than what the service accepts, the service
// wins: the wire validator must not refuse what AWS takes. Each entry says why.

import type { RawModel, RawShape } from './raw-model.js';

const CORRECTIONS: Readonly<Record<string, Readonly<Record<string, Partial<RawShape>>>>> = {
  'sso-admin': {
    // An inline policy may be 32,768 bytes, of which 10,240 are not white space (AWS's quota
    // page); the model's max of 10,240 counts white space too. The domain checks both limits.
    PermissionSetPolicyDocument: { max: 32768 },
  },
};

export const correctConstraints = (prefix: string, documented: RawModel): RawModel => {
  const fixes = CORRECTIONS[prefix];
  if (!fixes) return documented;
  const shapes = { ...documented.shapes };
  for (const [name, fix] of Object.entries(fixes)) shapes[name] = { ...shapes[name], ...fix };
  return { ...documented, shapes };
};
