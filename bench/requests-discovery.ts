/**
 * Discovery of one person across every store kind (issue 11, "Performance"; DESIGN.md: p50 < 1 s): a PostgreSQL and
 * a MariaDB table of `rows` rows with indexed identity columns, a Dovecot mailbox of `messages` messages and a
 * directory of `files` files, each person's values written in different forms. Per person, the four connectors'
 * findSubject() run at the same time (as a discovery over an organisation's connectors would run them), with the
 * forms of requests/identities.ts; the baseline is the same lookups written by hand against each store (one SQL
 * statement, one IMAP SEARCH, a read-and-grep of the directory), interleaved person by person.
 */
import { mkdir, mkdtemp, open as openFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImapFlow, SearchObject } from 'imapflow';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { Connector, SubjectIdentity } from '../src/connectors/connector.ts';
import { MAX_CONTENT_BYTES } from '../src/connectors/files/files-connector.ts';
import { filesManifest } from '../src/connectors/files/manifest.ts';
import { imapManifest } from '../src/connectors/imap/manifest.ts';
import { mysqlManifest } from '../src/connectors/mysql/manifest.ts';
import { MYSQL_TEST_SERVER } from '../src/connectors/mysql/test-server.ts';
import { postgresManifest } from '../src/connectors/postgres/manifest.ts';
import type { TSqlRecordType } from '../src/connectors/sql/schema.ts';
import { expandIdentity } from '../src/modules/requests/identities.ts';
import {
  type DovecotServer,
  dovecotUnavailableReason,
  openImapClient,
  type SeedMessage,
  startDovecot,
  writeMaildirMessages,
} from '../test/servers/dovecot.ts';
import { percentile } from './lib/measure.ts';

const STORES = ['postgres', 'mysql', 'imap', 'files'] as const;
type Store = (typeof STORES)[number];
type Lookup = (identity: SubjectIdentity) => Promise<number>;

export interface DiscoveryBenchOptions {
  rows: number;
  messages: number;
  files: number;
  persons?: number;
  progress?: (line: string) => void;
}

const pad8 = (n: number) => String(n).padStart(8, '0');
/** Person n's mobile number as the n-th store row writes it: four spellings in turn. */
const phoneSpelling = (n: number) => [`06-${pad8(n)}`, `+31 6 ${pad8(n)}`, `00316${pad8(n)}`, `06${pad8(n)}`][n % 4]!;
const personName = (n: number) => `Person ${n} Jansen`;
const personEmail = (n: number) => (n % 3 === 0 ? `Person${n}@Example.org` : `person${n}@example.org`);

/** Who is looked for: spread over the table, each as a request form would give them (other spellings). */
function personsOf(rows: number, count: number): number[] {
  return Array.from({ length: count }, (_, j) => 1 + Math.floor((j * rows) / count) + (j % 7));
}
const identityOf = (n: number) =>
  expandIdentity({ emails: [`PERSON${n}@example.org`], phones: [`+31 6 ${pad8(n)}`], names: [personName(n)] });

/** Who message/file i is about: the persons looked for get a few each, the rest are spread over all rows. */
const subjectOfItem = (i: number, persons: readonly number[], rows: number) =>
  i < persons.length * 3 ? persons[i % persons.length]! : 1 + ((i * 7919) % rows);

const RECORD_TYPE = {
  table: 'customers',
  keyColumn: 'id',
  identityColumns: [
    { column: 'email', kind: 'email' },
    { column: 'phone', kind: 'phone' },
    { column: 'full_name', kind: 'name' },
  ],
  timestampColumns: ['created_at'],
  anonymisableColumns: [],
  schema: 'public',
} satisfies TSqlRecordType & { schema: string };

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------------------------

