import { Temporal } from 'temporal-polyfill';
import { type Cutoff, type Filter, RECORD_KEY_FIELD, type Selection } from '../../connectors/connector.ts';
import { calendarDateIn, startOfDay, TIME_ZONE } from '../../shared/dates.ts';
import type { TAction, TIdentityKind, TPeriod, TPeriodUnit, TPolicyStatus, TSchedule } from './contract.ts';
import type { TFieldChange, TRetentionFile, TRetentionPlan } from './file-contract.ts';

/**
 * The retention module's domain rules (issue 10), pure: the clock and the reference data are parameters. Periods
 * are calendar arithmetic on Europe/Amsterdam dates; what a connector receives is a `Selection`.
 *
 * The one decision everything below follows (reference/retention-nl.json `testCases`): a record whose Amsterdam
 * date is d may be deleted from the day `d + period` (months and years added with Temporal's `constrain`, so
 * 2024-02-29 + 12 months = 2025-02-28), and from 1 January of `year(d) + N + 1` for "end of year + N years".
 */

// ---------------------------------------------------------------------------------------------------------------
// Periods and cut-offs
// ---------------------------------------------------------------------------------------------------------------

const plainDate = (date: string) => Temporal.PlainDate.from(date);
const isOnOrBefore = (a: Temporal.PlainDate, b: Temporal.PlainDate) => Temporal.PlainDate.compare(a, b) <= 0;

function addPeriod(date: Temporal.PlainDate, period: TPeriod): Temporal.PlainDate {
  if (period.kind === 'end_of_year_plus')
    return Temporal.PlainDate.from({ year: date.year + period.years + 1, month: 1, day: 1 });
  return date.add({ [period.unit]: period.amount });
}

/** The first Amsterdam calendar day on which a record dated `recordDate` may be deleted. */
export function deletableFrom(period: TPeriod, recordDate: string): string {
  return addPeriod(plainDate(recordDate), period).toString();
}

/**
 * The earliest record date still kept on `today`: every record dated before it is expired. `today − period` is
 * itself expired (subtracting and adding back never passes today), and at a month's end a few days after it are
 * too (31 March − 1 month = 28 February, + 1 month = 28 March): the first kept day is found by stepping on.
 */
export function firstKeptDate(period: TPeriod, today: string): string {
  const day = plainDate(today);
  if (period.kind === 'end_of_year_plus')
    return Temporal.PlainDate.from({ year: day.year - period.years, month: 1, day: 1 }).toString();
  let candidate = day.subtract({ [period.unit]: period.amount });
  while (isOnOrBefore(addPeriod(candidate, period), day)) candidate = candidate.add({ days: 1 });
  return candidate.toString();
}

/** A cut-off at 00:00 Amsterdam on `date`, in the three forms connectors compare with. */
export function cutoffAt(date: string): Cutoff {
  return { instant: startOfDay(date), localDateTime: `${date}T00:00:00`, localDate: date };
}

/**
 * The cut-off of a period at `now`: records strictly before it are expired. "12 months" on 2026-11-22 gives
 * 2025-11-23 00:00 Amsterdam (a record of 2025-11-22 may go from 2026-11-22); "end of year + 7 years" in 2034
 * gives 2027-01-01 00:00 Amsterdam (records of 2026 and earlier are expired).
 */
export function cutoffFor(period: TPeriod, now: Date): Cutoff {
  return cutoffAt(firstKeptDate(period, calendarDateIn(now)));
}

/** One entry of reference/retention-nl.json `periods`, as far as these rules read it. */
export interface ReferencePeriod {
  id: string;
  kind: string;
  start: string;
  ref: string;
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  untilEvent?: boolean;
}

/** reference/retention-nl.json, loaded by the caller. */
export interface RetentionReferenceData {
  periods: readonly ReferencePeriod[];
  startEvents: Readonly<Record<string, string>>;
}

const UNITS: readonly TPeriodUnit[] = ['years', 'months', 'weeks', 'days'];

/** Start events that run from the end of a calendar year: their periods are "end of year + N years". */
export const isEndOfYearStart = (startEventId: string | null) =>
  startEventId !== null && /^end-of-(fiscal-year|year-of-)/.test(startEventId);

