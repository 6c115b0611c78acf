/**
 * The export package of a request (issue 11, "Performance": "Export package build time and peak RSS for a person
 * with 50k records"): one person with `records` rows in a PostgreSQL table (plus as many rows of other people),
 * found by discovery (the findings are written straight into the table: discovery keeps at most 1,000 per record
 * type), and the package built by the job's handler — read in batches, JSON + CSV per record type, overview PDF,
 * sealed, stored, mailed. The baseline is the same rows read by hand (`select * … where id = any($1)` in batches of
 * the same size) and written to a streaming ZIP as JSON and CSV, without sealing, PDF or storage. Peak RSS is
 * sampled every 20 ms during each build; the ZIP's size and the number of records are reported with it.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type pg from 'pg';
import { createPostgresTestDatabase } from '../src/connectors/postgres/test-server.ts';
import { ZCreateConnectorRequest, ZCreateRecordTypeRequest } from '../src/modules/connectors/contract.ts';
import * as connectors from '../src/modules/connectors/service.ts';
import * as identity from '../src/modules/identity/service.ts';
import { ZCreateSystemRequest } from '../src/modules/inventory/contract.ts';
import * as inventory from '../src/modules/inventory/service.ts';
import { ZCreateOrganisationRequest } from '../src/modules/organisations/contract.ts';
import * as organisations from '../src/modules/organisations/service.ts';
import { ZCreateActivityRequest } from '../src/modules/register/contract.ts';
import * as register from '../src/modules/register/service.ts';
import { READ_BATCH } from '../src/modules/requests/export/rules.ts';
import { buildExportPackage, listExports, requestExport } from '../src/modules/requests/export/service.ts';
import { createRequest } from '../src/modules/requests/service.ts';
import { subjectRequestFindings } from '../src/modules/requests/tables.ts';
import type { AppContext } from '../src/platform/context.ts';
import { inTransaction } from '../src/platform/db/transaction.ts';
import type { Actor, OrgScope } from '../src/platform/http/access.ts';

const SETUP_ACTOR: Actor = { type: 'system', id: 'bench' };
const EMAIL = 'export.persoon@example.org';

export interface ExportBenchOptions {
  records: number;
  /** Rounds of build and baseline, interleaved. */
  rounds?: number;
  progress?: (line: string) => void;
}

/** Samples the process's resident set while `work` runs; returns its result, the time and the peak. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; peakRssMb: number; startRssMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: performance.now() - started, peakRssMb: peak / 2 ** 20, startRssMb: startRss / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function setupOrganisation(ctx: AppContext): Promise<OrgScope> {
  const { ownerId, orgId } = await inTransaction(ctx.db, async (tx) => {
    const owner = await identity.createUser(
      ctx,
      tx,
      {
        email: 'bench-export@privacydesk.test',
        name: 'Esther Export',
        password: 'benchmark-password-not-secret',
        locale: 'nl',
      },
      SETUP_ACTOR,
    );
    const input = ZCreateOrganisationRequest.parse({ name: 'Exportbedrijf B.V.', kvkNumber: '30000000' });
    const org = await organisations.createOrganisation(ctx, tx, input, { userId: owner.id, actor: SETUP_ACTOR });
    return { ownerId: owner.id, orgId: org.id };
  });
  return { orgId, role: 'owner', actor: { type: 'user', id: ownerId } };
}

/** The store: `records` rows of the person and as many of others, about 250 bytes each. */
async function fillStore(client: pg.Client, records: number): Promise<void> {
  await client.query(`create table orders (
    id bigserial primary key, email text not null, full_name text, phone text, product text, note text,
    amount numeric(10, 2), created_at timestamptz not null default now())`);
  await client.query(
    `insert into orders (email, full_name, phone, product, note, amount, created_at)
     select case when g % 2 = 0 then $1 else 'other' || g || '@example.org' end, 'Persoon ' || (g % 2),
            '06-' || lpad(g::text, 8, '0'), 'Product ' || (g % 97),
            'Bestelling ' || g || ': ' || repeat('levering en montage ', 5), (g % 1000) / 7.0,
            now() - (g || ' minutes')::interval
     from generate_series(1, $2::int) g`,
    [EMAIL, records * 2],
  );
  await client.query('create index on orders (email)');
  await client.query('analyze orders');
}

/** The person's keys, as discovery would have stored them (findings), in batches. */
async function writeFindings(
  ctx: AppContext,
  client: pg.Client,
  scope: OrgScope,
  found: { requestId: string; connectorId: string; recordTypeId: string; systemId: string },
) {
  const { rows } = await client.query<{ id: string }>('select id::text from orders where email = $1 order by id', [
    EMAIL,
  ]);
  const now = new Date();
  for (let start = 0; start < rows.length; start += 5000) {
    await ctx.db.insert(subjectRequestFindings).values(
      rows.slice(start, start + 5000).map((row) => ({
        orgId: scope.orgId,
        requestId: found.requestId,
        connectorId: found.connectorId,
        connectorName: 'Webwinkel',
        recordTypeId: found.recordTypeId,
        recordTypeName: 'Bestellingen',
        systemId: found.systemId,
        recordKey: row.id,
        matchedBy: [{ field: 'email', kind: 'email' }],
        lastFoundAt: now,
      })),
    );
  }
  return rows.map((row) => row.id);
}

