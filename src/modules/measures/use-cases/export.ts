/**
 * The register of measures as a file: an XLSX workbook (the measures, their evidence, the open findings) or a PDF
 * document for an auditor or a client, in the language asked for. Every value is written as plain text.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { type Locale, translate } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as organisations from '../../organisations/service.ts';
import * as registerIo from '../../register-io/service.ts';
import type { TFindings, TMeasure } from '../contract.ts';
import { getFindings } from './findings.ts';
import { listMeasures } from './measures.ts';

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const say = (locale: Locale, key: string, params?: Record<string, unknown>) =>
  translate(locale, `measures.export.${key}`, params);

interface ExportFacts {
  locale: Locale;
  organisation: string;
  today: string;
  measures: TMeasure[];
  findings: TFindings;
  ownerNames: ReadonlyMap<string, string>;
}

function measureRows(facts: ExportFacts): string[][] {
  const { locale } = facts;
  const header = ['title', 'status', 'reason', 'controls', 'systems', 'vendors', 'owner', 'reviewDate', 'evidence'];
  return [
    header.map((key) => say(locale, `columns.${key}`)),
    ...facts.measures.map((measure) => [
      measure.title,
      say(locale, `statuses.${measure.status}`),
      measure.notApplicableReason ?? '',
      measure.controls.join(', '),
      measure.systems.map((ref) => ref.name).join(', ') || say(locale, 'wholeOrganisation'),
      measure.vendors.map((ref) => ref.name).join(', '),
      (measure.ownerUserId && facts.ownerNames.get(measure.ownerUserId)) || '',
      measure.reviewDate ?? '',
      measure.evidence
        .map((item) => `${say(locale, `evidence.${item.kind}`)}: ${item.fileName ?? item.url ?? item.note}`)
        .join('\n'),
    ]),
  ];
}

function findingRows(facts: ExportFacts): string[][] {
  return [[say(facts.locale, 'columns.finding')], ...facts.findings.open.map((finding) => [finding.message])];
}

async function measuresXlsx(facts: ExportFacts): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'privacydesk';
  for (const [name, rows] of [
    [say(facts.locale, 'sheets.measures'), measureRows(facts)],
    [say(facts.locale, 'sheets.findings'), findingRows(facts)],
  ] as const) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRows(rows);
    sheet.getRow(1).font = { bold: true };
    rows[0]?.forEach((_, index) => {
      sheet.getColumn(index + 1).width = index === 0 ? 40 : 24;
      sheet.getColumn(index + 1).alignment = { vertical: 'top', wrapText: true };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function measuresDocument(facts: ExportFacts): TDocumentDefinitions {
  const { locale } = facts;
  const rows = measureRows(facts);
  const keep = [0, 1, 3, 4, 7, 8];
  const body = rows.map((row, index) =>
    keep.map((column) => ({ text: row[column] ?? '', bold: index === 0, fontSize: 8 })),
  );
  return {
    info: { title: say(locale, 'title'), creator: 'privacydesk' },
    pageOrientation: 'landscape',
    content: [
      { text: say(locale, 'title'), fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
      { text: say(locale, 'intro', { organisation: facts.organisation, date: facts.today }), margin: [0, 0, 0, 12] },
      {
        table: { headerRows: 1, widths: ['*', 'auto', 'auto', '*', 'auto', '*'], body },
        layout: 'lightHorizontalLines',
      },
      { text: say(locale, 'sheets.findings'), fontSize: 14, bold: true, margin: [0, 16, 0, 6] },
      facts.findings.open.length === 0
        ? { text: say(locale, 'noFindings') }
        : { ul: facts.findings.open.map((finding) => ({ text: finding.message })) },
    ],
  };
}

/** The file, and an audit entry saying who exported which format. */
export async function exportMeasures(
  ctx: AppContext,
  scope: OrgScope,
  format: 'pdf' | 'xlsx',
  locale: Locale,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const [organisation, measures, findings, members] = await Promise.all([
    organisations.organisationByRef(ctx, scope.orgId),
    listMeasures(ctx, scope, locale),
    getFindings(ctx, scope, locale),
    organisations.listMembers(ctx, scope),
  ]);
  const facts: ExportFacts = {
    locale,
    organisation: organisation?.name ?? '',
    today: calendarDateIn(ctx.clock.now()),
    measures: measures.items,
    findings,
    ownerNames: new Map(members.map((member) => [member.userId, member.name])),
  };
  const body = format === 'xlsx' ? await measuresXlsx(facts) : await registerIo.renderPdf(measuresDocument(facts));
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'security_measures.exported',
      target: { type: 'organisation', id: scope.orgId },
      data: { format, locale, measures: measures.items.length },
    }),
  );
  return {
    body,
    contentType: format === 'xlsx' ? XLSX_MEDIA_TYPE : 'application/pdf',
    fileName: `${say(locale, 'fileName')}-${facts.today}.${format}`,
  };
}
