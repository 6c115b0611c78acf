import { randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as categories from '../../src/modules/categories/service.ts';
import * as identity from '../../src/modules/identity/service.ts';
import { systemDataCategories, systemLocations, systems } from '../../src/modules/inventory/tables.ts';
import { ZCreateOrganisationRequest } from '../../src/modules/organisations/contract.ts';
import * as organisations from '../../src/modules/organisations/service.ts';
import {
  activities,
  activityControllers,
  activityDataCategories,
  activityRecipients,
  activitySubjectCategories,
  activitySystems,
  activityTransfers,
} from '../../src/modules/register/tables.ts';
import { vendorCertifications, vendors } from '../../src/modules/vendors/tables.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { VACUUM_AND_ANALYZE } from '../../src/platform/db/maintenance.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { BENCH_PASSWORD } from './fixture.ts';

/**
 * A large register for the register benchmarks: one organisation with `activities` processing activities and
 * `systems` systems (each with two data categories and two or three dated locations), 60 vendors, every activity
 * linked to categories, two systems and a vendor. Written straight into the tables in batches (the services would
 * take minutes for this many); the organisation, its owner and its default categories come through the services.
 */
export interface RegisterFixture {
  email: string;
  password: string;
  orgId: string;
  activities: number;
  systems: number;
}

const BATCH = 500;
const VENDOR_COUNT = 60;
const SYSTEM_KINDS = ['crm', 'mailbox', 'administration', 'hosting', 'backup', 'file_share', 'website', 'webshop'];
const COUNTRIES = ['NL', 'DE', 'IE', 'BE', 'US', 'CH'];
const SETUP_ACTOR = { type: 'system', id: 'bench' } as const;
const pick = <T>(items: readonly T[], index: number) => items[index % items.length] as T;

async function insertAll(tx: Database, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx.insert(table).values(rows.slice(start, start + BATCH) as never);
  }
}

function vendorRows(orgId: string) {
  const rows = Array.from({ length: VENDOR_COUNT }, (_, i) => {
    const country = pick(COUNTRIES, i);
    return {
      id: randomUUID(),
      orgId,
      name: `Leverancier ${String(i + 1).padStart(3, '0')} B.V.`,
      kind: i % 10 === 9 ? 'sub_processor' : 'processor',
      country,
      services: 'Hosting, e-mail en back-ups',
      transferSafeguard: country === 'US' ? 'scc' : null,
      hasMfa: i % 3 !== 0,
    };
  });
  const certifications = rows
    .filter((_, i) => i % 4 === 0)
    .map((vendor) => ({
      orgId,
      vendorId: vendor.id,
      name: 'ISO 27001',
      reference: 'CERT-1',
      validUntil: '2027-12-31',
    }));
  return { rows, certifications };
}

function systemRows(orgId: string, count: number, vendorIds: string[], dataCategoryIds: string[]) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    orgId,
    name: `Systeem ${String(i + 1).padStart(4, '0')}`,
    kind: pick(SYSTEM_KINDS, i),
    vendorId: pick(vendorIds, i),
    description: 'Bevat klant- en personeelsgegevens',
    isMfaEnforced: i % 2 === 0,
  }));
  const links = rows.flatMap((system, i) =>
    [pick(dataCategoryIds, i), pick(dataCategoryIds, i + 3)].map((dataCategoryId) => ({
      orgId,
      systemId: system.id,
      dataCategoryId,
    })),
  );
  const locations = rows.flatMap((system, i) => [
    { orgId, systemId: system.id, role: 'primary', country: 'NL', region: 'Amsterdam', since: '2018-01-01' },
    { orgId, systemId: system.id, role: 'backup', country: 'DE', region: 'Frankfurt', since: '2019-06-01' },
    ...(i % 5 === 0
      ? [
          {
            orgId,
            systemId: system.id,
            role: 'offsite_backup',
            country: 'US',
            since: '2020-01-01',
            transferSafeguard: 'scc',
          },
        ]
      : []),
  ]);
  return { rows, links, locations };
}

