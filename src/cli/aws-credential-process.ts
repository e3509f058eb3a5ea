// The credential_process output format (AWS CLI and SDKs, "Sourcing credentials with an
// external process"): Version 1, the three keys, and Expiration in ISO 8601 so callers know
// when to run the process again.

import type { RoleCredentials } from '@aws-sdk/client-sso';

export interface CredentialProcessOutput {
  readonly Version: 1;
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
  readonly Expiration: string;
}

/** From GetRoleCredentials' answer, whose `expiration` is epoch milliseconds. */
export const credentialProcessOutput = (c: RoleCredentials): CredentialProcessOutput => {
  if (!c.accessKeyId || !c.secretAccessKey || !c.sessionToken || c.expiration === undefined) {
    throw new Error('the portal answered GetRoleCredentials without complete credentials');
  }
  return {
    Version: 1,
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    SessionToken: c.sessionToken,
    Expiration: new Date(c.expiration).toISOString(),
  };
};
