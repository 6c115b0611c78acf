import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../platform/db/migrate.ts';

// The migration that turns the free-text controller of a processor activity into rows of activity_controllers:
// registers kept before it must come through whole, the generic "clients (per agreement)" included.
const MIGRATION = '20261203072630_link_activity_controllers';

let client: PGlite;
let before: string;

/** The migrations folder as it was before MIGRATION: the same files, the journal cut off before it. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'privacydesk-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const index = journal.entries.findIndex((entry: { tag: string }) => entry.tag === tag);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

beforeAll(async () => {
  client = new PGlite();
  const db = drizzle({ client });
  before = migrationsBefore(MIGRATION);
  await migrate(db, { migrationsFolder: before });
  const [org] = (
    await client.query<{ id: string }>(
      "insert into organisations (slug, name) values ('oud-register', 'Oud Register B.V.') returning id",
    )
  ).rows;
  const activity = (name: string, role: string, controller: string, contact: string) =>
    client.query(
      'insert into processing_activities (org_id, name, role, controller_name, controller_contact) values ($1, $2, $3, $4, $5)',
      [org?.id, name, role, controller, contact],
    );
  await activity('Beheer voor klanten', 'processor', 'Klanten (per verwerkersovereenkomst)', '');
  await activity('Hosting Klaverblad', 'processor', 'Boerderij Het Klaverblad', 'info@klaverblad.example');
  await activity('Eigen administratie', 'controller', '', '');
  await migrate(db, { migrationsFolder });
}, 60_000);
afterAll(async () => {
  await client?.close();
  if (before) rmSync(before, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it('carries every free-text controller over as an external controller, contact details included', async () => {
    const { rows } = await client.query(
      `select a.name as activity, c.kind, c.name, c.contact, c.position
       from activity_controllers c join processing_activities a on a.id = c.activity_id and a.org_id = c.org_id
       order by a.name`,
    );
    expect(rows).toEqual([
      {
        activity: 'Beheer voor klanten',
        kind: 'external',
        name: 'Klanten (per verwerkersovereenkomst)',
        contact: '',
        position: 0,
      },
      {
        activity: 'Hosting Klaverblad',
        kind: 'external',
        name: 'Boerderij Het Klaverblad',
        contact: 'info@klaverblad.example',
        position: 0,
      },
    ]);
  });

  it('drops the old columns only after carrying them over', async () => {
    const { rows } = await client.query(
      "select column_name from information_schema.columns where table_name = 'processing_activities' and column_name like 'controller%'",
    );
    expect(rows).toEqual([]);
  });
});
