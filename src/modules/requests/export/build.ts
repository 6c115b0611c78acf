/**
 * Builds a request's export package (job `requests.export`): for each record type with findings, reads the found
 * records in bounded batches and writes `<connector>/<record type>.json` and `.csv`, adds the overview PDF in the
 * request's language, seals the ZIP with the instance key, stores it with an expiring download link, and mails the
 * link to the person. A build that fails records why (a stable code); the officer may ask for a new one.
 */
import type { ZipDeflate } from 'fflate';
import type { StoredRecord } from '../../../connectors/connector.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { generateToken, hashToken } from '../../../platform/crypto/tokens.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { Actor, OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as connectors from '../../connectors/service.ts';
import * as organisations from '../../organisations/service.ts';
import * as registerIo from '../../register-io/service.ts';
import * as requestStore from '../store.ts';
import { addEvent, sendLetter } from '../use-cases/events.ts';
import { openContent, referenceOf } from '../use-cases/present.ts';
import { exportReadyLetter } from './letter.ts';
import { type FoundSummary, overviewFileName, overviewPdf } from './pdf.ts';
import { cellText, expiryOf, READ_BATCH, uniquePaths } from './rules.ts';
import * as store from './store.ts';
import type { PackageContents } from './tables.ts';
import { SealedZipWriter } from './zip-writer.ts';

export const EXPORT_ACTOR: Actor = { type: 'system', id: 'requests.export' };

type RecordTypeFindings = Awaited<ReturnType<typeof store.findingGroups>>[number];

/** CSV separator per language, as the register's CSV export writes it (what Excel expects in that region). */
const CSV_SEPARATOR = { nl: ';', en: ',' } as const;

/** Writes one batch of records to the JSON and CSV files of their record type. */
class RecordTypeFiles {
  #columns: string[] | null = null;
  #count = 0;

  constructor(
    private readonly zip: SealedZipWriter,
    private readonly json: ZipDeflate,
    private readonly csv: ZipDeflate,
    private readonly locale: Locale,
    header: { connector: string; recordType: string; system: string | null },
  ) {
    zip.write(
      json,
      `{"connector":${JSON.stringify(header.connector)},"recordType":${JSON.stringify(header.recordType)},`,
    );
    zip.write(json, `"system":${JSON.stringify(header.system)},"records":[`);
  }

  add(records: readonly StoredRecord[]): void {
    if (records.length === 0) return;
    const columns = this.#columns ?? [...new Set(records.flatMap((record) => Object.keys(record.fields)))];
    const rows = records.map((record) => [record.key, ...columns.map((column) => cellText(record.fields[column]))]);
    const csv = registerIo.writeCsv(this.#columns ? rows : [['key', ...columns], ...rows], CSV_SEPARATOR[this.locale]);
    this.zip.write(this.csv, this.#columns ? csv.slice(1) : csv);
    this.#columns = columns;
    const json = records.map((record) => JSON.stringify({ key: record.key, fields: record.fields })).join(',\n');
    this.zip.write(this.json, `${this.#count > 0 ? ',\n' : '\n'}${json}`);
    this.#count += records.length;
  }

  close(): number {
    if (!this.#columns) this.zip.write(this.csv, registerIo.writeCsv([['key']], CSV_SEPARATOR[this.locale]));
    this.zip.write(this.json, '\n]}\n');
    this.zip.close(this.json);
    this.zip.close(this.csv);
    return this.#count;
  }
}

/** Reads a record type's found records batch by batch into its two files; returns how many were read. */
async function writeRecordType(
  ctx: AppContext,
  scope: OrgScope,
  zip: SealedZipWriter,
  group: RecordTypeFindings,
  files: { path: string; locale: Locale; system: string | null; requestId: string },
): Promise<number> {
  return connectors.withRecordType(ctx, scope, group.recordTypeId, async ({ connector, definition }) => {
    const writer = new RecordTypeFiles(
      zip,
      zip.openText(`${files.path}.json`),
      zip.openText(`${files.path}.csv`),
      files.locale,
      { connector: group.connectorName, recordType: group.recordTypeName, system: files.system },
    );
    const keysOf = { orgId: scope.orgId, requestId: files.requestId, recordTypeId: group.recordTypeId };
    for (let after: string | null = null; ; ) {
      const keys = await store.findingKeys(ctx.db, keysOf, after, READ_BATCH);
      if (keys.length > 0) writer.add(await connector.read(definition, keys));
      if (keys.length < READ_BATCH) break;
      after = keys.at(-1) as string;
    }
    return writer.close();
  });
}

/** Why a build failed, as a stable code: the connector's failure code, the AppError's code, or `failed`. */
function failureCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[a-z_]{1,60}$/.test(code) ? code : 'failed';
}

/** Marks the package as building; false when it is not (any more) waiting to be built. */
async function startBuild(ctx: AppContext, orgId: string, exportId: string): Promise<store.ExportHead | null> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await store.lockExport(tx, orgId, exportId);
    if (!row || (row.status !== 'queued' && row.status !== 'building')) return null;
    await store.updateExport(tx, orgId, exportId, { status: 'building' });
    return row;
  });
}

interface Built {
  sealed: Buffer;
  sizeBytes: number;
  sha256: string;
  recordCount: number;
  contents: PackageContents;
}

