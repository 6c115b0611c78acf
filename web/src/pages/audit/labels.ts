import type { TFunction } from 'i18next';
import { auditActionLabel } from '../../../../src/platform/audit/actions.ts';
import type { TAuditEntry } from '../../api/audit.ts';
import { countryName, formatDate, formatNumber } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/index.ts';
import { fieldLabelKey } from './field-labels.ts';

/** What the action was, in the reader's language (the labels live with the actions, in platform/audit/actions.ts). */
export function actionLabel(action: string, locale: Locale): string {
  return auditActionLabel(action, locale);
}

/** Kinds of subject that are never named in the trail: their names could be personal data (an e-mail address). */
const UNNAMED_TYPES = new Set(['invitation', 'mail', 'session']);

/**
 * The subject as a person reads it: "System: Exact Online". Entries from before names were kept show the kind and
 * the start of the id, which still tells entries about the same subject apart.
 */
export function subjectOf(
  t: TFunction,
  target: TAuditEntry['target'],
  knownNames: ReadonlyMap<string, string>,
): string {
  if (!target) return '—';
  const kind = t(`audit.targetTypes.${target.type}`, { defaultValue: t('audit.targetTypes.other') });
  const name = target.name ?? knownNames.get(target.id);
  if (name) return t('audit.subject', { kind, name });
  if (UNNAMED_TYPES.has(target.type)) return kind;
  return t('audit.subjectWithoutName', { kind, id: target.id.slice(0, 8) });
}

/** Who did it: a person or token by name, privacydesk itself by what ran (the demo loader, the command line). */
export function actorOf(t: TFunction, actor: TAuditEntry['actor']): string {
  if (actor.type === 'system') {
    return t(`audit.systemActors.${actor.id ?? 'other'}`, { defaultValue: t('audit.actorTypes.system') });
  }
  return actor.name ?? t(`audit.actorTypes.${actor.type}`);
}

type Data = Record<string, unknown>;
interface Reading {
  t: TFunction;
  locale: Locale;
  data: Data;
  targetType: string;
  knownNames: ReadonlyMap<string, string>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' ? value : undefined);
const list = (items: string[], locale: Locale) =>
  new Intl.ListFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'long', type: 'conjunction' }).format(items);

function pair({ t }: Reading, labelKey: string, value: string | undefined): string[] {
  return value ? [t('audit.details.pair', { label: t(labelKey), value })] : [];
}

const roleName = (t: TFunction, role: unknown) => t(`roles.${String(role)}`, { defaultValue: String(role) });
const enumName = (t: TFunction, list: string, value: unknown) =>
  text(value) ? t(`register.enums.${list}.${String(value)}`, { defaultValue: String(value) }) : undefined;

function changedFields(reading: Reading): string[] {
  const { t, data, targetType, locale } = reading;
  if (!Array.isArray(data.fields)) return [];
  if (data.fields.length === 0) return [t('audit.details.nothingChanged')];
  const labels = data.fields.map((field) => t(fieldLabelKey(targetType, String(field))));
  return [t('audit.details.changed', { fields: list([...new Set(labels)], locale) })];
}

function statusChange(reading: Reading): string[] {
  const { t, data } = reading;
  const status = data.status as { from?: string; to?: string } | undefined;
  if (!status || typeof status !== 'object' || !status.from || !status.to) return [];
  const name = (value: string) => enumName(t, 'activityStatus', value) ?? value;
  return [t('audit.details.statusChange', { from: name(status.from), to: name(status.to) })];
}

function memberRole(reading: Reading): string[] {
  const { t, data } = reading;
  if (text(data.from) && text(data.to)) {
    return [t('audit.details.roleChange', { from: roleName(t, data.from), to: roleName(t, data.to) })];
  }
  return pair(reading, 'members.role', text(data.role) && roleName(t, data.role));
}

function period({ t, locale }: Reading, since: unknown, until: unknown): string {
  const from = formatDate(text(since), locale);
  return text(until)
    ? t('audit.details.period', { since: from, until: formatDate(text(until), locale) })
    : t('audit.details.since', { since: from });
}

function location(reading: Reading): string[] {
  const { t, data, locale } = reading;
  if (!text(data.role) || !text(data.country)) return [];
  return [
    t('audit.details.location', {
      role: enumName(t, 'locationRoles', data.role),
      country: countryName(String(data.country), locale),
      period: period(reading, data.since, data.until),
    }),
  ];
}

