import type { Locale } from '../../platform/i18n/index.ts';
import { gdprItems } from '../../reference/index.ts';
import type { TActivity } from '../register/contract.ts';
import { addressLine, countryName, retentionText } from '../register-io/export/pdf-text.ts';
import { enumLabel } from '../register-io/labels/enums.ts';
import type { RegisterSnapshot } from '../register-io/snapshot.ts';
import { GROUP_NAMES, GROUP_OF_SUBJECT_KEY, KNOWN_GROUPS, type KnownGroup, word } from './wording.ts';

/** A statement as structured plain text: every renderer (HTML, PDF, text) escapes what it writes. */
export type StatementBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

export interface StatementSection {
  /** `organisation`, `introduction`, `group:<key>`, `rights`, `complaint`, `cookies`. */
  key: string;
  heading: string;
  blocks: StatementBlock[];
}

export interface StatementDocument {
  language: Locale;
  title: string;
  sections: StatementSection[];
}

export interface OwnTexts {
  introduction: Record<Locale, string>;
  cookies: Record<Locale, string>;
}

export type StatementInput = Pick<
  RegisterSnapshot,
  'organisation' | 'dataCategories' | 'subjectCategories' | 'vendors' | 'activities'
> & {
  /** The public request page (/p/<slug>/request) as an absolute URL, or null when there is none. */
  requestPageUrl: string | null;
};

export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** The activities a public statement speaks about: ours as controller, not retired. */
export function statementActivities(activities: TActivity[]): TActivity[] {
  return activities.filter((activity) => activity.role === 'controller' && activity.status !== 'retired');
}

interface Group {
  key: string;
  name: Record<Locale, string>;
  activities: TActivity[];
}

/**
 * Groups the activities by who they concern: a default subject category maps to one of the known groups, any other
 * category is a group of its own (by its name), an activity without subject categories falls under "other".
 */
export function groupActivities(input: StatementInput): Group[] {
  const categoryById = new Map(input.subjectCategories.map((category) => [category.id, category]));
  const groups = new Map<string, Group>();
  const add = (key: string, name: Record<Locale, string>, activity: TActivity) => {
    const group = groups.get(key) ?? { key, name, activities: [] };
    if (!group.activities.includes(activity)) group.activities.push(activity);
    groups.set(key, group);
  };
  for (const activity of statementActivities(input.activities)) {
    if (activity.subjectCategories.length === 0) {
      add('other', { nl: word('nl', 'otherGroup'), en: word('en', 'otherGroup') }, activity);
    }
    for (const ref of activity.subjectCategories) {
      const category = categoryById.get(ref.id);
      const known = category ? GROUP_OF_SUBJECT_KEY[category.key] : undefined;
      if (known) add(known, GROUP_NAMES[known], activity);
      else add(`category:${ref.id}`, { nl: category?.nameNl ?? ref.name, en: category?.nameEn ?? ref.name }, activity);
    }
  }
  const order = (key: string) => {
    const known = KNOWN_GROUPS.indexOf(key as KnownGroup);
    if (known >= 0) return known;
    return key === 'other' ? KNOWN_GROUPS.length + 1 : KNOWN_GROUPS.length;
  };
  return [...groups.values()].sort((a, b) => order(a.key) - order(b.key) || a.name.en.localeCompare(b.name.en));
}

function dataCategoryNames(activity: TActivity, input: StatementInput, locale: Locale): string[] {
  const byId = new Map(input.dataCategories.map((category) => [category.id, category]));
  return activity.dataCategories.map((ref) => {
    const category = byId.get(ref.id);
    return category ? (locale === 'nl' ? category.nameNl : category.nameEn) : ref.name;
  });
}

function recipientNames(activity: TActivity): string[] {
  const names = [...activity.recipients, ...activity.systemVendors].map((ref) => ref.name);
  return [...new Set(names)];
}

function recipientLines(activity: TActivity, locale: Locale): StatementBlock[] {
  const names = recipientNames(activity);
  const lines = [...names, ...(activity.recipientCategories ? [activity.recipientCategories] : [])];
  if (lines.length > 0) return [{ kind: 'list', items: lines }];
  return [{ kind: 'paragraph', text: word(locale, activity.hasNoRecipients ? 'noRecipients' : 'recipientsUnknown') }];
}

interface TransferFact {
  recipient: string;
  country: string;
  status: string;
  safeguard: string | null;
  details: string;
}