async function writePackage(
  ctx: AppContext,
  scope: OrgScope,
  request: requestStore.RequestRow,
  locale: Locale,
): Promise<Built> {
  const now = ctx.clock.now();
  const groups = await store.findingGroups(ctx.db, scope.orgId, request.id);
  const snapshot = await registerIo.loadSnapshot(ctx, scope, locale);
  const systemNames = new Map(snapshot.systems.map((system) => [system.id, system.name]));
  const paths = uniquePaths(groups.map((g) => ({ connector: g.connectorName, recordType: g.recordTypeName })));
  const zip = new SealedZipWriter(ctx.secrets, now);
  try {
    const found: FoundSummary[] = [];
    const contents: PackageContents = [];
    for (const [index, group] of groups.entries()) {
      const path = paths[index] as string;
      const system = group.systemId ? (systemNames.get(group.systemId) ?? null) : null;
      const records = await writeRecordType(ctx, scope, zip, group, { path, locale, system, requestId: request.id });
      found.push({ system, connector: group.connectorName, recordType: group.recordTypeName, records });
      contents.push({
        system: system ?? group.connectorName,
        recordType: group.recordTypeName,
        records,
        files: [`${path}.json`, `${path}.csv`],
      });
    }
    const systemIds = new Set(groups.flatMap((group) => (group.systemId ? [group.systemId] : [])));
    const pdf = await overviewPdf({
      locale,
      reference: referenceOf(request),
      builtOn: calendarDateIn(now),
      found,
      snapshot,
      systemIds,
    });
    zip.addStored(overviewFileName(locale), pdf);
    const result = await zip.finish();
    return { ...result, recordCount: found.reduce((sum, row) => sum + row.records, 0), contents };
  } catch (error) {
    zip.abort();
    throw error;
  }
}

/** Stores the built package, puts it on the timeline and in the audit trail, and mails the person the link. */
async function storePackage(
  ctx: AppContext,
  request: requestStore.RequestRow,
  exportId: string,
  built: Built,
): Promise<void> {
  const now = ctx.clock.now();
  const token = generateToken('', 32);
  const content = openContent(ctx, request);
  const locale: Locale = request.locale === 'en' ? 'en' : 'nl';
  const expiresAt = expiryOf(now);
  const org = await organisationName(ctx, request.orgId);
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    await store.updateExport(tx, request.orgId, exportId, {
      status: 'ready',
      error: null,
      packageSealed: built.sealed,
      sizeBytes: built.sizeBytes,
      recordCount: built.recordCount,
      sha256: built.sha256,
      contents: built.contents,
      downloadTokenHash: hashToken(token),
      expiresAt,
      builtAt: now,
    });
    const counts = { records: built.recordCount, recordTypes: built.contents.length, sizeBytes: built.sizeBytes };
    await addEvent(ctx, tx, request, 'export_built', EXPORT_ACTOR, { data: { exportId, ...counts } });
    await recordAudit(tx, now, {
      orgId: request.orgId,
      actor: EXPORT_ACTOR,
      action: 'subject_request.export_built',
      target: { type: 'subject_request', id: request.id, name: referenceOf(request) },
      data: { exportId, ...counts },
    });
    if (!content?.email) return;
    const link = `${ctx.config.publicUrl}/p/${org.slug}/request/download?token=${encodeURIComponent(token)}`;
    const letter = exportReadyLetter(locale, {
      name: content.name,
      organisation: org.name,
      reference: referenceOf(request) ?? '',
      link,
      expiresOn: calendarDateIn(expiresAt),
    });
    await sendLetter(
      ctx,
      tx,
      request,
      { to: content.email, locale, letter, isSensitive: true },
      EXPORT_ACTOR,
      afterCommit,
    );
  });
}

async function organisationName(ctx: AppContext, orgId: string) {
  const org = await organisations.organisationByRef(ctx, orgId);
  return { slug: org?.slug ?? '', name: org?.name ?? '' };
}

async function recordFailure(ctx: AppContext, request: requestStore.RequestRow, exportId: string, code: string) {
  await inTransaction(ctx.db, async (tx) => {
    await store.updateExport(tx, request.orgId, exportId, { status: 'failed', error: code });
    await addEvent(ctx, tx, request, 'export_failed', EXPORT_ACTOR, { data: { exportId, error: code } });
  });
}

/**
 * The job: builds one package. Idempotent: a package that is ready, failed or expired is left alone. A failure
 * is recorded on the package and the timeline (not retried: the officer sees it and may ask again).
 */
export async function buildExportPackage(
  ctx: AppContext,
  payload: { orgId: string; exportId: string },
): Promise<'ready' | 'failed' | 'skipped'> {
  const row = await startBuild(ctx, payload.orgId, payload.exportId);
  if (!row) return 'skipped';
  const request = await requestStore.findRequest(ctx.db, row.orgId, row.requestId);
  if (!request) return 'skipped';
  const scope: OrgScope = { orgId: row.orgId, role: 'owner', actor: EXPORT_ACTOR };
  const locale: Locale = request.locale === 'en' ? 'en' : 'nl';
  try {
    if (!request.contentSealed) throw Object.assign(new Error('request minimised'), { code: 'request_minimised' });
    const built = await writePackage(ctx, scope, request, locale);
    await storePackage(ctx, request, row.id, built);
    return 'ready';
  } catch (error) {
    await recordFailure(ctx, request, row.id, failureCode(error));
    return 'failed';
  }
}
