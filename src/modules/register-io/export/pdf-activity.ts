import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Locale } from '../../../platform/i18n/index.ts';
import { gdprItems } from '../../../reference/index.ts';
import type { TActivity } from '../../register/contract.ts';
import { say } from '../labels/document.ts';
import { enumLabel } from '../labels/enums.ts';
import type { RegisterSnapshot } from '../snapshot.ts';
import { documentDate, organisationLine, privacyContactLine, retentionText, transferLines } from './pdf-text.ts';

type ItemValue = string | string[];
type Row = [label: string, value: ItemValue];

const controllerItems = gdprItems.art30_1_controller;
const processorItems = gdprItems.art30_2_processor;

/** The label of an Art. 30 item in the document's language, as reference/gdpr-items.json words it. */
function itemLabel(items: readonly { id: string; nl: string; en: string }[], id: string, locale: Locale): string {
  const item = items.find((entry) => entry.id === id);
  return item ? `(${id}) ${item[locale]}` : `(${id})`;
}

const orNotRecorded = (text: string, locale: Locale) => (text.trim() ? text : say(locale, 'notRecorded'));
const listOrNotRecorded = (items: string[], locale: Locale): ItemValue =>
  items.length > 0 ? items : say(locale, 'notRecorded');

function categoryLines(activity: TActivity, snapshot: RegisterSnapshot, locale: Locale): string[] {
  const byId = new Map(snapshot.dataCategories.map((category) => [category.id, category]));
  const subjectsById = new Map(snapshot.subjectCategories.map((category) => [category.id, category]));
  const nameOf = (row: { nameNl: string; nameEn: string } | undefined, fallback: string) =>
    row ? (locale === 'nl' ? row.nameNl : row.nameEn) : fallback;
  const subjects = activity.subjectCategories.map((ref) => nameOf(subjectsById.get(ref.id), ref.name));
  const data = activity.dataCategories.map((ref) => {
    const category = byId.get(ref.id);
    const marks = [
      category?.isSpecial ? say(locale, 'special') : '',
      category?.isCriminal ? say(locale, 'criminal') : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `${nameOf(category, ref.name)}${marks ? ` (${marks})` : ''}`;
  });
  const none = say(locale, 'notRecorded');
  return [
    `${say(locale, 'subjects')}: ${subjects.join('; ') || none}`,
    `${say(locale, 'personalData')}: ${data.join('; ') || none}`,
  ];
}

/**
 * Art. 30(1)(d): the recorded recipients, then the processors running the activity's systems (recipients too, Art.
 * 4(9)). "No recipients" is only written when neither exists, so it never stands above a processor named under (e).
 */
function recipientLines(activity: TActivity, snapshot: RegisterSnapshot, locale: Locale): ItemValue {
  const vendorsById = new Map(snapshot.vendors.map((vendor) => [vendor.id, vendor]));
  const describe = (ref: { id: string; name: string }) => {
    const vendor = vendorsById.get(ref.id);
    return vendor ? `${vendor.name} (${enumLabel('vendorKind', vendor.kind, locale)}, ${vendor.country})` : ref.name;
  };
  const lines = [
    ...activity.recipients.map(describe),
    ...activity.systemVendors.map((ref) => `${describe(ref)} — ${say(locale, 'processorOfSystems')}`),
  ];
  if (activity.recipientCategories) {
    lines.push(`${say(locale, 'recipientCategories')}: ${activity.recipientCategories}`);
  }
  if (lines.length === 0 && activity.hasNoRecipients) return say(locale, 'noRecipients');
  return listOrNotRecorded(lines, locale);
}

/** Art. 30(1)(a): each joint controller (Art. 26) with its contact details and the arrangement. */
function jointControllerLines(activity: TActivity, locale: Locale): string[] {
  return activity.jointControllers.map((joint) => {
    const contact = joint.contact || say(locale, 'contactNotRecorded');
    const arrangement = joint.arrangement || say(locale, 'notRecordedInline');
    return say(locale, 'jointControllerLine', { name: joint.name, contact, arrangement });
  });
}

/** Art. 30(2)(a): each controller on whose behalf we act, with its contact details. */
function controllerLines(activity: TActivity, locale: Locale): string[] {
  if (activity.controllers.length === 0)
    return [`${say(locale, 'controllerOfActivity')}: ${say(locale, 'notRecorded')}`];
  return activity.controllers.map((controller) => {
    const name = controller.name || say(locale, 'notRecorded');
    const contact = controller.contact || say(locale, 'contactNotRecorded');
    return `${say(locale, 'controllerOfActivity')}: ${name}, ${contact}`;
  });
}

function transfersValue(activity: TActivity, snapshot: RegisterSnapshot, locale: Locale): ItemValue {
  const lines = transferLines(activity, snapshot, locale);
  return lines.length > 0 ? lines : say(locale, 'noTransfers');
}

/** Rows every activity shows after the Art. 30 items: what a reader needs to place it. */
function contextRows(activity: TActivity, locale: Locale): Row[] {
  const dpia =
    activity.isDpiaRequired === null
      ? say(locale, 'notRecorded')
      : say(locale, activity.isDpiaRequired ? 'dpiaRequired' : 'dpiaNotRequired');
  const rows: Row[] = [];
  if (activity.description) rows.push([say(locale, 'description'), activity.description]);
  rows.push([
    say(locale, 'systems'),
    listOrNotRecorded(
      activity.systems.map((ref) => ref.name),
      locale,
    ),
  ]);
  rows.push([say(locale, 'dpia'), activity.dpiaReason ? `${dpia} — ${activity.dpiaReason}` : dpia]);
  rows.push([say(locale, 'owner'), activity.owner?.name ?? say(locale, 'notRecorded')]);
  rows.push([
    say(locale, 'reviewDate'),
    activity.reviewDate ? documentDate(activity.reviewDate, locale) : say(locale, 'notRecorded'),
  ]);
  rows.push([say(locale, 'status'), enumLabel('activityStatus', activity.status, locale)]);
  return rows;
}

function controllerRows(activity: TActivity, snapshot: RegisterSnapshot, locale: Locale): Row[] {
  const { organisation } = snapshot;
  const label = (id: string) => itemLabel(controllerItems, id, locale);
  const basis = activity.legalBasis
    ? say(locale, 'legalBasisValue', {
        label: enumLabel('legalBasis', activity.legalBasis, locale),
        code: activity.legalBasis,
      })
    : say(locale, 'notRecorded');
  const rows: Row[] = [
    [
      label('a'),
      [
        organisationLine(organisation, locale),
        privacyContactLine(organisation, locale),
        ...jointControllerLines(activity, locale),
      ],
    ],
    [label('b'), listOrNotRecorded(activity.purposes, locale)],
    [say(locale, 'legalBasis'), activity.legalBasisJustification ? [basis, activity.legalBasisJustification] : basis],
  ];
  if (activity.specialCategoryGround) {
    rows.push([
      say(locale, 'specialGround'),
      enumLabel('specialCategoryGround', activity.specialCategoryGround, locale),
    ]);
  }
  if (activity.criminalDataGround) rows.push([say(locale, 'criminalGround'), activity.criminalDataGround]);
  rows.push(
    [label('c'), categoryLines(activity, snapshot, locale)],
    [label('d'), recipientLines(activity, snapshot, locale)],
    [label('e'), transfersValue(activity, snapshot, locale)],
    [label('f'), retentionText(activity.retention, locale)],
    [label('g'), orNotRecorded(activity.securityMeasures, locale)],
  );
  return rows;
}

function processorRows(activity: TActivity, snapshot: RegisterSnapshot, locale: Locale): Row[] {
  const { organisation } = snapshot;
  const label = (id: string) => itemLabel(processorItems, id, locale);
  return [
    [
      label('a'),
      [
        `${say(locale, 'processorIsUs')}: ${organisationLine(organisation, locale)}`,
        privacyContactLine(organisation, locale),
        ...controllerLines(activity, locale),
      ],
    ],
    [label('b'), orNotRecorded(activity.processingCategories, locale)],
    [label('c'), transfersValue(activity, snapshot, locale)],
    [label('d'), orNotRecorded(activity.securityMeasures, locale)],
    [say(locale, 'personalData'), categoryLines(activity, snapshot, locale)],
  ];
}

function cell(value: ItemValue): TableCell {
  return Array.isArray(value) ? { stack: value.map((line) => ({ text: line })) } : { text: value };
}

/** One activity: its name, then a two-column table with every Art. 30 item of its role, labelled. */
export function activityBlock(activity: TActivity, snapshot: RegisterSnapshot, locale: Locale): Content {
  const itemRows =
    activity.role === 'controller'
      ? controllerRows(activity, snapshot, locale)
      : processorRows(activity, snapshot, locale);
  const rows = [...itemRows, ...contextRows(activity, locale)];
  return {
    stack: [
      { text: activity.name, style: 'activityTitle' },
      {
        table: {
          widths: [170, '*'],
          dontBreakRows: true,
          body: rows.map(([label, value]) => [{ text: label, style: 'itemLabel' }, cell(value)]),
        },
        layout: 'lightHorizontalLines',
      },
    ],
    margin: [0, 0, 0, 14],
  };
}