function createdCounts(reading: Reading, counts: unknown): string[] {
  const { t, locale } = reading;
  if (!counts || typeof counts !== 'object') return [];
  const parts = Object.entries(counts as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'number' && value > 0)
    .map(([entity, value]) => t(`audit.details.counts.${entity}`, { count: value as number }));
  return [parts.length > 0 ? t('audit.details.created', { list: list(parts, locale) }) : t('audit.details.nothingNew')];
}

/** The sentences particular to a kind of subject, from the data its entries carry. */
const BY_SUBJECT: Record<string, (reading: Reading) => string[]> = {
  privacy_statement: (reading) => pair(reading, 'statement.versions.version', count(reading.data.version)?.toString()),
  activity: (reading) => [
    ...pair(reading, 'register.activities.columns.role', enumName(reading.t, 'activityRolesShort', reading.data.role)),
    ...(typeof reading.data.status === 'string'
      ? pair(reading, 'register.common.status', enumName(reading.t, 'activityStatus', reading.data.status))
      : []),
  ],
  system: (reading) => {
    const { t, data } = reading;
    const locations = count(data.locations) ?? (Array.isArray(data.locationIds) ? data.locationIds.length : undefined);
    const categories = count(data.dataCategories);
    const contents = [
      ...(categories !== undefined ? [t('register.systems.categoryCount', { count: categories })] : []),
      ...(locations !== undefined ? [t('audit.details.counts.locations', { count: locations })] : []),
    ];
    return [
      ...pair(reading, 'register.systems.fields.kind', enumName(t, 'systemKinds', data.kind)),
      ...(contents.length > 0 ? [t('audit.details.contains', { list: list(contents, reading.locale) })] : []),
    ];
  },
  location: location,
  vendor: (reading) => {
    const { t, data, locale } = reading;
    return [
      ...pair(reading, 'register.vendors.fields.kind', enumName(t, 'vendorKinds', data.kind)),
      ...pair(
        reading,
        'register.vendors.fields.country',
        text(data.country) && countryName(String(data.country), locale),
      ),
      ...(text(data.retiredOn)
        ? [t('audit.details.retiredOn', { date: formatDate(text(data.retiredOn), locale) })]
        : []),
    ];
  },
  user: memberRole,
  invitation: memberRole,
  api_token: (reading) => {
    const scopes = Array.isArray(reading.data.scopes) ? reading.data.scopes : [];
    const names = scopes.map((scope) => reading.t(`apiTokens.scopeNames.${String(scope)}`));
    return pair(reading, 'apiTokens.scopes', names.length > 0 ? list(names, reading.locale) : undefined);
  },
  template: (reading) => createdCounts(reading, reading.data.created),
  organisation: (reading) => {
    const { t, data, locale } = reading;
    const manager = text(data.managedByOrgId) && reading.knownNames.get(String(data.managedByOrgId));
    return [
      ...(manager ? [t('audit.details.managedBy', { name: manager })] : []),
      ...pair(reading, 'audit.fields.format', text(data.format) && t(`register.io.formats.${String(data.format)}`)),
      ...(count(data.rows) !== undefined
        ? [
            t('audit.details.imported', {
              rows: formatNumber(count(data.rows) ?? 0, locale),
              count: count(data.created) ?? 0,
            }),
          ]
        : []),
    ];
  },
};

/**
 * The entry's details as sentences: which fields changed (by their labels), a status or role from → to, and what
 * each kind of subject carries (a location's country and period, a template's counts). Hashes and ids are left out.
 */
export function describeEntry(
  t: TFunction,
  entry: Pick<TAuditEntry, 'action' | 'target' | 'data'>,
  locale: Locale,
  knownNames: ReadonlyMap<string, string> = new Map(),
): string {
  const targetType = entry.target?.type ?? (entry.action.startsWith('register.') ? 'template' : '');
  const reading: Reading = { t, locale, data: entry.data, targetType, knownNames };
  const particular = Array.isArray(entry.data.fields) ? [] : (BY_SUBJECT[targetType]?.(reading) ?? []);
  return [...changedFields(reading), ...statusChange(reading), ...particular].join(' ');
}
