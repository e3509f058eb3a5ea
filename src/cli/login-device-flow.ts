// The device authorization grant (RFC 8628), as `aws sso login --use-device-code` does it: show
// the verification URI and user code, then poll CreateToken at the interval the server gave,
// slowing down by five seconds whenever it says so.

import {
  AccessDeniedException,
  AuthorizationPendingException,
  CreateTokenCommand,
  ExpiredTokenException,
  SlowDownException,
  StartDeviceAuthorizationCommand,
  type CreateTokenCommandOutput,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import { DEVICE_CODE_GRANT, type ClientRegistration } from './sso-oidc-session.js';
import { LoginFailed } from './login-failed.js';

export interface DeviceFlowOptions {
  readonly startUrl: string;
  /** Where the instructions go (a person reads them). */
  readonly print: (text: string) => void;
  /** Opens the verification page; false when it could not (the instructions say where to go). */
  readonly open?: (url: string) => Promise<boolean>;
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const deviceFlowLogin = async (oidc: SSOOIDCClient, registration: ClientRegistration, options: DeviceFlowOptions): Promise<CreateTokenCommandOutput> => {
  const sleep = options.sleep ?? defaultSleep;
  const { clientId, clientSecret } = registration;
  const started = await oidc.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: options.startUrl }));
  if (!started.deviceCode || !started.userCode || !started.verificationUri) throw new LoginFailed('sso-oidc StartDeviceAuthorization answered without a device code');
  const complete = started.verificationUriComplete ?? started.verificationUri;
  options.print(
    `To sign in, open this page in a browser:\n\n  ${started.verificationUri}\n\nand enter the code:\n\n  ${started.userCode}\n\n` +
      `Or open the page with the code filled in:\n\n  ${complete}\n\n`,
  );
  if (options.open) await options.open(complete);
  let intervalMs = Math.max(1, started.interval ?? 5) * 1000;
  const deadline = Date.now() + (started.expiresIn ?? 600) * 1000;
  for (;;) {
    try {
      return await oidc.send(new CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_CODE_GRANT, deviceCode: started.deviceCode }));
    } catch (e) {
      if (e instanceof AuthorizationPendingException) {
        // Waiting for the person: ask again after the interval.
      } else if (e instanceof SlowDownException) {
        intervalMs += 5000;
      } else if (e instanceof AccessDeniedException) {
        throw new LoginFailed('the sign-in request was denied in the browser');
      } else if (e instanceof ExpiredTokenException) {
        throw new LoginFailed('the code expired before it was approved: run gatehouse login again');
      } else {
        throw e;
      }
    }
    if (Date.now() + intervalMs > deadline) throw new LoginFailed('the code expired before it was approved: run gatehouse login again');
    await sleep(intervalMs);
  }
};
