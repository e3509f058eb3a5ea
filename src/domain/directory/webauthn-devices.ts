// Security keys and passkeys (WebAuthn) as MFA devices. A ceremony's challenge comes from the
// random port, is kept server-side bound to the portal session it was shown in, lives two
// minutes and is taken once; the response must come from the expected origin for the expected
// relying party id, and an authenticator's signature counter may never go backwards.

import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { conflict, GatehouseError, invalid } from '../../lib/errors.js';
import type { Ports } from '../ports.js';
import type { AttemptGate } from './attempt-gate.js';
import type { MfaDeviceInfo } from './directory-credentials.js';
import type { MfaDeviceRecord, WebAuthnChallengeRecord } from './directory-repository.js';
import type { DirectoryUser } from './directory-users.js';
import { freeSlot, insertInFreeSlot, tooManyDevices } from './device-slots.js';
import { checkDeviceName, deviceInfo } from './mfa-devices.js';

export const CHALLENGE_TTL_MS = 2 * 60 * 1000;
const CHALLENGE_BYTES = 32;

/** Who the browser believes it talks to: the host name it used, and the page's origin. */
export interface RelyingParty {
  readonly id: string;
  readonly origin: string;
}

/** A ceremony runs for one user in one portal session (`bindingId`). */
export interface Ceremony {
  readonly userId: string;
  readonly bindingId: string;
  readonly rp: RelyingParty;
}

const refused = (reason: string) => invalid('Credential', `The security key response was refused: ${reason}.`);

/** The challenge the browser echoed, read before verification to find the stored one. */
const echoedChallenge = (response: unknown): string | undefined => {
  const encoded = (response as { response?: { clientDataJSON?: unknown } } | null)?.response?.clientDataJSON;
  if (typeof encoded !== 'string' || encoded.length > 4096) return undefined;
  try {
    const challenge = (JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as { challenge?: unknown }).challenge;
    return typeof challenge === 'string' && challenge.length <= 128 ? challenge : undefined;
  } catch {
    return undefined;
  }
};

export class WebAuthnDevices {
  constructor(
    private readonly ports: Ports,
    private readonly gate: AttemptGate,
  ) {}

  async startRegistration(user: DirectoryUser, c: Ceremony): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const devices = await this.ports.store.directory.listDevices(user.userId);
    if (freeSlot(devices, 'webauthn') === undefined) throw tooManyDevices('webauthn');
    const options = await generateRegistrationOptions({
      rpName: 'Gatehouse',
      rpID: c.rp.id,
      userName: user.userName,
      userID: new TextEncoder().encode(user.userId),
      challenge: new Uint8Array(this.ports.random.bytes(CHALLENGE_BYTES)),
      attestationType: 'none',
      // The same authenticator twice would be one factor counted as two.
      excludeCredentials: devices.flatMap((d) => (d.credential ? [{ id: d.credential.credentialId, transports: [...d.credential.transports] }] : [])),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.saveChallenge(options.challenge, c, 'register');
    return options;
  }

  async finishRegistration(c: Ceremony, deviceName: string, response: unknown): Promise<MfaDeviceInfo> {
    const name = checkDeviceName(deviceName);
    const challenge = await this.takeChallenge(response, c, 'register');
    const info = await this.verifyRegistration(response as RegistrationResponseJSON, c, challenge);
    const now = this.ports.clock.now();
    const registeredAlready = (devices: readonly MfaDeviceRecord[]) => {
      if (devices.some((d) => d.credential?.credentialId === info.credential.id)) throw conflict('This security key or passkey is registered already.', { resource: 'MfaDevice', field: 'Credential' });
    };
    const build = (slot: number): MfaDeviceRecord => ({
      deviceId: this.ports.random.uuid(),
      userId: c.userId,
      slot,
      kind: 'webauthn',
      name,
      secretSealed: '',
      credential: {
        credentialId: info.credential.id,
        publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
        signCount: info.credential.counter,
        transports: info.credential.transports ?? [],
      },
      lastUsedStep: 0,
      createdAt: now,
    });
    return deviceInfo(await insertInFreeSlot(this.ports.store.directory, c.userId, 'webauthn', build, registeredAlready));
  }

  async startAuthentication(c: Ceremony): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const devices = (await this.ports.store.directory.listDevices(c.userId)).filter((d) => d.credential);
    if (devices.length === 0) throw invalid('MfaDevice', 'The user has no security key or passkey.');
    const options = await generateAuthenticationOptions({
      rpID: c.rp.id,
      allowCredentials: devices.map((d) => ({ id: d.credential!.credentialId, transports: [...d.credential!.transports] })),
      challenge: new Uint8Array(this.ports.random.bytes(CHALLENGE_BYTES)),
      userVerification: 'preferred',
    });
    await this.saveChallenge(options.challenge, c, 'authenticate');
    return options;
  }

