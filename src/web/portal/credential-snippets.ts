// The three ways the access keys page writes credentials down, as the AWS access portal does:
// shell exports, PowerShell, and a profile for ~/.aws/credentials.

import type { RoleCredentials } from '../../domain/portal/issue-role-credentials.js';

export interface CredentialSnippets {
  readonly shell: string;
  readonly powershell: string;
  readonly profile: string;
}

/** A profile name the credentials file accepts: `ACCOUNT_ROLE`, anything odd made `-`. */
export const profileName = (accountId: string, roleName: string): string => `${accountId}_${roleName}`.replace(/[^\w+=,.@-]/g, '-');

export function credentialSnippets(c: RoleCredentials, accountId: string, roleName: string): CredentialSnippets {
  const vars: [string, string][] = [
    ['AWS_ACCESS_KEY_ID', c.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', c.secretAccessKey],
    ['AWS_SESSION_TOKEN', c.sessionToken],
  ];
  return {
    shell: vars.map(([k, v]) => `export ${k}="${v}"`).join('\n'),
    powershell: vars.map(([k, v]) => `$Env:${k}="${v}"`).join('\n'),
    profile: [
      `[${profileName(accountId, roleName)}]`,
      `aws_access_key_id=${c.accessKeyId}`,
      `aws_secret_access_key=${c.secretAccessKey}`,
      `aws_session_token=${c.sessionToken}`,
    ].join('\n'),
  };
}