/** The floor: the same rows read by hand in the same batch size, written as JSON and CSV into a streaming ZIP. */
async function handWritten(client: pg.Client, keys: readonly string[]): Promise<number> {
  let size = 0;
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, data, isFinal) => {
      if (error) reject(error);
      size += data.length;
      if (isFinal) resolve();
    });
    const json = new ZipDeflate('orders.json', { level: 6 });
    const csv = new ZipDeflate('orders.csv', { level: 6 });
    zip.add(json);
    zip.add(csv);
    void (async () => {
      for (let start = 0; start < keys.length; start += READ_BATCH) {
        const { rows } = await client.query('select * from orders where id = any($1::bigint[])', [
          keys.slice(start, start + READ_BATCH),
        ]);
        json.push(strToU8(rows.map((row) => JSON.stringify(row)).join(',\n')));
        csv.push(strToU8(rows.map((row) => Object.values(row).map(String).join(';')).join('\r\n')));
      }
      json.push(new Uint8Array(0), true);
      csv.push(new Uint8Array(0), true);
      zip.end();
    })().catch(reject);
  });
  await done;
  return size;
}

export async function benchRequestsExport(ctx: AppContext, options: ExportBenchOptions) {
  const progress = options.progress ?? (() => {});
  const rounds = options.rounds ?? 3;
  const store = await createPostgresTestDatabase('export_bench');
  try {
    const filling = Date.now();
    await fillStore(store.client, options.records);
    progress(
      `requests-export: ${options.records * 2} rows (${options.records} of the person) in ${Date.now() - filling} ms`,
    );
    const scope = await setupOrganisation(ctx);
    const system = await inventory.createSystem(
      ctx,
      scope,
      ZCreateSystemRequest.parse({ name: 'Webwinkel', kind: 'webshop' }),
    );
    await register.createActivity(
      ctx,
      scope,
      ZCreateActivityRequest.parse({
        name: 'Bestellingen afhandelen',
        role: 'controller',
        purposes: ['Bestellingen leveren en factureren'],
        legalBasis: 'b',
        systemIds: [system.id],
        retention: { kind: 'period', amount: 7, unit: 'years', startEvent: 'het einde van het boekjaar' },
        status: 'active',
      }),
      'nl',
    );
    const connector = await connectors.createConnector(
      ctx,
      scope,
      ZCreateConnectorRequest.parse({
        name: 'Webwinkel',
        kind: 'postgres',
        settings: { ...store.config },
        systemId: system.id,
      }),
    );
    const recordType = await connectors.createRecordType(
      ctx,
      scope,
      connector.id,
      ZCreateRecordTypeRequest.parse({
        name: 'Bestellingen',
        definition: {
          table: 'orders',
          keyColumn: 'id',
          identityColumns: [{ column: 'email', kind: 'email' }],
          timestampColumns: ['created_at'],
        },
      }),
    );
    const builds: { ms: number; peakRssMb: number; startRssMb: number; sizeBytes: number; records: number }[] = [];
    const baselines: { ms: number; peakRssMb: number; startRssMb: number }[] = [];
    let keys: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const request = await createRequest(ctx, scope, {
        right: 'access',
        channel: 'email',
        receivedAt: new Date().toISOString(),
        requester: { name: 'Export Persoon', email: EMAIL },
        locale: 'nl',
      });
      keys = await writeFindings(ctx, store.client, scope, {
        requestId: request.id,
        connectorId: connector.id,
        recordTypeId: recordType.id,
        systemId: system.id,
      });
      const queued = await requestExport(ctx, scope, request.id);
      const build = await measured(() => buildExportPackage(ctx, { orgId: scope.orgId, exportId: queued.id }));
      const [built] = (await listExports(ctx, scope, request.id)).items;
      if (build.result !== 'ready' || !built) throw new Error(`the export build ended ${build.result}`);
      builds.push({ ...build, sizeBytes: built.sizeBytes ?? 0, records: built.recordCount ?? 0 });
      const baseline = await measured(() => handWritten(store.client, keys));
      baselines.push(baseline);
      progress(
        `requests-export: round ${round + 1}: build ${Math.round(build.ms)} ms, baseline ${Math.round(baseline.ms)} ms`,
      );
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const buildMs = median(builds.map((b) => b.ms));
    const baselineMs = median(baselines.map((b) => b.ms));
    const round1 = (value: number) => Math.round(value * 10) / 10;
    return {
      bench: 'requests-export',
      records: builds[0]?.records,
      rounds,
      build_ms: Math.round(buildMs),
      records_per_s: Math.round(((builds[0]?.records ?? 0) / buildMs) * 1000),
      baseline_ms: Math.round(baselineMs),
      ratio: round1(buildMs / baselineMs),
      zip_bytes: builds[0]?.sizeBytes,
      peak_rss_mb: round1(Math.max(...builds.map((b) => b.peakRssMb))),
      rss_growth_mb: round1(Math.max(...builds.map((b) => b.peakRssMb - b.startRssMb))),
      baseline_peak_rss_mb: round1(Math.max(...baselines.map((b) => b.peakRssMb))),
      baseline_rss_growth_mb: round1(Math.max(...baselines.map((b) => b.peakRssMb - b.startRssMb))),
    };
  } finally {
    await store.drop();
  }
}