function activityRows(
  orgId: string,
  count: number,
  refs: { subjects: string[]; data: string[]; systems: string[]; vendors: string[] },
) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    orgId,
    name: `Verwerking ${String(i + 1).padStart(4, '0')}`,
    description: 'Een verwerking uit het grote benchmarkregister',
    role: i % 10 === 0 ? 'processor' : 'controller',
    processingCategories: i % 10 === 0 ? 'Hosting en beheer' : '',
    purposes: ['Dienstverlening aan klanten', 'Facturatie'],
    legalBasis: i % 10 === 0 ? null : pick(['b', 'c', 'f'], i),
    legalBasisJustification: 'Nodig voor de overeenkomst',
    recipientCategories: 'Accountant',
    retentionKind: 'period',
    retentionAmount: 7,
    retentionUnit: 'years',
    retentionStartEvent: 'einde boekjaar',
    retentionReference: 'art. 52 AWR',
    securityMeasures: 'Tweestapsverificatie, versleuteling, back-ups',
    isDpiaRequired: false,
    reviewDate: '2027-06-01',
    status: 'active',
  }));
  const link = <K extends string>(key: K, ids: string[], perRow: number) =>
    rows.flatMap((activity, i) =>
      [...new Set(Array.from({ length: perRow }, (_, j) => pick(ids, i * 7 + j * 13)))].map((id) => ({
        orgId,
        activityId: activity.id,
        [key]: id,
      })),
    );
  return {
    rows,
    subjects: link('subjectCategoryId', refs.subjects, 2),
    data: link('dataCategoryId', refs.data, 3),
    systems: link('systemId', refs.systems, 2),
    recipients: link('vendorId', refs.vendors, 1),
    controllers: rows
      .filter((activity) => activity.role === 'processor')
      .map((activity) => ({
        orgId,
        activityId: activity.id,
        kind: 'external',
        name: 'Klant B.V.',
        contact: 'privacy@klant.example',
      })),
    transfers: rows
      .filter((_, i) => i % 10 === 5)
      .map((activity) => ({
        orgId,
        activityId: activity.id,
        country: 'US',
        recipient: 'Support Inc.',
        safeguard: 'scc',
      })),
  };
}

export async function buildRegisterFixture(
  ctx: AppContext,
  options: { activities: number; systems: number; analyze: boolean },
): Promise<RegisterFixture> {
  const email = 'bench-register@privacydesk.test';
  const orgId = await inTransaction(ctx.db, async (tx) => {
    const owner = await identity.createUser(
      ctx,
      tx,
      { email, name: 'Rita Register', password: BENCH_PASSWORD, locale: 'nl' },
      SETUP_ACTOR,
    );
    const input = ZCreateOrganisationRequest.parse({
      name: 'Groot Register B.V.',
      kvkNumber: '20000000',
      isProcessor: true,
    });
    return (await organisations.createOrganisation(ctx, tx, input, { userId: owner.id, actor: SETUP_ACTOR })).id;
  });
  const [dataRows, subjectRows] = await Promise.all([
    categories.allDataCategories(ctx.db, orgId),
    categories.allSubjectCategories(ctx.db, orgId),
  ]);
  const vendorData = vendorRows(orgId);
  const systemData = systemRows(
    orgId,
    options.systems,
    vendorData.rows.map((row) => row.id),
    dataRows.map((row) => row.id),
  );
  const activityData = activityRows(orgId, options.activities, {
    subjects: subjectRows.map((row) => row.id),
    data: dataRows.map((row) => row.id),
    systems: systemData.rows.map((row) => row.id),
    vendors: vendorData.rows.map((row) => row.id),
  });
  await inTransaction(ctx.db, async (tx) => {
    await insertAll(tx, vendors, vendorData.rows);
    await insertAll(tx, vendorCertifications, vendorData.certifications);
    await insertAll(tx, systems, systemData.rows);
    await insertAll(tx, systemDataCategories, systemData.links);
    await insertAll(tx, systemLocations, systemData.locations);
    await insertAll(tx, activities, activityData.rows);
    await insertAll(tx, activitySubjectCategories, activityData.subjects);
    await insertAll(tx, activityDataCategories, activityData.data);
    await insertAll(tx, activitySystems, activityData.systems);
    await insertAll(tx, activityRecipients, activityData.recipients);
    await insertAll(tx, activityTransfers, activityData.transfers);
    await insertAll(tx, activityControllers, activityData.controllers);
  });
  if (options.analyze) await ctx.db.execute(VACUUM_AND_ANALYZE);
  return { email, password: BENCH_PASSWORD, orgId, activities: options.activities, systems: options.systems };
}
