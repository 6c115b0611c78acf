/**
 * The overview PDF of an export package (`overzicht.pdf` / `overview.pdf`), in the request's language: who the
 * organisation is, what was found where, what the register says about the systems where data was found (purposes,
 * legal basis, categories, recipients, transfers, retention, source) and the person's rights, including the right
 * to complain to the Autoriteit Persoonsgegevens. Every value is a pdfmake text node: plain text, never markup.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type Locale, translate } from '../../../platform/i18n/index.ts';
import { longDate } from '../../../shared/dates.ts';
import type { TActivity } from '../../register/contract.ts';
import * as registerIo from '../../register-io/service.ts';

export interface FoundSummary {
  system: string | null;
  connector: string;
  recordType: string;
  records: number;
}

export interface OverviewFacts {
  locale: Locale;
  reference: string | null;
  builtOn: string;
  found: FoundSummary[];
  snapshot: registerIo.RegisterSnapshot;
  /** Register systems the records were found in. */
  systemIds: ReadonlySet<string>;
}

const say = (locale: Locale, key: string, params?: Record<string, unknown>) =>
  translate(locale, `requests.export.${key}`, params);

function heading(text: string, level: 1 | 2 | 3 = 2): Content {
  const sizes = { 1: 18, 2: 14, 3: 12 } as const;
  return { text, fontSize: sizes[level], bold: true, margin: [0, level === 1 ? 0 : 12, 0, 6] };
}

const paragraph = (text: string): Content => ({ text, margin: [0, 0, 0, 6] });

function organisationPart(facts: OverviewFacts): Content[] {
  const { locale, snapshot } = facts;
  const organisation = snapshot.organisation;
  return [
    heading(say(locale, 'title'), 1),
    paragraph(
      say(locale, 'intro', {
        organisation: organisation.name,
        reference: facts.reference ?? '',
        date: longDate(locale, facts.builtOn),
      }),
    ),
    heading(say(locale, 'whoWeAre')),
    paragraph(`${organisation.name}, ${registerIo.addressLine(organisation, locale)}`),
    paragraph(registerIo.privacyContactLine(organisation, locale)),
  ];
}

function foundPart(facts: OverviewFacts): Content[] {
  const { locale } = facts;
  const body = [
    [say(locale, 'system'), say(locale, 'recordType'), say(locale, 'records')].map((text) => ({ text, bold: true })),
    ...facts.found.map((row) => [
      { text: row.system ? `${row.system} (${row.connector})` : row.connector },
      { text: row.recordType },
      { text: String(row.records), alignment: 'right' as const },
    ]),
  ];
  return [
    heading(say(locale, 'whatWeFound')),
    paragraph(say(locale, 'whatWeFoundIntro')),
    { table: { headerRows: 1, widths: ['*', '*', 'auto'], body }, layout: 'lightHorizontalLines' },
  ];
}

function categoryNames(activity: TActivity, facts: OverviewFacts): string {
  const byId = new Map(facts.snapshot.dataCategories.map((category) => [category.id, category]));
  const names = activity.dataCategories.map((ref) => {
    const category = byId.get(ref.id);
    return category ? (facts.locale === 'nl' ? category.nameNl : category.nameEn) : ref.name;
  });
  return names.join('; ');
}

function recipientNames(activity: TActivity): string {
  const names = [...activity.recipients, ...activity.systemVendors].map((ref) => ref.name);
  if (activity.recipientCategories) names.push(activity.recipientCategories);
  return names.join('; ');
}

function activityPart(activity: TActivity, facts: OverviewFacts): Content[] {
  const { locale } = facts;
  const none = say(locale, 'notRecorded');
  const basis = activity.legalBasis
    ? `${registerIo.enumLabel('legalBasis', activity.legalBasis, locale)} (${say(locale, 'legalBasisArticle', { code: activity.legalBasis })})`
    : none;
  const transfers = registerIo.transferLines(activity, facts.snapshot, locale);
  const systems = activity.systems.filter((ref) => facts.systemIds.has(ref.id)).map((ref) => ref.name);
  const rows: [string, string][] = [
    [say(locale, 'purposes'), activity.purposes.join('; ') || none],
    [say(locale, 'legalBasis'), basis],
    [say(locale, 'categories'), categoryNames(activity, facts) || none],
    [say(locale, 'recipients'), recipientNames(activity) || say(locale, 'noRecipients')],
    [say(locale, 'transfers'), transfers.length > 0 ? transfers.join('\n') : say(locale, 'noTransfers')],
    [say(locale, 'retention'), registerIo.retentionText(activity.retention, locale)],
    [say(locale, 'source'), say(locale, 'sourceText', { systems: systems.join(', ') })],
  ];
  return [
    heading(activity.name, 3),
    {
      table: {
        widths: [140, '*'],
        body: rows.map(([label, value]) => [{ text: label, bold: true }, { text: value }]),
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 6],
    },
  ];
}

/** The register's activities that use a system where the person's data was found. */
export function activitiesOfSystems(snapshot: registerIo.RegisterSnapshot, systemIds: ReadonlySet<string>) {
  return snapshot.activities.filter(
    (activity) => activity.status !== 'retired' && activity.systems.some((ref) => systemIds.has(ref.id)),
  );
}

function registerPart(facts: OverviewFacts): Content[] {
  const { locale } = facts;
  const activities = activitiesOfSystems(facts.snapshot, facts.systemIds);
  return [
    heading(say(locale, 'whyWeHoldIt')),
    paragraph(say(locale, activities.length > 0 ? 'whyWeHoldItIntro' : 'noActivities')),
    ...activities.flatMap((activity) => activityPart(activity, facts)),
  ];
}

const RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'withdraw'] as const;

function rightsPart(facts: OverviewFacts): Content[] {
  const { locale } = facts;
  return [
    heading(say(locale, 'yourRights')),
    { ul: RIGHTS.map((right) => ({ text: say(locale, `rights.${right}`) })), margin: [0, 0, 0, 6] },
    paragraph(say(locale, 'complaint')),
    paragraph(say(locale, 'aboutFiles')),
  ];
}

/** The overview as a pdfmake document. */
export function overviewDocument(facts: OverviewFacts): TDocumentDefinitions {
  return {
    info: { title: say(facts.locale, 'title') },
    language: facts.locale === 'nl' ? 'nl-NL' : 'en-GB',
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    pageMargins: [50, 50, 50, 50],
    content: [...organisationPart(facts), ...foundPart(facts), ...registerPart(facts), ...rightsPart(facts)],
  } as TDocumentDefinitions;
}

export function overviewFileName(locale: Locale): string {
  return locale === 'nl' ? 'overzicht.pdf' : 'overview.pdf';
}

/** The overview PDF's bytes: a few pages, rendered in place. */
export function overviewPdf(facts: OverviewFacts): Promise<Buffer> {
  return registerIo.renderPdf(overviewDocument(facts));
}