async function preparePostgres(rows: number, name: string) {
  const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(
    'CREATE TABLE customers (id bigint PRIMARY KEY, email text, phone text, full_name text, created_at timestamptz)',
  );
  await client.query(
    `INSERT INTO customers SELECT n,
       CASE WHEN n % 3 = 0 THEN 'Person' || n || '@Example.org' ELSE 'person' || n || '@example.org' END,
       CASE n % 4 WHEN 0 THEN '06-' || lpad(n::text, 8, '0') WHEN 1 THEN '+31 6 ' || lpad(n::text, 8, '0')
                  WHEN 2 THEN '00316' || lpad(n::text, 8, '0') ELSE '06' || lpad(n::text, 8, '0') END,
       'Person ' || n || ' Jansen', timestamptz '2026-01-01' - (n % 1000) * interval '1 day'
     FROM generate_series(1, $1::bigint) n`,
    [rows],
  );
  // The indexes docs/connectors-sql.md asks a DBA for: lower() for the columns compared ignoring case.
  await client.query('CREATE INDEX customers_email ON customers (lower(email))');
  await client.query('CREATE INDEX customers_phone ON customers (phone)');
  await client.query('CREATE INDEX customers_name ON customers (lower(full_name))');
  await client.query('VACUUM ANALYZE customers');
  const connector = postgresManifest.open(
    {
      host: url.hostname,
      port: Number(url.port || 5432),
      database: name,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      sslMode: 'disable',
      connectTimeoutMs: 10_000,
    },
    { timeoutMs: 60_000 },
  );
  const baseline: Lookup = async (identity) => {
    const { rows: found } = await client.query(
      `SELECT id, email, phone, full_name, created_at FROM customers
        WHERE lower(email) = ANY($1) OR phone = ANY($2) OR lower(full_name) = ANY($3) ORDER BY id LIMIT 1000`,
      [identity.emails, identity.phones, identity.names.map((n) => n.toLowerCase())],
    );
    return found.length;
  };
  return {
    connector: connector as Connector<TSqlRecordType>,
    baseline,
    async dispose() {
      await connector.close();
      await client.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// MariaDB / MySQL
// ---------------------------------------------------------------------------------------------------------------

async function prepareMysql(rows: number, name: string) {
  const admin = await mysql.createConnection({ ...MYSQL_TEST_SERVER });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.query(`USE \`${name}\``);
  await admin.query(
    `CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(200), phone varchar(40), full_name varchar(200),
      created_at datetime)`,
  );
  // MariaDB's sequence engine (seq_1_to_N); in chunks, so one statement stays a moderate transaction.
  for (let from = 1; from <= rows; from += 250_000) {
    const to = Math.min(rows, from + 249_999);
    await admin.query(
      `INSERT INTO customers SELECT seq,
         IF(seq % 3 = 0, CONCAT('Person', seq, '@Example.org'), CONCAT('person', seq, '@example.org')),
         ELT(seq % 4 + 1, CONCAT('06-', LPAD(seq, 8, '0')), CONCAT('+31 6 ', LPAD(seq, 8, '0')),
             CONCAT('00316', LPAD(seq, 8, '0')), CONCAT('06', LPAD(seq, 8, '0'))),
         CONCAT('Person ', seq, ' Jansen'), TIMESTAMP '2026-01-01 00:00:00' - INTERVAL (seq % 1000) DAY
       FROM seq_${from}_to_${to}`,
    );
  }
  await admin.query(
    'ALTER TABLE customers ADD INDEX customers_email (email), ADD INDEX customers_phone (phone), ADD INDEX customers_name (full_name)',
  );
  await admin.query('ANALYZE TABLE customers');
  const connector = mysqlManifest.open(
    { ...MYSQL_TEST_SERVER, database: name, sslMode: 'disable', connectTimeoutMs: 10_000 },
    { timeoutMs: 60_000 },
  );
  const baseline: Lookup = async (identity) => {
    const list = (values: readonly string[]) => values.map(() => '?').join(', ');
    const [found] = await admin.query(
      `SELECT id, email, phone, full_name, created_at FROM customers
        WHERE email IN (${list(identity.emails)}) OR phone IN (${list(identity.phones)})
           OR full_name IN (${list(identity.names)}) ORDER BY id LIMIT 1000`,
      [...identity.emails, ...identity.phones, ...identity.names],
    );
    return (found as unknown[]).length;
  };
  return {
    connector: connector as Connector<TSqlRecordType>,
    baseline,
    async dispose() {
      await connector.close();
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``).catch(() => undefined);
      await admin.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// IMAP
// ---------------------------------------------------------------------------------------------------------------

function* mailOf(count: number, persons: readonly number[], rows: number): Generator<SeedMessage> {
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < count; i += 1) {
    const k = subjectOfItem(i, persons, rows);
    yield {
      internalDate: new Date(start + i * 60_000),
      from: i % 2 === 0 ? `"${personName(k)}" <${personEmail(k)}>` : 'Office <office@example.nl>',
      to: i % 2 === 0 ? 'Office <office@example.nl>' : `"${personName(k)}" <${personEmail(k)}>`,
      subject: `Order ${i}`,
      body: i % 5 === 0 ? `Please call me back on ${phoneSpelling(k)}.` : 'A question about my order.',
    };
  }
}

async function prepareImap(messages: number, persons: readonly number[], rows: number) {
  const server: DovecotServer = await startDovecot();
  await writeMaildirMessages(server, 'INBOX', mailOf(messages, persons, rows));
  const client: ImapFlow = await openImapClient(server);
  // Dovecot indexes the Maildir at the first SELECT; its envelope cache is built by a first FETCH.
  const lock = await client.getMailboxLock('INBOX');
  try {
    for await (const _ of client.fetch('1:*', { uid: true, envelope: true, internalDate: true, flags: true })) {
      // reading is the point
    }
  } finally {
    lock.release();
  }
  const connector = imapManifest.open(
    {
      host: server.host,
      port: server.port,
      security: 'none',
      user: server.user,
      password: server.password,
      connectTimeoutMs: 10_000,
    },
    { timeoutMs: 300_000 },
  );
  const baseline: Lookup = async (identity) => {
    const terms: SearchObject[] = [
      ...[...identity.emails, ...identity.names].flatMap((v) => [{ from: v }, { to: v }, { cc: v }]),
      ...identity.phones.map((form) => ({ body: form })),
    ];
    const lock = await client.getMailboxLock('INBOX');
    try {
      return ((await client.search({ or: terms }, { uid: true })) || []).length;
    } finally {
      lock.release();
    }
  };
  return {
    connector,
    baseline,
    async dispose() {
      await connector.close();
      await client.logout().catch(() => undefined);
      await server.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------------------------

async function prepareFiles(count: number, persons: readonly number[], rows: number) {
  const root = await mkdtemp(join(tmpdir(), 'privacydesk-bench-files-'));
  const directory = join(root, 'letters');
  await mkdir(directory);
  const filler = 'We have received your letter and will answer it within four weeks. '.repeat(6);
  for (let i = 0; i < count; i += 64) {
    const writes: Promise<void>[] = [];
    for (let j = i; j < Math.min(count, i + 64); j += 1) {
      const k = subjectOfItem(j, persons, rows);
      const name = j % 10 === 0 ? `cv-person-${k}-jansen.txt` : `letter-${j}.txt`;
      const content =
        j % 10 === 0
          ? `Curriculum vitae\n${filler}\n`
          : `Dear ${personName(k)},\n${filler}\nPhone ${phoneSpelling(k)}, e-mail ${personEmail(k)}.\n`;
      writes.push(writeFile(join(directory, name), content));
    }
    await Promise.all(writes);
  }
  const connector = filesManifest.open({ root }, { timeoutMs: 300_000 });
  /** A hand-written grep: every file's name and first MiB, lower-cased, searched for every value as a substring. */
  const baseline: Lookup = async (identity) => {
    const needles = [
      ...identity.emails,
      ...identity.phones,
      ...identity.names.flatMap((n) => [' ', '-'].map((joiner) => n.toLowerCase().split(' ').join(joiner))),
    ];
    const names = await readdir(directory);
    let found = 0;
    const buffer = Buffer.alloc(MAX_CONTENT_BYTES);
    for (const name of names) {
      const handle = await openFile(join(directory, name), 'r');
      const { bytesRead } = await handle.read(buffer, 0, MAX_CONTENT_BYTES, 0);
      await handle.close();
      const text = `${name.toLowerCase()}\n${buffer.subarray(0, bytesRead).toString('utf8').toLowerCase()}`;
      if (needles.some((needle) => text.includes(needle))) found += 1;
    }
    return found;
  };
  return {
    connector,
    baseline,
    async dispose() {
      await connector.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------------------------

interface Samples {
  total: number[];
  perStore: Record<Store, number[]>;
  found: Record<Store, number>;
}

const emptySamples = (): Samples => ({
  total: [],
  perStore: { postgres: [], mysql: [], imap: [], files: [] },
  found: { postgres: 0, mysql: 0, imap: 0, files: 0 },
});

/** Runs one lookup per store at the same time; records each store's time and the whole. */
async function timeDiscovery(lookups: Record<Store, () => Promise<number>>, samples: Samples): Promise<void> {
  const started = performance.now();
  await Promise.all(
    STORES.map(async (store) => {
      const storeStarted = performance.now();
      samples.found[store] += await lookups[store]();
      samples.perStore[store].push(performance.now() - storeStarted);
    }),
  );
  samples.total.push(performance.now() - started);
}

const round = (value: number) => Math.round(value * 10) / 10;
const ratio = (subject: number, baseline: number) => Math.round((subject / baseline) * 100) / 100;

export async function benchRequestsDiscovery(options: DiscoveryBenchOptions): Promise<Record<string, unknown>> {
  const progress = options.progress ?? (() => {});
  const persons = personsOf(options.rows, options.persons ?? 50);
  const dovecotProblem = dovecotUnavailableReason();
  if (dovecotProblem) return { bench: 'requests-discovery', skipped: dovecotProblem };
  const name = `pdt_${Math.floor(Date.now() / 1000)}_requests`;
  const setupStarted = performance.now();
  const opened: { dispose(): Promise<void> }[] = [];
  try {
    progress(`requests: PostgreSQL and MariaDB tables of ${options.rows} rows`);
    const postgres = await preparePostgres(options.rows, name);
    opened.push(postgres);
    const maria = await prepareMysql(options.rows, name);
    opened.push(maria);
    progress(`requests: a mailbox of ${options.messages} messages (Maildir, then indexed by Dovecot)`);
    const imapStarted = performance.now();
    const imap = await prepareImap(options.messages, persons, options.rows);
    opened.push(imap);
    const imapSetupSeconds = (performance.now() - imapStarted) / 1000;
    progress(`requests: a directory of ${options.files} files`);
    const files = await prepareFiles(options.files, persons, options.rows);
    opened.push(files);
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    const subjectLookups = (identity: SubjectIdentity): Record<Store, () => Promise<number>> => ({
      postgres: async () => (await postgres.connector.findSubject(RECORD_TYPE, identity, { limit: 1000 })).length,
      mysql: async () => (await maria.connector.findSubject(RECORD_TYPE, identity, { limit: 1000 })).length,
      imap: async () => (await imap.connector.findSubject({ folders: ['INBOX'] }, identity, { limit: 1000 })).length,
      files: async () =>
        (
          await files.connector.findSubject({ directory: 'letters', pattern: '*', recursive: false }, identity, {
            limit: 1000,
          })
        ).length,
    });
    const baselineLookups = (identity: SubjectIdentity): Record<Store, () => Promise<number>> => ({
      postgres: () => postgres.baseline(identity),
      mysql: () => maria.baseline(identity),
      imap: () => imap.baseline(identity),
      files: () => files.baseline(identity),
    });

    progress(`requests: discovery of ${persons.length} persons (after 3 warm-up rounds)`);
    for (const n of persons.slice(0, 3)) {
      await timeDiscovery(subjectLookups(identityOf(n)), emptySamples());
      await timeDiscovery(baselineLookups(identityOf(n)), emptySamples());
    }
    const subject = emptySamples();
    const baseline = emptySamples();
    for (const n of persons) {
      const identity = identityOf(n);
      await timeDiscovery(subjectLookups(identity), subject);
      await timeDiscovery(baselineLookups(identity), baseline);
    }
    // What the mailbox costs without a BODY search (a person known by e-mail address and name only).
    const headersOnly: number[] = [];
    for (const n of persons) {
      const started = performance.now();
      await imap.connector.findSubject({ folders: ['INBOX'] }, { ...identityOf(n), phones: [] }, { limit: 1000 });
      headersOnly.push(performance.now() - started);
    }
    const figures = (samples: number[]) => ({ p50: percentile(samples, 50), p95: percentile(samples, 95) });
    const total = figures(subject.total);
    const totalBaseline = figures(baseline.total);
    return {
      bench: 'requests-discovery',
      rows: options.rows,
      messages: options.messages,
      files: options.files,
      persons: persons.length,
      p50_ms: round(total.p50),
      p95_ms: round(total.p95),
      baseline_p50_ms: round(totalBaseline.p50),
      baseline_p95_ms: round(totalBaseline.p95),
      ratio_p50: ratio(total.p50, totalBaseline.p50),
      ratio_p95: ratio(total.p95, totalBaseline.p95),
      stores: Object.fromEntries(
        STORES.map((store) => {
          const own = figures(subject.perStore[store]);
          const hand = figures(baseline.perStore[store]);
          return [
            store,
            {
              p50_ms: round(own.p50),
              p95_ms: round(own.p95),
              baseline_p50_ms: round(hand.p50),
              baseline_p95_ms: round(hand.p95),
              ratio_p50: ratio(own.p50, hand.p50),
              found: subject.found[store],
              baseline_found: baseline.found[store],
            },
          ];
        }),
      ),
      imap_headers_only_p50_ms: round(figures(headersOnly).p50),
      imap_headers_only_p95_ms: round(figures(headersOnly).p95),
      setup_seconds: Math.round(setupSeconds),
      imap_setup_seconds: Math.round(imapSetupSeconds),
    };
  } finally {
    for (const store of opened.reverse()) await store.dispose().catch(() => undefined);
  }
}
