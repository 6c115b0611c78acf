/**
 * The register of incidents (Art. 33(5)) as a file to hand to the Autoriteit Persoonsgegevens or an auditor: every
 * incident, notified or not, with its facts, clock, decision and notifications — XLSX (one sheet of incidents, one of
 * notifications) or PDF. Audited as an export.
 */
import type { Content } from 'pdfmake/interfaces';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { type Locale, translate } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as organisations from '../../organisations/service.ts';
import * as registerIo from '../../register-io/service.ts';
import { localMoment } from '../clock-rules.ts';
import type { TIncident } from '../contract.ts';
import { momentText } from '../letters.ts';
import * as store from '../store.ts';
import { getIncident } from './incidents.ts';

const say = (locale: Locale, key: string, params?: Record<string, unknown>) =>
  translate(locale, `breaches.export.${key}`, params);
const when = (locale: Locale, iso: string | null) => (iso ? momentText(locale, localMoment(new Date(iso))) : '');
const yesNo = (locale: Locale, value: boolean | undefined) =>
  value === undefined ? '' : translate(locale, `breaches.report.${value ? 'yes' : 'no'}`);

const INCIDENT_COLUMNS = [
  'reference',
  'title',
  'status',
  'occurredAt',
  'awareAt',
  'deadline',
  'kinds',
  'approxPeople',
  'approxRecords',
  'description',
  'consequences',
  'measuresTaken',
  'recommendation',
  'notifyAuthority',
  'notifySubjects',
  'decisionReason',
  'lateReason',
] as const;

function incidentRow(incident: TIncident, locale: Locale): string[] {
  const kinds = (['Confidentiality', 'Integrity', 'Availability'] as const)
    .filter((kind) => incident[`is${kind}Breach`])
    .map((kind) => translate(locale, `breaches.report.kinds.${kind.toLowerCase()}`));
  const triage = incident.triage;
  const values: Record<(typeof INCIDENT_COLUMNS)[number], string> = {
    reference: incident.reference,
    title: incident.title,
    status: say(locale, `statuses.${incident.status}`),
    occurredAt: when(locale, incident.occurredAt),
    awareAt: when(locale, incident.awareAt),
    deadline: when(locale, incident.clock.deadline),
    kinds: kinds.join('; '),
    approxPeople: incident.approxPeople === null ? '' : String(incident.approxPeople),
    approxRecords: incident.approxRecords === null ? '' : String(incident.approxRecords),
    description: incident.description,
    consequences: incident.consequences,
    measuresTaken: incident.measuresTaken,
    recommendation: triage
      ? say(locale, 'recommendationText', {
          severity: translate(locale, `breaches.triage.levels.${triage.severity}`),
          authority: yesNo(locale, triage.notifyAuthority),
          subjects: yesNo(locale, triage.notifySubjects),
        })
      : '',
    notifyAuthority: yesNo(locale, incident.decisionDetail?.notifyAuthority),
    notifySubjects: yesNo(locale, incident.decisionDetail?.notifySubjects),
    decisionReason: incident.decisionDetail?.reason ?? '',
    lateReason: incident.lateReason ?? '',
  };
  return INCIDENT_COLUMNS.map((column) => values[column]);
}

function notificationRows(incidents: readonly TIncident[], locale: Locale): string[][] {
  const header = ['reference', 'recipient', 'phase', 'sentAt', 'notificationReference'].map((key) =>
    say(locale, `columns.${key}`),
  );
  const rows = incidents.flatMap((incident) =>
    incident.notifications.map((notification) => [
      incident.reference,
      say(locale, `recipients.${notification.recipient}`),
      translate(locale, `breaches.report.phases.${notification.phase}`),
      when(locale, notification.sentAt),
      notification.reference,
    ]),
  );
  return [header, ...rows];
}

async function allIncidents(ctx: AppContext, scope: OrgScope, locale: Locale): Promise<TIncident[]> {
  const rows = await store.listIncidents(ctx.db, scope.orgId);
  const incidents: TIncident[] = [];
  for (const row of rows) incidents.push(await getIncident(ctx, scope, row.id, locale));
  return incidents;
}

function pdfContent(incidents: readonly TIncident[], organisation: string, locale: Locale): Content[] {
  const header = INCIDENT_COLUMNS.map((key) => say(locale, `columns.${key}`));
  return [
    { text: say(locale, 'title'), fontSize: 17, bold: true },
    { text: `${organisation} — ${say(locale, 'count', { count: incidents.length })}`, margin: [0, 4, 0, 12] },
    ...incidents.flatMap((incident): Content[] => [
      { text: `${incident.reference} — ${incident.title}`, fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      {
        table: {
          widths: [150, '*'],
          body: incidentRow(incident, locale)
            .map((value, index) => [{ text: header[index] ?? '', bold: true }, { text: value }])
            .filter((row) => row[1]?.text !== ''),
        },
        layout: 'lightHorizontalLines',
      },
    ]),
  ];
}

export async function exportIncidents(
  ctx: AppContext,
  scope: OrgScope,
  format: 'xlsx' | 'pdf',
  locale: Locale,
): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
  const [incidents, org] = await Promise.all([
    allIncidents(ctx, scope, locale),
    organisations.getOrganisation(ctx, scope),
  ]);
  const bytes =
    format === 'xlsx'
      ? await registerIo.tablesXlsx([
          {
            name: say(locale, 'sheets.incidents'),
            rows: [
              INCIDENT_COLUMNS.map((key) => say(locale, `columns.${key}`)),
              ...incidents.map((i) => incidentRow(i, locale)),
            ],
          },
          { name: say(locale, 'sheets.notifications'), rows: notificationRows(incidents, locale) },
        ])
      : await registerIo.renderPdf({
          info: { title: say(locale, 'title') },
          pageOrientation: 'portrait',
          defaultStyle: { font: 'Roboto', fontSize: 9 },
          content: pdfContent(incidents, org.name, locale),
        });
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'breach_incident.register_exported',
      target: { type: 'organisation', id: scope.orgId, name: org.name },
      data: { format, locale, incidents: incidents.length },
    }),
  );
  const day = calendarDateIn(ctx.clock.now());
  return {
    bytes,
    fileName: `${say(locale, 'fileName')}-${org.slug}-${day}.${format}`,
    contentType:
      format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
  };
}