function periodOf(amount: number, unit: TPeriodUnit, startEventId: string | null): TPeriod {
  return isEndOfYearStart(startEventId) && unit === 'years'
    ? { kind: 'end_of_year_plus', years: amount }
    : { kind: 'after', amount, unit };
}

/** A reference period as a policy period; null for one that runs until an event. */
export function referencePeriod(entry: ReferencePeriod): TPeriod | null {
  const unit = UNITS.find((candidate) => typeof entry[candidate] === 'number');
  return unit ? periodOf(entry[unit] as number, unit, entry.start) : null;
}

// Every start day of a leap-year cycle: enough to compare two periods on every calendar position.
const CYCLE_START = Temporal.PlainDate.from('2024-01-01');
const CYCLE_DAYS = 366 + 365 * 3;

/** Whether `period` keeps a record at least as long as `minimum`, whatever the record's date. */
export function isAtLeast(period: TPeriod, minimum: TPeriod): boolean {
  for (let offset = 0; offset < CYCLE_DAYS; offset++) {
    const date = CYCLE_START.add({ days: offset });
    if (Temporal.PlainDate.compare(addPeriod(date, period), addPeriod(date, minimum)) < 0) return false;
  }
  return true;
}

export type MinimumCheck =
  | { isAllowed: true }
  | { isAllowed: false; code: 'retention_below_statutory_minimum'; params: Record<string, string | number> };

/**
 * Refuses a period shorter than the statutory minimum of its reference period (`kind: "law"`): fiscal records
 * 7 years from the end of the fiscal year may not be kept "7 years" from their own date, nor "end of year + 6".
 * Guidance and policy entries are no minimum.
 */
