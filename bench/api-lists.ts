import type { Application } from '../src/app.ts';
import type { SqlExecutor } from '../src/platform/db/database.ts';
import type { Fixture } from './lib/fixture.ts';
import { compare, resultLine } from './lib/measure.ts';

/**
 * The API's list pages over HTTP (Fastify inject: routing, the access hook with its session lookup, validation,
 * the service, serialisation) against their floor: the same rows fetched with hand-written SQL through the same
 * driver. The ratio is what the API adds on top of the database.
 */
export interface ListBenchmark {
  bench: string;
  url: string;
  /** The SQL the page needs at least (run concurrently, as the service does). */
  baseline: { text: string; values: unknown[] }[];
  /** Sanity check of the first response, so a failing route cannot produce fast numbers. */
  check(body: any): string | null;
}

const ORG_LIST_SQL = `
  select o.*, m.role, mgr.name as manager_name, coalesce(cc.total, 0) as client_count
  from memberships m
  join organisations o on o.id = m.org_id
  left join organisations mgr on mgr.id = o.managed_by_org_id
  left join (select managed_by_org_id, count(*) as total from organisations group by managed_by_org_id) cc
    on cc.managed_by_org_id = o.id
  where m.user_id = $1
  order by o.name`;

const PAGE_SQL = (extra: string) => `select * from audit_entries where chain = $1 ${extra} order by seq desc limit 51`;
const COUNT_SQL = (extra: string) => `select count(*) from audit_entries where chain = $1 ${extra}`;

export function listBenchmarks(fixture: Fixture, ownerId: string): ListBenchmark[] {
  const org = fixture.orgId;
  const deepCursor = 301;
  const actor = fixture.colleagueIds[1] as string;
  return [
    {
      bench: 'org-list',
      url: '/api/orgs',
      baseline: [{ text: ORG_LIST_SQL, values: [ownerId] }],
      check: (body) =>
        body.organisations?.length === fixture.organisationCount ? null : 'wrong number of organisations',
    },
    {
      bench: 'audit-list',
      url: `/api/orgs/${org}/audit?limit=50`,
      baseline: [
        { text: PAGE_SQL(''), values: [org] },
        { text: COUNT_SQL(''), values: [org] },
      ],
      check: (body) => (body.entries?.length === 50 && body.total === fixture.auditEntries ? null : 'wrong page'),
    },
    {
      bench: 'audit-list-deep',
      url: `/api/orgs/${org}/audit?limit=50&before=${deepCursor}`,
      baseline: [
        { text: PAGE_SQL('and seq < $2'), values: [org, deepCursor] },
        { text: COUNT_SQL(''), values: [org] },
      ],
      check: (body) => (body.entries?.[0]?.seq === deepCursor - 1 ? null : 'cursor not honoured'),
    },
    {
      bench: 'audit-list-filtered',
      url: `/api/orgs/${org}/audit?limit=50&action=member.&actorId=${actor}`,
      baseline: [
        { text: PAGE_SQL(`and action like 'member.%' and actor_id = $2`), values: [org, actor] },
        { text: COUNT_SQL(`and action like 'member.%' and actor_id = $2`), values: [org, actor] },
      ],
      check: (body) => (body.total > 0 && body.entries.length > 0 ? null : 'filter found nothing'),
    },
  ];
}

/** Signs in through the API and returns the session cookie. */
export async function signInCookie(app: Application, fixture: Fixture): Promise<string> {
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: fixture.email, password: fixture.password },
  });
  const cookie = [response.headers['set-cookie'] ?? []].flat().find((header) => header.startsWith('pd_session='));
  if (response.statusCode !== 200 || !cookie) throw new Error(`bench sign-in failed: ${response.statusCode}`);
  return cookie.split(';')[0] as string;
}

export async function runListBenchmark(
  benchmark: ListBenchmark,
  context: {
    app: Application;
    sql: SqlExecutor;
    cookie: string;
    engine: string;
    n: number;
    warmup: number;
    extra?: Record<string, unknown>;
  },
): Promise<string> {
  const { app, sql, cookie } = context;
  const get = async () => {
    const response = await app.http.inject({ method: 'GET', url: benchmark.url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${benchmark.url}: HTTP ${response.statusCode}`);
    return response;
  };
  const problem = benchmark.check((await get()).json());
  if (problem) throw new Error(`${benchmark.bench}: ${problem}`);
  const measured = await compare(
    async () => {
      await get();
    },
    async () => {
      await Promise.all(benchmark.baseline.map((query) => sql.executeSql(query.text, query.values)));
    },
    { n: context.n, warmup: context.warmup },
  );
  return resultLine({ bench: benchmark.bench, engine: context.engine, n: context.n }, measured, context.extra);
}
