// Who signed a request: a long-term IAM access key (AKIA…), or temporary credentials (ASIA…)
// whose sealed session token carries the session. Credentials the portal issued also die with
// their portal session (sign-out, an administrator, the user disabled), from the next request.

import type { Services } from '../domain/services.js';
import type { ResolveCredentials } from '../protocols/sigv4/resolve-credentials.js';
import { expiredToken } from '../domain/sts/resolve-temporary-credentials.js';
import { isRoleSessionRevoked } from '../domain/portal/portal-session-revocation.js';

export const createCredentialResolver =
  (services: Services): ResolveCredentials =>
  async (accessKeyId, sessionToken) => {
    if (!accessKeyId.startsWith('ASIA')) return services.iam.resolveAccessKey(accessKeyId);
    const resolved = await services.sts.resolveTemporaryCredentials(accessKeyId, sessionToken);
    // Answered as an expired token, so SDKs and the CLI fetch new credentials (a new sign-in).
    if (resolved && (await isRoleSessionRevoked(services.sessions, resolved.session))) throw expiredToken();
    return resolved;
  };
