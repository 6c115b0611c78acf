import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../platform/db/migrate.ts';
import { vendorTransfer } from './rules.ts';

/** The migration that dated DPF certifications and added TIAs (see docs/register.md). */
const MIGRATION = '20261203072524_add_transfer_safeguard_details';

/** The committed migrations up to (not including) `tag`, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'privacydesk-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string; idx: number }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(cut).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return folder;
}

describe(`migration ${MIGRATION}`, () => {
  const folder = migrationsBefore(MIGRATION);
  const pglite = new PGlite();
  const db = drizzle(pglite);
  afterAll(async () => {
    await pglite.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('carries an undated DPF flag and SCCs over, and the check shows each as a finding to fix', async () => {
    await migrate(db, { migrationsFolder: folder });
    const { rows: orgs } = await pglite.query<{ id: string }>(
      `insert into organisations (slug, name) values ('oud', 'Oud register') returning id`,
    );
    const orgId = orgs[0]?.id;
    await pglite.query(
      `insert into vendors (org_id, name, kind, country, is_dpf_certified, transfer_safeguard, safeguard_details)
       values ($1, 'Cloud Inc.', 'processor', 'US', true, null, ''), ($1, 'Backup India', 'processor', 'IN', false, 'scc', 'SCC 2021')`,
      [orgId],
    );

    await migrate(db, { migrationsFolder });

    const { rows } = await pglite.query<Record<string, unknown>>(
      `select name, country, is_dpf_certified, dpf_certified_since, is_dpf_hr_in_scope, transfer_safeguard,
              safeguard_details, tia_assessed_on, tia_reference, status, retired_on
       from vendors order by name`,
    );
    expect(
      rows.map((row) => [row.name, row.is_dpf_certified, row.dpf_certified_since, row.transfer_safeguard]),
    ).toEqual([
      ['Backup India', false, null, 'scc'],
      ['Cloud Inc.', true, null, null],
    ]);
    const judged = rows.map((row) =>
      vendorTransfer(
        {
          country: row.country as string,
          isDpfCertified: row.is_dpf_certified as boolean,
          dpfCertifiedSince: row.dpf_certified_since as string | null,
          isDpfHrInScope: row.is_dpf_hr_in_scope as boolean,
          transferSafeguard: row.transfer_safeguard as string | null,
          safeguardDetails: row.safeguard_details as string,
          tiaAssessedOn: row.tia_assessed_on as string | null,
          tiaReference: row.tia_reference as string | null,
          status: row.status as string,
          retiredOn: row.retired_on as string | null,
        },
        '2026-12-03',
      ),
    );
    expect(judged.map((transfer) => [transfer.verdict, transfer.needsSafeguard])).toEqual([
      ['tia_missing', false],
      ['dpf_undated', true],
    ]);
  }, 120_000); // every migration up to this one, on a fresh embedded database: slow on a loaded machine

  it('refuses a TIA with its date but without its reference', async () => {
    await expect(
      pglite.query(`update vendors set tia_assessed_on = '2026-01-01' where name = 'Backup India'`),
    ).rejects.toThrow(/vendors_tia_complete/);
  });
});
