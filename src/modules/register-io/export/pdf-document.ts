import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Locale } from '../../../platform/i18n/index.ts';
import { say, sayCount } from '../labels/document.ts';
import type { RegisterSnapshot } from '../snapshot.ts';
import { activityBlock } from './pdf-activity.ts';
import { gapsAnnex, systemsAnnex, vendorsAnnex } from './pdf-annexes.ts';
import { type PdfProgressListener, renderPdf } from './pdf-render.ts';
import { addressLine, documentDate, privacyContactLine } from './pdf-text.ts';

function roleText(snapshot: RegisterSnapshot, locale: Locale): string {
  const { organisation } = snapshot;
  return [
    organisation.isController ? say(locale, 'roleController') : '',
    organisation.isProcessor ? say(locale, 'roleProcessor') : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The cover: who keeps this record, who to contact, when it was exported, and how complete it is. */
function cover(snapshot: RegisterSnapshot, locale: Locale): Content[] {
  const { organisation, completeness } = snapshot;
  const facts: [string, string][] = [
    [say(locale, 'organisation'), organisation.name],
    [say(locale, 'kvk'), organisation.kvkNumber ?? say(locale, 'notRecorded')],
    [say(locale, 'address'), addressLine(organisation, locale)],
    [say(locale, 'roles'), roleText(snapshot, locale)],
    [
      organisation.privacyContact?.kind === 'dpo' ? say(locale, 'dpo') : say(locale, 'privacyOfficer'),
      privacyContactLine(organisation, locale, false),
    ],
    [say(locale, 'exportDate'), documentDate(snapshot.exportDate, locale)],
  ];
  const summary = completeness.summary;
  return [
    { text: say(locale, 'title'), style: 'title' },
    { text: say(locale, 'subtitle'), style: 'subtitle' },
    {
      table: { widths: [170, '*'], body: facts.map(([label, value]) => [{ text: label, style: 'itemLabel' }, value]) },
      layout: 'noBorders',
      margin: [0, 0, 0, 16],
    },
    { text: say(locale, 'summary'), style: 'sectionTitle' },
    {
      text: say(locale, 'summaryCounts', {
        activities: sayCount(locale, 'activities', summary.activities),
        complete: summary.completeActivities,
        systems: sayCount(locale, 'systems', snapshot.systems.length),
        vendors: sayCount(locale, 'vendors', snapshot.vendors.length),
      }),
    },
    {
      text: completenessSentence(summary, locale),
      margin: [0, 4, 0, 0],
    },
  ];
}

/** "Het register is niet volledig: 1 ontbrekend onderdeel en 2 waarschuwingen (zie bijlage C)." */
export function completenessSentence(
  summary: { isComplete: boolean; missing: number; warnings: number },
  locale: Locale,
) {
  const warnings = sayCount(locale, 'warnings', summary.warnings);
  if (!summary.isComplete) {
    return say(locale, 'registerIncomplete', { missing: sayCount(locale, 'missingItems', summary.missing), warnings });
  }
  return summary.warnings > 0
    ? say(locale, 'registerCompleteWithWarnings', { warnings })
    : say(locale, 'registerComplete');
}

function section(snapshot: RegisterSnapshot, role: 'controller' | 'processor', locale: Locale): Content[] {
  const activities = snapshot.activities.filter((activity) => activity.role === role);
  const title = say(locale, role === 'controller' ? 'controllerSection' : 'processorSection');
  return [
    { text: title, style: 'sectionTitle', pageBreak: 'before' },
    ...(activities.length === 0
      ? [{ text: say(locale, 'noActivities'), style: 'muted' }]
      : activities.map((activity) => activityBlock(activity, snapshot, locale))),
  ];
}

/** The register as a document an authority or a client can read (Art. 30(4)): a pdfmake definition. */
export function registerPdfDefinition(snapshot: RegisterSnapshot, locale: Locale): TDocumentDefinitions {
  const { organisation } = snapshot;
  return {
    info: {
      title: `${say(locale, 'title')} — ${organisation.name}`,
      author: organisation.name,
      creator: 'privacydesk',
    },
    language: locale,
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    footer: (currentPage, pageCount) => ({
      columns: [
        {
          text: say(locale, 'footer', {
            organisation: organisation.name,
            date: documentDate(snapshot.exportDate, locale),
          }),
        },
        { text: say(locale, 'page', { page: currentPage, pages: pageCount }), alignment: 'right' },
      ],
      margin: [40, 20, 40, 0],
      fontSize: 8,
      color: '#555555',
    }),
    content: [
      ...cover(snapshot, locale),
      ...section(snapshot, 'controller', locale),
      ...section(snapshot, 'processor', locale),
      ...systemsAnnex(snapshot, locale),
      ...vendorsAnnex(snapshot, locale),
      ...gapsAnnex(snapshot, locale),
    ],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 11, color: '#444444', margin: [0, 0, 0, 18] },
      sectionTitle: { fontSize: 14, bold: true, margin: [0, 8, 0, 8] },
      activityTitle: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] },
      itemLabel: { bold: true, color: '#333333' },
      tableHeader: { bold: true },
      muted: { color: '#666666', italics: true },
    },
  };
}

export function registerPdf(
  snapshot: RegisterSnapshot,
  locale: Locale,
  onProgress?: PdfProgressListener,
): Promise<Buffer> {
  return renderPdf(registerPdfDefinition(snapshot, locale), onProgress);
}