export function checkStatutoryMinimum(period: TPeriod, periodReference: ReferencePeriod | null): MinimumCheck {
  if (periodReference?.kind !== 'law') return { isAllowed: true };
  const minimum = referencePeriod(periodReference);
  if (!minimum || isAtLeast(period, minimum)) return { isAllowed: true };
  return {
    isAllowed: false,
    code: 'retention_below_statutory_minimum',
    params: {
      presetId: periodReference.id,
      reference: periodReference.ref,
      minimum: periodText(minimum, 'en'),
      minimumStart: periodReference.start,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Selections
// ---------------------------------------------------------------------------------------------------------------

/** A hold as the rules read it (the contract's `THold`). */
export type Hold =
  | { kind: 'condition'; id: string; filters: readonly Filter[]; reason: string }
  | { kind: 'records'; id: string; keys: readonly string[]; reason: string; expiresOn: string | null }
  | {
      kind: 'identity';
      id: string;
      identity: { emails: readonly string[]; phones: readonly string[]; names: readonly string[] };
      reason: string;
      expiresOn: string | null;
    };

/** What of a policy decides which records it selects and what it does to them. */
export interface PolicyRules {
  startEvent: { timestampField: string; conditions: readonly Filter[]; eventId?: string | null };
  period: TPeriod;
  action: TAction;
}

/** A field of a record type holding a person's identity, as its definition names it. */
export interface IdentityField {
  field: string;
  kind: TIdentityKind;
}

/** A legal hold applies up to and including its expiry day (Amsterdam); a condition hold always applies. */
export function isHoldActive(hold: Hold, today: string): boolean {
  return hold.kind === 'condition' || hold.expiresOn === null || hold.expiresOn >= today;
}

/** `= NULL` matches nothing in SQL; a condition on NULL means "is empty". */
function nullSafe(filter: Filter): Filter {
  if (filter.value !== null) return filter;
  if (filter.operator === 'eq') return { field: filter.field, operator: 'is_null' };
  if (filter.operator === 'ne') return { field: filter.field, operator: 'is_not_null' };
  return filter;
}

const unique = (values: readonly string[]) => [...new Set(values)];

/** The same Dutch number written as a person or a form would: `+31 6 1234 5678`, `+31612345678`, `0612345678`. */
function phoneVariants(phone: string): string[] {
  const compact = phone.replace(/[\s().-]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  const variants = [phone, compact, international];
  if (international.startsWith('+31')) variants.push(`0${international.slice(3)}`);
  if (/^0[1-9]/.test(compact)) variants.push(`+31${compact.slice(1)}`);
  return variants;
}

/** The values a store may hold for one identity; stores compare exactly, so the usual spellings are all listed. */
export function identityVariants(kind: TIdentityKind, value: string): string[] {
  const trimmed = value.trim();
  if (kind === 'email') return unique([trimmed, trimmed.toLowerCase()]);
  if (kind === 'phone') return unique(phoneVariants(trimmed));
  return unique([trimmed, trimmed.replace(/\s+/g, ' ')]);
}

const IDENTITY_LISTS = { email: 'emails', phone: 'phones', name: 'names' } as const;

function identityExclusions(hold: Extract<Hold, { kind: 'identity' }>, fields: readonly IdentityField[]): Filter[][] {
  return fields.flatMap(({ field, kind }) => {
    const values = unique(hold.identity[IDENTITY_LISTS[kind]].flatMap((value) => identityVariants(kind, value)));
    return values.length === 0 ? [] : [[{ field, operator: 'in' as const, value: values }]];
  });
}

function holdExclusions(hold: Hold, identityFields: readonly IdentityField[]): Filter[][] {
  if (hold.kind === 'condition') return [hold.filters.map(nullSafe)];
  if (hold.kind === 'records') return [[{ field: RECORD_KEY_FIELD, operator: 'in', value: [...hold.keys] }]];
  return identityExclusions(hold, identityFields);
}

/** Records whose replaced fields all hold their replacement already: an anonymise run must never select them again. */
export function alreadyAnonymised(action: TAction): Filter[][] {
  if (action.kind !== 'anonymise') return [];
  return [
    action.fields.map(
      ({ field, replacement }): Filter =>
        replacement === null ? { field, operator: 'is_null' } : { field, operator: 'eq', value: replacement },
    ),
  ];
}

/**
 * What a run or preview of `policy` works on at `now`: the start event's field before the cut-off, its
 * conditions, and one exclusion group per active hold (a condition hold, the held record keys, each identity
 * field equal to one of a held person's identities) plus the already-anonymised marker. Expired legal holds are
 * left out.
 */
export function selectionFor(
  policy: PolicyRules,
  now: Date,
  holds: readonly Hold[],
  target: { identityFields: readonly IdentityField[] } = { identityFields: [] },
): Selection {
  const today = calendarDateIn(now);
  const exclusions = holds
    .filter((hold) => isHoldActive(hold, today))
    .flatMap((hold) => holdExclusions(hold, target.identityFields));
  return {
    timestampField: policy.startEvent.timestampField,
    cutoff: cutoffFor(policy.period, now),
    conditions: policy.startEvent.conditions.map(nullSafe),
    exclusions: [...exclusions, ...alreadyAnonymised(policy.action)],
  };
}

/**
 * The selections a preview counts: `all` (what the policy matches, holds aside), `toAct` (what a run would act
 * on) and per hold the selection `excluding` only that hold. The records a hold keeps are
 * `count(all) − count(excluding)`; holds may overlap, so `count(all) − count(toAct)` are held in all.
 */
export function previewSelections(
  policy: PolicyRules,
  now: Date,
  holds: readonly Hold[],
  target: { identityFields: readonly IdentityField[] } = { identityFields: [] },
): { all: Selection; toAct: Selection; perHold: { holdId: string; reason: string; excluding: Selection }[] } {
  const today = calendarDateIn(now);
  const active = holds.filter((hold) => isHoldActive(hold, today));
  return {
    all: selectionFor(policy, now, [], target),
    toAct: selectionFor(policy, now, active, target),
    perHold: active.map((hold) => ({
      holdId: hold.id,
      reason: hold.reason,
      excluding: selectionFor(policy, now, [hold], target),
    })),
  };
}

/**
 * Active identity holds a record type cannot honour: it has no identity field of any kind the hold names. A run
 * must not start while there is one, or the held person's records could go.
 */
export function unenforceableHolds(
  holds: readonly Hold[],
  identityFields: readonly IdentityField[],
  now: Date,
): { holdId: string; reason: string }[] {
  const today = calendarDateIn(now);
  return holds
    .filter((hold): hold is Extract<Hold, { kind: 'identity' }> => hold.kind === 'identity')
    .filter((hold) => isHoldActive(hold, today) && identityExclusions(hold, identityFields).length === 0)
    .map((hold) => ({ holdId: hold.id, reason: hold.reason }));
}

// ---------------------------------------------------------------------------------------------------------------
// Plain-language criteria
// ---------------------------------------------------------------------------------------------------------------

export type Locale = 'nl' | 'en';

const UNIT_WORDS: Record<Locale, Record<TPeriodUnit, [string, string]>> = {
  nl: { days: ['dag', 'dagen'], weeks: ['week', 'weken'], months: ['maand', 'maanden'], years: ['jaar', 'jaar'] },
  en: { days: ['day', 'days'], weeks: ['week', 'weeks'], months: ['month', 'months'], years: ['year', 'years'] },
};

const amountText = (amount: number, unit: TPeriodUnit, locale: Locale) =>
  `${amount} ${UNIT_WORDS[locale][unit][amount === 1 ? 0 : 1]}`;

/** "12 maanden", "end of year + 7 years". */
export function periodText(period: TPeriod, locale: Locale): string {
  if (period.kind === 'after') return amountText(period.amount, period.unit, locale);
  const years = amountText(period.years, 'years', locale);
  return locale === 'nl' ? `einde jaar + ${years}` : `end of year + ${years}`;
}

const OPERATOR_WORDS: Record<Locale, Record<Filter['operator'], string>> = {
  nl: {
    eq: 'is',
    ne: 'is niet',
    lt: 'is kleiner dan',
    lte: 'is ten hoogste',
    gt: 'is groter dan',
    gte: 'is ten minste',
    in: 'is een van',
    not_in: 'is geen van',
    is_null: 'is leeg',
    is_not_null: 'is niet leeg',
    contains: 'bevat',
  },
  en: {
    eq: 'is',
    ne: 'is not',
    lt: 'is less than',
    lte: 'is at most',
    gt: 'is greater than',
    gte: 'is at least',
    in: 'is one of',
    not_in: 'is none of',
    is_null: 'is empty',
    is_not_null: 'is not empty',
    contains: 'contains',
  },
};

const WORDS = {
  nl: { and: 'en', only: 'alleen waar', except: 'behalve', theDate: 'de datum', record: ['record', 'records'] },
  en: { and: 'and', only: 'only where', except: 'except', theDate: 'the date', record: ['record', 'records'] },
} as const;

/** Names a person recognises for what a policy mentions; fields without a label are shown by their own name. */
export interface CriteriaNames {
  /** "E-mails in INBOX en Verzonden", "Klanten". */
  recordType: string;
  fields?: Readonly<Record<string, string>>;
  archiveTarget?: string;
}

function listText(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${WORDS[locale].and} ${items.at(-1)}`;
}

const valueText = (value: Filter['value']): string =>
  Array.isArray(value) ? value.map(valueText).join(', ') : typeof value === 'string' ? `'${value}'` : String(value);

function filterText(filter: Filter, locale: Locale, names: CriteriaNames): string {
  const field = names.fields?.[filter.field] ?? filter.field;
  const operator = OPERATOR_WORDS[locale][filter.operator];
  return filter.value === undefined ? `${field} ${operator}` : `${field} ${operator} ${valueText(filter.value)}`;
}

function ageText(policy: PolicyRules, locale: Locale, names: CriteriaNames): string {
  const label = names.fields?.[policy.startEvent.timestampField];
  const { period } = policy;
  if (period.kind === 'end_of_year_plus') {
    const years = amountText(period.years, 'years', locale);
    const of = label ?? WORDS[locale].theDate;
    return locale === 'nl'
      ? `waarvan het jaar van ${of} ten minste ${years} geleden is afgesloten`
      : `whose year of ${of} ended at least ${years} ago`;
  }
  if (period.amount === 0)
    return locale === 'nl'
      ? `waarvan ${label ?? 'de datum'} vandaag of eerder is`
      : `whose ${label ?? 'date'} is today or earlier`;
  const duration = amountText(period.amount, period.unit, locale);
  if (locale === 'nl')
    return label ? `waarvan ${label} ${duration} of langer geleden is` : `die ouder zijn dan ${duration}`;
  return label ? `whose ${label} is ${duration} or more ago` : `older than ${duration}`;
}

function holdText(hold: Hold, locale: Locale): string {
  if (hold.kind === 'condition') return hold.reason;
  if (hold.kind === 'records') {
    const count = `${hold.keys.length} ${WORDS[locale].record[hold.keys.length === 1 ? 0 : 1]}`;
    return locale === 'nl'
      ? `${count} onder juridische bewaarplicht (${hold.reason})`
      : `${count} under legal hold (${hold.reason})`;
  }
  return locale === 'nl'
    ? `gegevens van een persoon onder juridische bewaarplicht (${hold.reason})`
    : `data of a person under legal hold (${hold.reason})`;
}

function actionText(action: TAction, locale: Locale, names: CriteriaNames): string {
  if (action.kind === 'delete') return locale === 'nl' ? 'Ze worden verwijderd.' : 'They are deleted.';
  if (action.kind === 'archive') {
    const target = names.archiveTarget ?? (locale === 'nl' ? 'een ander recordtype' : 'another record type');
    return locale === 'nl'
      ? `Ze worden gearchiveerd in ${target} en daarna verwijderd.`
      : `They are archived to ${target}, then deleted.`;
  }
  const fields = listText(
    action.fields.map(({ field }) => names.fields?.[field] ?? field),
    locale,
  );
  return locale === 'nl'
    ? `Ze worden geanonimiseerd: ${fields} worden gewist of overschreven.`
    : `They are anonymised: ${fields} are cleared or overwritten.`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The policy in plain words, no SQL: "E-mails in INBOX en Verzonden die ouder zijn dan 12 maanden, behalve
 * gemarkeerde berichten. Ze worden verwijderd." Holds are described as given (pass the active ones); a legal hold
 * on a person never names the person.
 */
export function describeCriteria(
  policy: PolicyRules & { holds?: readonly Hold[] },
  locale: Locale,
  names: CriteriaNames,
): string {
  const words = WORDS[locale];
  const conditions = policy.startEvent.conditions.map((filter) => filterText(nullSafe(filter), locale, names));
  const holds = (policy.holds ?? []).map((hold) => holdText(hold, locale));
  const parts = [`${names.recordType} ${ageText(policy, locale, names)}`];
  if (conditions.length > 0) parts.push(` (${words.only} ${listText(conditions, locale)})`);
  if (holds.length > 0) parts.push(`, ${words.except} ${listText(holds, locale)}`);
  return `${capitalised(parts.join(''))}. ${actionText(policy.action, locale, names)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Masking, approval
// ---------------------------------------------------------------------------------------------------------------

const MASK = '***';

/** The first character and a mask; a one-character part is masked whole, or the mask would be the value. */
function maskPart(part: string): string {
  const characters = Array.from(part);
  return characters.length > 1 ? `${characters[0]}${MASK}` : MASK;
}

function maskEmail(written: string): string {
  // `Jan Jansen <jan@example.nl>` as a mail header writes it: the name part would show unmasked.
  const value = /<([^<>]*)>/.exec(written)?.[1]?.trim() ?? written;
  const at = value.lastIndexOf('@');
  if (at < 0) return maskPart(value);
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const maskedDomain =
    dot <= 0 ? maskPart(domain) : `${maskPart(domain.slice(0, dot).split('.')[0] ?? '')}${domain.slice(dot)}`;
  return `${maskPart(value.slice(0, at))}@${maskedDomain}`;
}

function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  // With five digits or fewer the last two would give away too much of a short number (an extension).
  return digits.length > 5 ? `${MASK}${digits.slice(-2)}` : MASK;
}

function maskName(value: string): string {
  const words = value.trim().split(/\s+/).filter(Boolean);
  const isOneLetter = words.length === 1 && Array.from(words[0] ?? '').length <= 1;
  if (words.length === 0 || isOneLetter) return MASK;
  return words.map((word) => `${Array.from(word)[0]}.`).join(' ');
}

/**
 * A person's identity as a preview sample shows it: e-mail `j***@e***.nl`, phone `***78`, name `J. d. V.`. Never
 * the whole value (a one-character part or a short number is masked whole). Null and empty stay as they are.
 */
export function maskIdentity(value: string | null, kind: TIdentityKind | 'text'): string | null {
  if (value === null || value.trim() === '') return value;
  const trimmed = value.trim();
  if (kind === 'email') return maskEmail(trimmed);
  if (kind === 'phone') return maskPhone(trimmed);
  if (kind === 'name') return maskName(trimmed);
  return maskPart(trimmed);
}

/** The most records a run may act on under an approved preview count and a margin in percent. */
export function approvedLimit(approvedCount: number, marginPercent: number): number {
  return Math.floor((approvedCount * (100 + Math.max(0, marginPercent))) / 100);
}

/**
 * Whether a run must stop and ask again: more records match now than the approved preview plus the margin (with
 * no approved preview, always). Exactly at the limit is allowed.
 */
export function needsNewApproval(approvedCount: number | null, matchedNow: number, marginPercent: number): boolean {
  if (approvedCount === null) return true;
  // Integers only: 1000 approved with 10 % allows 1100, not 1100.0000000000002.
  return matchedNow * 100 > approvedCount * (100 + Math.max(0, marginPercent));
}

// ---------------------------------------------------------------------------------------------------------------
// Policies and the register
// ---------------------------------------------------------------------------------------------------------------

/** An activity's retention as the register stores it (register/contract.ts `ZRetention`). */
export interface ActivityRetention {
  kind: 'period' | 'until_event' | null;
  amount: number | null;
  unit: TPeriodUnit | null;
  startEvent: string;
  reference: string;
  presetId: string | null;
}

export type PolicyPrefill =
  | {
      isPrefilled: true;
      period: TPeriod;
      /** A reference/retention-nl.json start event id, or null when the activity names its own event. */
      startEventId: string | null;
      legalReference: { presetId: string | null; reference: string };
      basedOnRetention: ActivityRetention;
    }
  | { isPrefilled: false; code: 'activity_retention_missing' };

function startEventIdOf(retention: ActivityRetention, data: RetentionReferenceData, preset?: ReferencePeriod) {
  if (preset) return preset.start;
  return Object.hasOwn(data.startEvents, retention.startEvent) ? retention.startEvent : null;
}

/**
 * A policy's period, start event and legal reference pre-filled from an activity's retention. "Until an event"
 * becomes 0 days after that event (the event's timestamp field is chosen with the record type).
 */
export function policyFromActivity(
  activityRetention: ActivityRetention,
  referenceData: RetentionReferenceData,
): PolicyPrefill {
  const retention = activityRetention;
  const preset = referenceData.periods.find((period) => period.id === retention.presetId);
  const startEventId = startEventIdOf(retention, referenceData, preset);
  const legalReference = { presetId: preset?.id ?? null, reference: retention.reference || preset?.ref || '' };
  const prefill = { isPrefilled: true as const, startEventId, legalReference, basedOnRetention: { ...retention } };
  if (retention.kind === 'period' && retention.amount !== null && retention.unit !== null)
    return { ...prefill, period: periodOf(retention.amount, retention.unit, startEventId) };
  if (retention.kind === 'until_event') return { ...prefill, period: { kind: 'after', amount: 0, unit: 'days' } };
  return { isPrefilled: false, code: 'activity_retention_missing' };
}

const retentionText = (retention: ActivityRetention) =>
  retention.kind === 'period' && retention.amount !== null && retention.unit !== null
    ? amountText(retention.amount, retention.unit, 'en')
    : retention.kind === 'until_event'
      ? `until ${retention.startEvent}`
      : 'none';

/**
 * Why a policy no longer matches the activity it implements: the activity's period, start event or reference
 * changed since the policy was made from it (or its retention was removed). Null while they agree, and for a
 * policy not made from an activity.
 */
export function isPolicyOutOfDate(
  policy: { basedOnRetention: ActivityRetention | null },
  activityRetention: ActivityRetention,
): { code: 'activity_retention_changed' | 'activity_retention_removed'; params: Record<string, string> } | null {
  const was = policy.basedOnRetention;
  if (!was) return null;
  const now = activityRetention;
  const changed = [
    ['period', was.kind !== now.kind || was.amount !== now.amount || was.unit !== now.unit],
    ['start_event', was.startEvent !== now.startEvent],
    ['reference', was.reference !== now.reference || was.presetId !== now.presetId],
  ]
    .filter(([, isChanged]) => isChanged)
    .map(([name]) => name as string);
  if (changed.length === 0) return null;
  const code = now.kind === null ? 'activity_retention_removed' : 'activity_retention_changed';
  return { code, params: { changed: changed.join(','), was: retentionText(was), now: retentionText(now) } };
}

// ---------------------------------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------------------------------

interface Named {
  id: string;
  name: string;
}

export interface CoverageActivity extends Named {
  systems: readonly Named[];
}

export interface CoverageSystem extends Named {
  /** The system's backup locations and how many days each keeps a copy (null: not recorded). */
  backups: readonly { locationId: string; rotationDays: number | null }[];
}

export interface CoveragePolicy {
  id: string;
  status: TPolicyStatus;
  approvedPreviewId: string | null;
  activityId: string | null;
  /** The register system the policy's connector reaches. */
  systemId: string | null;
}

export interface ManualHandling {
  subject: { kind: 'activity' | 'system'; id: string };
  ownerUserId: string;
  reviewDate: string;
}

export type Enforcement =
  | { kind: 'enforced'; policyIds: string[] }
  | { kind: 'manual'; ownerUserId: string; reviewDate: string; isReviewOverdue: boolean }
  | { kind: 'none' };

const isEnforcing = (policy: CoveragePolicy) => policy.status === 'active' && policy.approvedPreviewId !== null;

function enforcementOf(policyIds: string[], manual: ManualHandling | undefined, today: string): Enforcement {
  if (policyIds.length > 0) return { kind: 'enforced', policyIds };
  if (!manual) return { kind: 'none' };
  const { ownerUserId, reviewDate } = manual;
  return { kind: 'manual', ownerUserId, reviewDate, isReviewOverdue: reviewDate < today };
}

/** The longest rotation of a system's backups: an erasure is gone from all of them after it. Null when one is unknown. */
export function backupsCleanWithinDays(backups: CoverageSystem['backups']): number | null {
  if (backups.some((backup) => backup.rotationDays === null)) return null;
  return Math.max(0, ...backups.map((backup) => backup.rotationDays as number));
}

/**
 * "The register says 12 months: is it done?" Per activity and per system: enforced (only active policies with
 * an approved preview count), handled by hand (an owner and a review date, overdue after it), or neither; per
 * system also its backups' rotation, so an erasure is known to leave the backups within N days.
 */
export function coverageOf(
  activities: readonly CoverageActivity[],
  systems: readonly CoverageSystem[],
  policies: readonly CoveragePolicy[],
  manualHandling: readonly ManualHandling[],
  today: string,
) {
  const enforcing = policies.filter(isEnforcing);
  const manualFor = (kind: 'activity' | 'system', id: string) =>
    manualHandling.find((handling) => handling.subject.kind === kind && handling.subject.id === id);
  const policiesFor = (key: 'activityId' | 'systemId', id: string) =>
    enforcing.filter((policy) => policy[key] === id).map((policy) => policy.id);
  return {
    activities: activities.map((activity) => ({
      activity: { id: activity.id, name: activity.name },
      enforcement: enforcementOf(policiesFor('activityId', activity.id), manualFor('activity', activity.id), today),
      systemsWithoutPolicy: activity.systems
        .filter((system) => policiesFor('systemId', system.id).length === 0)
        .map(({ id, name }) => ({ id, name })),
    })),
    systems: systems.map((system) => ({
      system: { id: system.id, name: system.name },
      enforcement: enforcementOf(policiesFor('systemId', system.id), manualFor('system', system.id), today),
      backups: system.backups.map(({ locationId, rotationDays }) => ({ locationId, rotationDays })),
      backupsCleanWithinDays: backupsCleanWithinDays(system.backups),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Retention as code
// ---------------------------------------------------------------------------------------------------------------

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every leaf that differs between two JSON values, by dotted path (`period.amount`, `holds.0.reason`). */
export function valueChanges(from: unknown, to: unknown, path = ''): TFieldChange[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(from) && Array.isArray(to)) {
    const length = Math.max(from.length, to.length);
    return Array.from({ length }, (_, index) => valueChanges(from[index], to[index], at(index))).flat();
  }
  if (isPlainObject(from) && isPlainObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    return keys.flatMap((key) => valueChanges(from[key], to[key], at(key)));
  }
  return Object.is(from, to) ? [] : [{ path, from, to }];
}

function entryChanges<T extends { ref: string }>(current: readonly T[], desired: readonly T[]) {
  const currentByRef = new Map(current.map((entry) => [entry.ref, entry]));
  const desiredRefs = new Set(desired.map((entry) => entry.ref));
  const changed = desired.flatMap((entry) => {
    const before = currentByRef.get(entry.ref);
    const changes = before ? valueChanges(before, entry) : [];
    return changes.length > 0 ? [{ ref: entry.ref, changes }] : [];
  });
  return {
    added: desired.filter((entry) => !currentByRef.has(entry.ref)).map((entry) => entry.ref),
    changed,
    removed: current.filter((entry) => !desiredRefs.has(entry.ref)).map((entry) => entry.ref),
  };
}

/**
 * What `retention apply` would do to turn `current` (the organisation as exported) into `desired` (the file):
 * per connector, record type and policy, matched by `ref`, what is added, removed, and changed field by field.
 * Both are parsed files (defaults filled in), so an omitted default is no change.
 */
export function planRetentionChanges(current: TRetentionFile, desired: TRetentionFile): TRetentionPlan {
  const connectors = entryChanges(current.connectors, desired.connectors);
  const recordTypes = entryChanges(current.recordTypes, desired.recordTypes);
  const policies = entryChanges(current.policies, desired.policies);
  const hasChanges = [connectors, recordTypes, policies].some(
    (changes) => changes.added.length + changes.changed.length + changes.removed.length > 0,
  );
  return { connectors, recordTypes, policies, hasChanges };
}

// ---------------------------------------------------------------------------------------------------------------
// Schedules
// ---------------------------------------------------------------------------------------------------------------

function isScheduledOn(schedule: TSchedule, date: Temporal.PlainDate): boolean {
  if (schedule.frequency === 'weekly') return date.dayOfWeek === schedule.weekday;
  if (schedule.frequency === 'monthly') return date.day === Math.min(schedule.dayOfMonth, date.daysInMonth);
  return true;
}

/**
 * The first scheduled moment strictly after `after`, on the Amsterdam wall clock. A time in the spring DST gap
 * (02:30 on 2026-03-29) runs at the moment after the gap (03:30 CEST); a time that occurs twice in autumn
 * (02:30 on 2026-10-25) runs once, at its first occurrence.
 */
export function nextRunAt(schedule: TSchedule, after: Date): Date {
  const [hour, minute] = schedule.time.split(':').map(Number);
  const plainTime = Temporal.PlainTime.from({ hour: hour ?? 0, minute: minute ?? 0 });
  const firstDay = Temporal.PlainDate.from(calendarDateIn(after));
  // A monthly schedule is due within two months; the bound only guards against a schedule that never matches.
  for (let offset = 0; offset <= 62; offset++) {
    const date = firstDay.add({ days: offset });
    if (!isScheduledOn(schedule, date)) continue;
    const at = date.toZonedDateTime({ timeZone: TIME_ZONE, plainTime }).epochMilliseconds;
    if (at > after.getTime()) return new Date(at);
  }
  throw new Error(`schedule ${JSON.stringify(schedule)} has no run within 62 days`);
}
