// The SAML repository over Kysely, one code path for SQLite and PostgreSQL. Races between nodes
// are settled by unique keys (`slot`, `replay_key`) and conditional updates, never by reading
// first and writing after.

import type { Kysely, Selectable } from 'kysely';
import type { SamlRepository, SigningKeyRecord, SigningKeyState } from '../../domain/saml-keys/saml-repository.js';
import type { SamlSigningKeyTable, SamlTables } from './tables.js';

// PostgreSQL's bigint arrives as a string.
const num = (v: number | string | null): number | undefined => (v === null ? undefined : Number(v));

const toRecord = (r: Selectable<SamlSigningKeyTable>): SigningKeyRecord => {
  const optional = {
    activateAfter: num(r.activate_after),
    activatedAt: num(r.activated_at),
    retiredAt: num(r.retired_at),
    publishUntil: num(r.publish_until),
  };
  return {
    keyId: r.key_id,
    state: r.state as SigningKeyState,
    certificatePem: r.certificate_pem,
    sealedPrivateKey: r.sealed_private_key,
    notAfter: Number(r.not_after),
    createdAt: Number(r.created_at),
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
};

/** Thrown inside a transaction to roll it back. */
class Lost extends Error {}

export class KyselySamlRepository implements SamlRepository {
  private readonly db: Kysely<SamlTables>;

  // Kysely<any>: the repository is built over the whole schema's Kysely (or a transaction of it).
  constructor(db: Kysely<any>) {
    this.db = db as Kysely<SamlTables>;
  }

  async listSigningKeys(): Promise<SigningKeyRecord[]> {
    const rows = await this.db.selectFrom('saml_signing_key').selectAll().orderBy('created_at', 'desc').orderBy('key_id').execute();
    return rows.map(toRecord);
  }

  async insertSigningKey(k: SigningKeyRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('saml_signing_key')
      .values({
        key_id: k.keyId,
        state: k.state,
        slot: k.state === 'retired' ? null : k.state,
        certificate_pem: k.certificatePem,
        sealed_private_key: k.sealedPrivateKey,
        not_after: k.notAfter,
        created_at: k.createdAt,
        activate_after: k.activateAfter ?? null,
        activated_at: k.activatedAt ?? null,
        retired_at: k.retiredAt ?? null,
        publish_until: k.publishUntil ?? null,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async activateSigningKey(nextKeyId: string, now: number, publishUntil: number): Promise<boolean> {
    const run = async (tx: Kysely<SamlTables>) => {
      const next = await tx.selectFrom('saml_signing_key').select('key_id').where('key_id', '=', nextKeyId).where('slot', '=', 'next').executeTakeFirst();
      if (!next) throw new Lost();
      // Retire first: `slot` is unique and PostgreSQL checks it row by row.
      await tx
        .updateTable('saml_signing_key')
        .set({ state: 'retired', slot: null, retired_at: now, publish_until: publishUntil })
        .where('slot', '=', 'current')
        .execute();
      // Conditional again: a node that activated meanwhile (PostgreSQL, read committed) wins.
      const promoted = await tx
        .updateTable('saml_signing_key')
        .set({ state: 'current', slot: 'current', activated_at: now })
        .where('key_id', '=', nextKeyId)
        .where('slot', '=', 'next')
        .executeTakeFirst();
      if (Number(promoted.numUpdatedRows) !== 1) throw new Lost();
    };
    try {
      // Inside a caller's transaction the check comes before any write, so nothing is left half done.
      if (this.db.isTransaction) await run(this.db);
      else await this.db.transaction().execute(run);
      return true;
    } catch (e) {
      if (e instanceof Lost) return false;
      throw e;
    }
  }

  async deleteExpiredSigningKeys(now: number): Promise<number> {
    const result = await this.db
      .deleteFrom('saml_signing_key')
      .where('state', '=', 'retired')
      .where('publish_until', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async claimAssertion(key: string, expiresAt: number, now: number): Promise<boolean> {
    await this.db.deleteFrom('saml_replay').where('expires_at', '<=', now).execute();
    const result = await this.db
      .insertInto('saml_replay')
      .values({ replay_key: key, expires_at: expiresAt })
      .onConflict((oc) => oc.column('replay_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
}
