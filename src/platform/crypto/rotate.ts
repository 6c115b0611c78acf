import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { recordCurrentKey } from './key-check.ts';
import type { SecretBox } from './secret-box.ts';

/** A column holding SecretBox values, with the table's primary key. */
export interface SealedColumn {
  table: string;
  column: string;
  id: string;
}

const BATCH = 500;

/**
 * Re-seals every value that an older key sealed with the current key, batch by batch in one transaction per
 * column, then records the current key as the database's key. Run after changing PRIVACYDESK_SECRET_KEY with the
 * old key listed in PRIVACYDESK_PREVIOUS_SECRET_KEYS.
 */
export async function rotateSecrets(db: Database, secrets: SecretBox, columns: SealedColumn[]) {
  let resealed = 0;
  for (const { table, column, id } of columns) {
    await inTransaction(db, async (tx) => {
      let after = '';
      for (;;) {
        const result = await tx.execute(
          sql`select ${sql.identifier(id)}::text as id, ${sql.identifier(column)} as sealed from ${sql.identifier(table)}
              where ${sql.identifier(column)} is not null and ${sql.identifier(id)}::text > ${after}
              order by ${sql.identifier(id)}::text limit ${BATCH}`,
        );
        const rows = (result as unknown as { rows: { id: string; sealed: string }[] }).rows;
        for (const row of rows.filter((candidate) => secrets.isStale(candidate.sealed))) {
          const fresh = secrets.seal(secrets.open(row.sealed));
          await tx.execute(
            sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${fresh} where ${sql.identifier(id)}::text = ${row.id}`,
          );
          resealed += 1;
        }
        if (rows.length < BATCH) break;
        after = rows.at(-1)?.id ?? after;
      }
    });
  }
  await recordCurrentKey(db, secrets);
  return { resealed, keyId: secrets.keyId };
}
