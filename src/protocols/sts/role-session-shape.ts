// The members every STS AssumeRole* answer shares: the credentials and the assumed-role user.

interface IssuedRoleSession {
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken: string; readonly expiration: number };
  readonly assumedRoleUser: { readonly assumedRoleId: string; readonly arn: string };
  readonly packedPolicySize?: number;
  readonly sourceIdentity?: string;
}

export const roleSessionShape = (out: IssuedRoleSession) => ({
  Credentials: {
    AccessKeyId: out.credentials.accessKeyId,
    SecretAccessKey: out.credentials.secretAccessKey,
    SessionToken: out.credentials.sessionToken,
    Expiration: new Date(out.credentials.expiration),
  },
  AssumedRoleUser: { AssumedRoleId: out.assumedRoleUser.assumedRoleId, Arn: out.assumedRoleUser.arn },
  ...(out.packedPolicySize !== undefined ? { PackedPolicySize: out.packedPolicySize } : {}),
  ...(out.sourceIdentity !== undefined ? { SourceIdentity: out.sourceIdentity } : {}),
});
