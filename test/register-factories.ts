import { and, asc, eq, gt } from 'drizzle-orm';
import { allDataCategories, allSubjectCategories } from '../src/modules/categories/service.ts';
import { systemDataCategories, systemLocations, systems } from '../src/modules/inventory/tables.ts';
import { vendors } from '../src/modules/vendors/tables.ts';
import { auditChainHeads, auditEntries } from '../src/platform/audit/tables.ts';
import type { TestApp } from './app.ts';

/**
 * Register fixtures written straight into the inventory and vendor tables, so the register's tests do not depend on
 * those modules' routes (built alongside).
 */
export async function insertVendor(
  app: TestApp,
  orgId: string,
  values: { name: string; country: string } & Partial<typeof vendors.$inferInsert>,
): Promise<string> {
  const [row] = await app.ctx.db
    .insert(vendors)
    .values({ kind: 'processor', ...values, orgId })
    .returning({ id: vendors.id });
  return (row as { id: string }).id;
}

export interface LocationFixture {
  role?: 'primary' | 'replica' | 'backup' | 'offsite_backup';
  country: string;
  since?: string;
  until?: string | null;
  providerVendorId?: string | null;
  transferSafeguard?: string | null;
}

export async function insertSystem(
  app: TestApp,
  orgId: string,
  values: {
    name: string;
    kind?: string;
    vendorId?: string | null;
    status?: 'active' | 'retired';
    dataCategoryIds?: string[];
    locations?: LocationFixture[];
  },
): Promise<string> {
  const { dataCategoryIds = [], locations = [], ...fields } = values;
  const [row] = await app.ctx.db
    .insert(systems)
    .values({ kind: 'other', ...fields, orgId })
    .returning({ id: systems.id });
  const systemId = (row as { id: string }).id;
  if (dataCategoryIds.length > 0) {
    await app.ctx.db
      .insert(systemDataCategories)
      .values(dataCategoryIds.map((dataCategoryId) => ({ orgId, systemId, dataCategoryId })));
  }
  for (const location of locations) {
    await app.ctx.db
      .insert(systemLocations)
      .values({ role: 'primary', since: '2020-01-01', ...location, orgId, systemId });
  }
  return systemId;
}

/** The default categories every organisation starts with, by key (see categories/defaults.ts). */
export async function categoryIds(app: TestApp, orgId: string) {
  const [data, subjects] = await Promise.all([
    allDataCategories(app.ctx.db, orgId),
    allSubjectCategories(app.ctx.db, orgId),
  ]);
  const byKey = (rows: { key: string; id: string }[]) => {
    const map = new Map(rows.map((row) => [row.key, row.id]));
    return (key: string) => {
      const id = map.get(key);
      if (!id) throw new Error(`no category ${key}`);
      return id;
    };
  };
  return { data: byKey(data), subject: byKey(subjects) };
}

/** The sequence number of an organisation's audit chain head (0 when nothing was recorded). */
export async function auditSeq(app: TestApp, orgId: string): Promise<number> {
  const [head] = await app.ctx.db.select().from(auditChainHeads).where(eq(auditChainHeads.chain, orgId));
  return head?.seq ?? 0;
}

/** The audit entries of an organisation after a sequence number, oldest first. */
export async function auditSince(app: TestApp, orgId: string, afterSeq: number) {
  return app.ctx.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.chain, orgId), gt(auditEntries.seq, afterSeq)))
    .orderBy(asc(auditEntries.seq));
}