  /** A signed assertion from one of the user's keys for a live challenge of this session; counted by the attempt gate. */
  async verify(c: Ceremony, response: unknown): Promise<boolean> {
    const claim = await this.gate.claim(c.userId);
    if (claim.kind !== 'claimed') return false;
    let challenge: string;
    try {
      challenge = await this.takeChallenge(response, c, 'authenticate');
    } catch {
      return false;
    }
    const id = (response as { id?: unknown } | null)?.id;
    const device = (await this.ports.store.directory.listDevices(c.userId)).find((d) => d.credential?.credentialId === id);
    if (!device?.credential) return false;
    const newCounter = await this.verifyAssertion(response as AuthenticationResponseJSON, c, challenge, device);
    if (newCounter === undefined) return false;
    // Compare-and-set on the counter: of two assertions racing, one wins.
    if (!(await this.ports.store.directory.markCredentialUsed(device.deviceId, device.credential.signCount, newCounter, this.ports.clock.now()))) return false;
    await this.gate.succeed(c.userId);
    return true;
  }

  private async verifyRegistration(response: RegistrationResponseJSON, c: Ceremony, expectedChallenge: string) {
    try {
      const { verified, registrationInfo } = await verifyRegistrationResponse({
        response,
        expectedChallenge,
        expectedOrigin: c.rp.origin,
        expectedRPID: c.rp.id,
        requireUserVerification: false,
      });
      if (!verified) throw refused('not verified');
      return registrationInfo;
    } catch (e) {
      if (e instanceof GatehouseError) throw e;
      throw refused((e as Error).message);
    }
  }

  /** The new counter, or undefined when the assertion does not verify (or the counter went back). */
  private async verifyAssertion(response: AuthenticationResponseJSON, c: Ceremony, expectedChallenge: string, device: MfaDeviceRecord): Promise<number | undefined> {
    const credential = device.credential!;
    try {
      const { verified, authenticationInfo } = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: c.rp.origin,
        expectedRPID: c.rp.id,
        credential: {
          id: credential.credentialId,
          publicKey: new Uint8Array(Buffer.from(credential.publicKey, 'base64url')),
          counter: credential.signCount,
          transports: [...credential.transports],
        },
        requireUserVerification: false,
      });
      return verified ? authenticationInfo.newCounter : undefined;
    } catch {
      return undefined;
    }
  }

  private async saveChallenge(challenge: string, c: Ceremony, purpose: WebAuthnChallengeRecord['purpose']): Promise<void> {
    const now = this.ports.clock.now();
    const repo = this.ports.store.directory;
    await repo.deleteExpiredChallenges(now);
    await repo.insertChallenge({ challenge, bindingId: c.bindingId, userId: c.userId, purpose, expiresAt: now + CHALLENGE_TTL_MS });
  }

  /** The stored challenge the response answers, taken (so never again), or a refusal. */
  private async takeChallenge(response: unknown, c: Ceremony, purpose: WebAuthnChallengeRecord['purpose']): Promise<string> {
    const echoed = echoedChallenge(response);
    const taken = echoed && (await this.ports.store.directory.takeChallenge(echoed, c.bindingId, purpose, this.ports.clock.now()));
    if (!taken || taken.userId !== c.userId) throw refused('the challenge is unknown, used, expired or from another session');
    return taken.challenge;
  }
}
