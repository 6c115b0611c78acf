/**
 * Telling others about an incident: the notification to the Autoriteit Persoonsgegevens (Art. 33(3)) as form
 * content and as PDF, and the letter to the people affected (Art. 34(2)) in Dutch and English, previewed, then
 * sent through the outbox to the addresses the user gives and recorded as a notification on the incident.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { conflict, invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { LOCALES, type Locale, translate } from '../../../platform/i18n/index.ts';
import * as organisations from '../../organisations/service.ts';
import * as register from '../../register/service.ts';
import * as registerIo from '../../register-io/service.ts';
import { authorityReport } from '../authority-report.ts';
import type { TAuthorityReport, TIncident } from '../contract.ts';
import { type SubjectLetterContent, subjectLetter } from '../letters.ts';
import * as store from '../store.ts';
import { recordIncidentStep } from './history.ts';
import { getIncident } from './incidents.ts';

/** The names of the data and subject categories of the register activities the incident touches. */
async function categoriesOf(ctx: AppContext, scope: OrgScope, incident: TIncident, locale: Locale) {
  const activities = await Promise.all(
    incident.activities.map((activity) => register.getActivity(ctx, scope, activity.id, locale)),
  );
  const unique = (names: string[]) => [...new Set(names)];
  return {
    dataCategories: unique(activities.flatMap((activity) => activity.dataCategories.map((c) => c.name))),
    subjectCategories: unique(activities.flatMap((activity) => activity.subjectCategories.map((c) => c.name))),
  };
}

export async function getAuthorityReport(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  locale: Locale,
): Promise<TAuthorityReport> {
  const incident = await getIncident(ctx, scope, id, locale);
  const org = await organisations.getOrganisation(ctx, scope);
  const categories = await categoriesOf(ctx, scope, incident, locale);
  return authorityReport(
    {
      incident,
      organisation: {
        name: org.name,
        kvkNumber: org.kvkNumber,
        address: registerIo.addressLine(org, locale),
        contact: org.privacyContact,
      },
      ...categories,
      now: ctx.clock.now(),
    },
    locale,
  );
}

const say = (locale: Locale, key: string, params?: Record<string, unknown>) =>
  translate(locale, `breaches.report.${key}`, params);

function reportDocument(report: TAuthorityReport, organisation: string, locale: Locale): TDocumentDefinitions {
  const sections: Content[] = report.sections.flatMap((section) => [
    { text: section.title, fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
    {
      table: {
        widths: [170, '*'],
        body: section.fields.map((field) => [
          { text: field.label, bold: true },
          field.isMissing ? { text: say(locale, 'missing'), italics: true, color: '#a33' } : { text: field.value },
        ]),
      },
      layout: 'lightHorizontalLines',
    },
  ]);
  const missing: Content[] = report.missingItems.length
    ? [
        { text: say(locale, 'missingItems'), fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
        { ul: report.missingItems.map((item) => `${item.article}. ${item.label}`) },
      ]
    : [];
  return {
    info: { title: `${say(locale, 'title')} ${report.reference}` },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content: [
      { text: say(locale, 'title'), fontSize: 17, bold: true },
      {
        text: `${organisation} — ${report.reference} — ${say(locale, `phases.${report.phase}`)}`,
        margin: [0, 4, 0, 8],
      },
      { text: say(locale, 'intro'), margin: [0, 0, 0, 4] },
      ...sections,
      ...missing,
    ],
  };
}

/** The same content as a PDF to keep with the incident or send along. */
export async function authorityReportPdf(ctx: AppContext, scope: OrgScope, id: string, locale: Locale) {
  const report = await getAuthorityReport(ctx, scope, id, locale);
  const org = await organisations.getOrganisation(ctx, scope);
  const bytes = await registerIo.renderPdf(reportDocument(report, org.name, locale));
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'breach_incident.report_downloaded',
      target: { type: 'breach_incident', id, name: report.reference },
      data: { locale, phase: report.phase },
    }),
  );
  return { bytes, fileName: `${report.reference}-${locale === 'nl' ? 'melding-AP' : 'AP-notification'}.pdf` };
}

type LetterInput = Omit<SubjectLetterContent, 'organisation' | 'contact'> & { contact: string };

/**
 * The letter's parts with the organisation's name and the contact point. A letter without a contact point would fail
 * Art. 34(2) (item b of Art. 33(3)): without a privacy contact on the organisation, the officer must name one.
 */
async function letterContent(ctx: AppContext, scope: OrgScope, input: LetterInput, locale: Locale) {
  const org = await organisations.getOrganisation(ctx, scope);
  if (!input.contact.trim() && !org.privacyContact) throw invalidField('contact', 'breach_letter_contact_required');
  return {
    ...input,
    organisation: org.name,
    contact: input.contact.trim() || registerIo.privacyContactLine(org, locale, false),
  };
}

/** The letter to the people affected in both languages, as it will be sent. */
export async function previewSubjectLetters(ctx: AppContext, scope: OrgScope, id: string, input: LetterInput) {
  const row = await store.findIncident(ctx.db, scope.orgId, id);
  if (!row) throw notFound('incident_not_found');
  const letters = [];
  for (const locale of LOCALES) {
    letters.push({ locale, ...subjectLetter(locale, await letterContent(ctx, scope, input, locale)) });
  }
  return { letters: letters.map(({ locale, subject, text }) => ({ locale, subject, text })) };
}

/**
 * Sends the letter to every address given (each in its language) through the outbox and records it as a
 * notification of the people concerned. The addresses are not kept on the incident, only how many were sent.
 */
export async function sendSubjectLetters(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: LetterInput & {
    phase: 'initial' | 'supplementary' | 'final';
    recipients: { email: string; locale: Locale }[];
  },
) {
  const { phase, recipients, ...content } = input;
  if (!(await store.findIncident(ctx.db, scope.orgId, id))) throw notFound('incident_not_found');
  const org = await organisations.getOrganisation(ctx, scope);
  const letters = new Map<Locale, ReturnType<typeof subjectLetter>>();
  for (const locale of LOCALES)
    letters.set(locale, subjectLetter(locale, await letterContent(ctx, scope, content, locale)));
  const unique = [...new Map(recipients.reverse().map((r) => [r.email.toLowerCase(), r])).values()];
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const row = await store.lockIncident(tx, scope.orgId, id);
    if (!row) throw notFound('incident_not_found');
    if (row.status === 'closed') throw conflict('incident_closed');
    for (const recipient of unique) {
      const letter = letters.get(recipient.locale) as ReturnType<typeof subjectLetter>;
      await ctx.outbox.queue(
        tx,
        { orgId: scope.orgId, to: recipient.email, locale: recipient.locale, ...letter },
        afterCommit,
      );
    }
    const now = ctx.clock.now();
    await store.insertNotification(tx, {
      orgId: scope.orgId,
      incidentId: id,
      recipient: 'subjects',
      phase,
      sentAt: now,
      reference: '',
      note: translate(org.defaultLocale, 'breaches.letters.sentNote', { count: unique.length }),
      createdBy: scope.actor.type === 'user' ? scope.actor.id : null,
    });
    const data = { count: unique.length, phase };
    await recordIncidentStep(ctx, tx, scope, row, {
      kind: 'subjects_letters_sent',
      action: 'breach_incident.subjects_informed',
      data,
    });
  });
  return { queued: unique.length };
}