/** Where the activity's data leaves the EEA: its explicit transfers and its recipients and system vendors abroad. */
export function transferFacts(activity: TActivity, input: StatementInput): TransferFact[] {
  const facts: TransferFact[] = activity.transfers
    .filter((transfer) => transfer.transfer.status !== 'eea')
    .map((transfer) => ({
      recipient: transfer.recipient,
      country: transfer.country,
      status: transfer.transfer.status,
      safeguard: transfer.safeguard,
      details: transfer.safeguardDetails,
    }));
  const vendorIds = new Set([...activity.recipients, ...activity.systemVendors].map((ref) => ref.id));
  for (const vendor of input.vendors) {
    if (!vendorIds.has(vendor.id) || vendor.transfer.status === 'eea') continue;
    facts.push({
      recipient: vendor.name,
      country: vendor.country,
      status: vendor.transfer.status,
      safeguard: vendor.transferSafeguard,
      details: vendor.safeguardDetails,
    });
  }
  return facts;
}

function transferLine(fact: TransferFact, locale: Locale): string {
  const params = { recipient: fact.recipient, country: countryName(fact.country, locale) };
  if (fact.status === 'adequate' && !fact.safeguard) return word(locale, 'transferAdequate', params);
  if (!fact.safeguard) return word(locale, 'transferNoSafeguard', params);
  const label = enumLabel('safeguard', fact.safeguard, locale);
  const safeguard = fact.details ? `${label} (${fact.details})` : label;
  return word(locale, 'transferSafeguard', { ...params, safeguard });
}

function basisBlocks(activity: TActivity, locale: Locale): StatementBlock[] {
  const basis = activity.legalBasis;
  if (!basis) return [{ kind: 'paragraph', text: word(locale, 'noBasis') }];
  const blocks: StatementBlock[] = [{ kind: 'paragraph', text: word(locale, `basis_${basis}`) }];
  if (basis === 'f' && activity.legalBasisJustification) {
    blocks.push({ kind: 'paragraph', text: word(locale, 'interest', { interest: activity.legalBasisJustification }) });
  }
  if (basis === 'a') blocks.push({ kind: 'paragraph', text: word(locale, 'withdraw') });
  if (basis === 'a' || basis === 'b' || basis === 'c') {
    blocks.push({ kind: 'paragraph', text: word(locale, `mustProvide_${basis}`) });
  }
  return blocks;
}

/** One activity, in the order of Art. 13: purposes and basis, data, recipients, transfers, retention. */
function activityBlocks(activity: TActivity, input: StatementInput, locale: Locale): StatementBlock[] {
  const purposes = activity.purposes.length > 0 ? activity.purposes : [];
  const data = dataCategoryNames(activity, input, locale);
  const transfers = transferFacts(activity, input);
  return [
    { kind: 'heading', text: activity.name },
    ...(activity.description ? [{ kind: 'paragraph' as const, text: activity.description }] : []),
    { kind: 'paragraph', text: word(locale, 'why') },
    purposes.length > 0 ? { kind: 'list', items: purposes } : { kind: 'paragraph', text: word(locale, 'noPurpose') },
    { kind: 'paragraph', text: word(locale, 'basis') },
    ...basisBlocks(activity, locale),
    { kind: 'paragraph', text: word(locale, 'data') },
    data.length > 0 ? { kind: 'list', items: data } : { kind: 'paragraph', text: word(locale, 'noData') },
    { kind: 'paragraph', text: word(locale, 'recipients') },
    ...recipientLines(activity, locale),
    ...(transfers.length > 0
      ? [
          { kind: 'paragraph' as const, text: word(locale, 'transfers') },
          { kind: 'list' as const, items: transfers.map((fact) => transferLine(fact, locale)) },
          { kind: 'paragraph' as const, text: word(locale, 'transferCopy') },
        ]
      : []),
    { kind: 'paragraph', text: word(locale, 'retention') },
    { kind: 'paragraph', text: retentionText(activity.retention, locale) },
  ];
}

function organisationSection(input: StatementInput, locale: Locale): StatementSection {
  const organisation = input.organisation;
  const blocks: StatementBlock[] = [
    {
      kind: 'paragraph',
      text: word(locale, 'whoWeAreText', {
        organisation: organisation.name,
        address: addressLine(organisation, locale),
      }),
    },
  ];
  if (organisation.kvkNumber)
    blocks.push({ kind: 'paragraph', text: word(locale, 'kvk', { kvk: organisation.kvkNumber }) });
  const contact = organisation.privacyContact;
  if (contact) {
    const reach = [contact.name, contact.email, contact.phone].filter(Boolean).join(', ');
    blocks.push({
      kind: 'paragraph',
      text: word(locale, contact.kind === 'dpo' ? 'dpoText' : 'officerText', { contact: reach }),
    });
  }
  return { key: 'organisation', heading: word(locale, 'whoWeAre'), blocks };
}

const RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection'] as const;

