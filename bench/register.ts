import type { Application } from '../src/app.ts';
import type { SqlExecutor } from '../src/platform/db/database.ts';
import { type ListBenchmark, runListBenchmark, signInCookie } from './api-lists.ts';
import { compare, resultLine } from './lib/measure.ts';
import type { RegisterFixture } from './lib/register-fixture.ts';
import { type LoadSettings, runLoadBenchmarks } from './load.ts';

/**
 * The register with 2,000 activities and 500 systems: its two list pages, the completeness check and the PDF
 * export, each against a floor measured in the same run (see bench/README.md).
 */

const ids = (table: string, column: string, owner: string, alias: string) =>
  `(select coalesce(array_agg(l.${column}), '{}') from ${table} l where l.org_id = ${alias}.org_id and l.${owner} = ${alias}.id)`;

/** The activities with every link the register shows, in one statement (the page adds `limit 50`). */
const ACTIVITIES_SQL = `
  select a.*,
    ${ids('activity_subject_categories', 'subject_category_id', 'activity_id', 'a')} as subject_category_ids,
    ${ids('activity_data_categories', 'data_category_id', 'activity_id', 'a')} as data_category_ids,
    ${ids('activity_systems', 'system_id', 'activity_id', 'a')} as system_ids,
    ${ids('activity_recipients', 'vendor_id', 'activity_id', 'a')} as vendor_ids,
    (select coalesce(json_agg(t), '[]') from activity_transfers t where t.org_id = a.org_id and t.activity_id = a.id) as transfers
  from processing_activities a
  where a.org_id = $1
  order by lower(a.name), a.id`;

const SYSTEMS_PAGE_SQL = `
  select s.*, v.name as vendor_name,
    ${ids('system_data_categories', 'data_category_id', 'system_id', 's')} as data_category_ids,
    (select coalesce(json_agg(l), '[]') from system_locations l where l.org_id = s.org_id and l.system_id = s.id) as locations,
    (select count(*) from activity_systems l where l.org_id = s.org_id and l.system_id = s.id) as activity_count
  from systems s
  left join vendors v on v.org_id = s.org_id and v.id = s.vendor_id
  where s.org_id = $1
  order by lower(s.name), s.id
  limit 50`;

/** The first page by completeness (least complete first) from the stored summaries, with every link. */
const BY_COMPLETENESS_SQL = ACTIVITIES_SQL.replace(
  'from processing_activities a',
  'from processing_activities a join activity_completeness c on c.org_id = a.org_id and c.activity_id = a.id',
).replace('order by lower(a.name), a.id', 'order by c.missing desc, c.warnings desc, lower(a.name), a.id limit 50');

const count = (table: string) => `select count(*) from ${table} where org_id = $1`;
const everything = (table: string) => `select * from ${table} where org_id = $1`;

/** What the completeness check reads at least: every activity with its links, and everything they refer to. */
const COMPLETENESS_SQL = [
  ACTIVITIES_SQL,
  everything('data_categories'),
  everything('subject_categories'),
  everything('systems'),
  everything('system_locations'),
  everything('vendors'),
  'select * from organisations where id = $1',
  'select m.*, u.name from memberships m join users u on u.id = m.user_id where m.org_id = $1',
];

export function registerListBenchmarks(fixture: RegisterFixture): ListBenchmark[] {
  const org = fixture.orgId;
  const query = (text: string) => ({ text, values: [org] });
  return [
    {
      bench: 'register-activities-list',
      url: `/api/orgs/${org}/activities?limit=50`,
      baseline: [query(`${ACTIVITIES_SQL} limit 50`), query(count('processing_activities'))],
      check: (body) => (body.items?.length === 50 && body.total === fixture.activities ? null : 'wrong page'),
    },
    {
      bench: 'register-activities-by-completeness',
      url: `/api/orgs/${org}/activities?limit=50&sort=completeness`,
      baseline: [query(BY_COMPLETENESS_SQL), query(count('processing_activities'))],
      check: (body) => (body.items?.length === 50 && body.total === fixture.activities ? null : 'wrong page'),
    },
    {
      bench: 'register-systems-list',
      url: `/api/orgs/${org}/systems?limit=50`,
      baseline: [query(SYSTEMS_PAGE_SQL), query(count('systems'))],
      check: (body) => (body.items?.length === 50 && body.total === fixture.systems ? null : 'wrong page'),
    },
    {
      bench: 'register-completeness',
      url: `/api/orgs/${org}/register/completeness`,
      baseline: COMPLETENESS_SQL.map(query),
      check: (body) => (body.summary?.activities === fixture.activities ? null : 'not every activity checked'),
    },
  ];
}

/** PDF pages, counted in the file (pdfkit writes one `/Type /Page` object per page). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page[^s]/g)?.length ?? 0;

/**
 * The PDF export of the whole register against the JSON export of the same register: both load the same snapshot
 * through the same route, so the ratio is the cost of laying out and rendering the document.
 */
async function runPdfExportBenchmark(context: BenchContext, n: number, warmup: number): Promise<string> {
  const { app, cookie, fixture } = context;
  const get = async (format: string) => {
    const url = `/api/orgs/${fixture.orgId}/register/export?format=${format}&locale=nl`;
    const response = await app.http.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode}`);
    return response.rawPayload;
  };
  const pdf = await get('pdf');
  if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('register-export-pdf: no PDF');
  const measured = await compare(
    async () => {
      await get('pdf');
    },
    async () => {
      await get('json');
    },
    { n, warmup },
  );
  const extra = { ...context.extra, baseline: 'json export', pages: pageCount(pdf), bytes: pdf.length };
  return resultLine({ bench: 'register-export-pdf', engine: context.engine, n }, measured, extra);
}

export interface BenchContext {
  app: Application;
  sql: SqlExecutor;
  cookie: string;
  engine: string;
  fixture: RegisterFixture;
  extra: Record<string, unknown>;
}

export interface RegisterBenchSettings {
  n: number;
  warmup: number;
  /** Rounds for the completeness check (it reads the whole register each time). */
  checkN: number;
  /** Rounds for the PDF export (seconds each); 0 leaves it out. */
  exportN: number;
  /** Concurrent load on the list and the completeness check; 0 connections leaves it out. */
  load: LoadSettings;
}

/** Runs every register benchmark; each JSON line goes to `emit` as soon as it is measured. */
export async function runRegisterBenchmarks(
  app: Application,
  sql: SqlExecutor,
  engine: string,
  fixture: RegisterFixture,
  settings: RegisterBenchSettings,
  emit: (line: string) => void,
): Promise<void> {
  const cookie = await signInCookie(app, { ...fixture, colleagueIds: [], organisationCount: 1, auditEntries: 0 });
  const extra = { activities: fixture.activities, systems: fixture.systems };
  const context: BenchContext = { app, sql, cookie, engine, fixture, extra };
  for (const benchmark of registerListBenchmarks(fixture)) {
    const isCheck = benchmark.bench === 'register-completeness';
    const n = isCheck ? settings.checkN : settings.n;
    const warmup = isCheck ? Math.min(settings.warmup, 3) : settings.warmup;
    emit(await runListBenchmark(benchmark, { app, sql, cookie, engine, n, warmup, extra }));
  }
  if (settings.exportN > 0) emit(await runPdfExportBenchmark(context, settings.exportN, 1));
  if (settings.load.connections > 0) await runLoadBenchmarks(app, engine, fixture, cookie, settings.load, emit);
}
