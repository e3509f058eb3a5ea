// SAML identity provider state that every node shares: the instance's signing keys and the
// memory of assertions AssumeRoleWithSAML has accepted.

/** `current` signs; `next` is published ahead of use; `retired` is published until `publishUntil`. */
export type SigningKeyState = 'current' | 'next' | 'retired';

export interface SigningKeyRecord {
  readonly keyId: string;
  readonly state: SigningKeyState;
  readonly certificatePem: string;
  /** The PKCS#8 private key, sealed with the key ring. */
  readonly sealedPrivateKey: string;
  /** The certificate's end (epoch ms). */
  readonly notAfter: number;
  readonly createdAt: number;
  /** A `next` key becomes current on its own from this time (epoch ms). */
  readonly activateAfter?: number;
  readonly activatedAt?: number;
  readonly retiredAt?: number;
  /** A retired key leaves metadata at this time (epoch ms). */
  readonly publishUntil?: number;
}

export interface SamlRepository {
  /** Every key, newest first. */
  listSigningKeys(): Promise<SigningKeyRecord[]>;
  /**
   * Inserts a `current` or `next` key; false when that slot is already taken (another node won
   * the race), so the caller re-reads instead of failing.
   */
  insertSigningKey(key: SigningKeyRecord): Promise<boolean>;
  /**
   * Makes `nextKeyId` current and retires the current key (published until `publishUntil`), in
   * one write; false when `nextKeyId` is no longer the next key (someone else activated it).
   */
  activateSigningKey(nextKeyId: string, now: number, publishUntil: number): Promise<boolean>;
  /** Deletes retired keys whose publication ended before `now`. */
  deleteExpiredSigningKeys(now: number): Promise<number>;

  /**
   * Remembers `key` until `expiresAt`, unless it is remembered already: false then. Atomic
   * across nodes (a unique key), so one assertion is accepted once. Forgets expired keys.
   */
  claimAssertion(key: string, expiresAt: number, now: number): Promise<boolean>;
}