function howToAsk(input: StatementInput, locale: Locale): string {
  const email = input.organisation.privacyContact?.email;
  const url = input.requestPageUrl;
  if (url && email) return word(locale, 'askOnline', { url, email });
  if (url) return word(locale, 'askOnlineOnly', { url });
  if (email) return word(locale, 'askEmail', { email });
  return word(locale, 'askNoContact');
}

function rightsSection(input: StatementInput, locale: Locale): StatementSection {
  const known = new Set(gdprItems.data_subject_rights.map((right) => right.id));
  return {
    key: 'rights',
    heading: word(locale, 'rights'),
    blocks: [
      { kind: 'paragraph', text: word(locale, 'rightsIntro') },
      {
        kind: 'list',
        items: RIGHTS.filter((right) => known.has(right)).map((right) => word(locale, `right_${right}`)),
      },
      { kind: 'heading', text: word(locale, 'howToAsk') },
      { kind: 'paragraph', text: howToAsk(input, locale) },
      { kind: 'paragraph', text: word(locale, 'deletion') },
    ],
  };
}

/** Text the user wrote, split into paragraphs at blank lines. */
function ownTextBlocks(text: string): StatementBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({ kind: 'paragraph', text: paragraph }));
}

/** The part of the statement that comes from the register, in one language. */
export function generateStatement(input: StatementInput, locale: Locale): StatementDocument {
  const groups = groupActivities(input).map(
    (group): StatementSection => ({
      key: `group:${group.key}`,
      heading: group.key === 'other' ? group.name[locale] : word(locale, 'groupHeading', { group: group.name[locale] }),
      blocks: group.activities.flatMap((activity) => activityBlocks(activity, input, locale)),
    }),
  );
  return {
    language: locale,
    title: word(locale, 'title', { organisation: input.organisation.name }),
    sections: [
      organisationSection(input, locale),
      ...groups,
      rightsSection(input, locale),
      {
        key: 'complaint',
        heading: word(locale, 'complaint'),
        blocks: [{ kind: 'paragraph', text: word(locale, 'complaintText') }],
      },
    ],
  };
}

/** The generated statement with the user's own texts beside it: the introduction first, cookies before the rights. */
export function composeStatement(generated: StatementDocument, own: OwnTexts): StatementDocument {
  const locale = generated.language;
  const introduction = ownTextBlocks(own.introduction[locale]);
  const cookies = ownTextBlocks(own.cookies[locale]);
  const sections = [...generated.sections];
  if (cookies.length > 0) {
    const rightsAt = sections.findIndex((section) => section.key === 'rights');
    sections.splice(rightsAt < 0 ? sections.length : rightsAt, 0, {
      key: 'cookies',
      heading: word(locale, 'cookies'),
      blocks: cookies,
    });
  }
  if (introduction.length > 0) {
    sections.unshift({ key: 'introduction', heading: word(locale, 'introduction'), blocks: introduction });
  }
  return { ...generated, sections };
}

/**
 * What the register puts in the statement, as one text to hash: the hash changes exactly when the generated
 * statement would (the use case hashes it; rules do no I/O).
 */
export function registerInputText(generated: Record<Locale, StatementDocument>): string {
  return JSON.stringify([generated.nl, generated.en]);
}

/** The statement as lines of plain text: what a diff compares. */
export function statementLines(document: StatementDocument): string[] {
  const lines = [document.title];
  for (const section of document.sections) {
    lines.push('', `## ${section.heading}`);
    for (const block of section.blocks) {
      if (block.kind === 'heading') lines.push('', `### ${block.text}`);
      else if (block.kind === 'paragraph') lines.push(block.text);
      else lines.push(...block.items.map((item) => `- ${item}`));
    }
  }
  return lines;
}

export interface DiffLine {
  change: 'same' | 'added' | 'removed';
  text: string;
}

/** A line diff (longest common subsequence): what was removed from `before` and added in `after`. */
export function diffLines(before: string[], after: string[]): DiffLine[] {
  const rows = before.length;
  const columns = after.length;
  const width = columns + 1;
  const common = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      common[i * width + j] =
        before[i] === after[j]
          ? (common[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(common[(i + 1) * width + j] ?? 0, common[i * width + j + 1] ?? 0);
    }
  }
  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (before[i] === after[j]) {
      result.push({ change: 'same', text: before[i++] as string });
      j++;
    } else if ((common[(i + 1) * width + j] ?? 0) >= (common[i * width + j + 1] ?? 0)) {
      result.push({ change: 'removed', text: before[i++] as string });
    } else {
      result.push({ change: 'added', text: after[j++] as string });
    }
  }
  while (i < rows) result.push({ change: 'removed', text: before[i++] as string });
  while (j < columns) result.push({ change: 'added', text: after[j++] as string });
  return result;
}
