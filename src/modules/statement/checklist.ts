import type { Locale } from '../../platform/i18n/index.ts';
import { gdprItems } from '../../reference/index.ts';
import type { TActivity } from '../register/contract.ts';
import { type StatementInput, statementActivities, transferFacts } from './rules.ts';

/**
 * Where a missing item is filled in: a field of an activity, of the organisation, or the user's own texts (for what
 * the register does not record, such as automated decisions and the source of indirectly obtained data).
 */
export type ChecklistTarget =
  | { target: 'activity'; activityId: string; activityName: string; field: string }
  | { target: 'organisation'; field: string }
  | { target: 'own_texts'; field: 'introduction' | 'cookies' };

export interface ChecklistItem {
  /** The id of reference/gdpr-items.json (`13.1.a` … `13.2.f`, `14.1.d`, `14.2.f`). */
  itemId: string;
  /** The articles the item comes from: 13, 14 or both. */
  articles: ('13' | '14')[];
  label: string;
  /**
   * `present`: the register fills it; `missing`: a register field is empty (see `targets`); `not_applicable`: no
   * activity calls for it; `own_text`: the register has no field for it, the user's own text must cover it.
   */
  status: 'present' | 'missing' | 'not_applicable' | 'own_text';
  targets: ChecklistTarget[];
}

type Check = (input: StatementInput, activities: TActivity[]) => Pick<ChecklistItem, 'status' | 'targets'>;

const activityGap = (activity: TActivity, field: string): ChecklistTarget => ({
  target: 'activity',
  activityId: activity.id,
  activityName: activity.name,
  field,
});

/** Missing when any activity matching `lacks` does; not applicable when `applies` matches none. */
function perActivity(
  field: string,
  lacks: (activity: TActivity, input: StatementInput) => boolean,
  applies: (activity: TActivity, input: StatementInput) => boolean = () => true,
): Check {
  return (input, activities) => {
    const relevant = activities.filter((activity) => applies(activity, input));
    if (relevant.length === 0) return { status: 'not_applicable', targets: [] };
    const targets = relevant
      .filter((activity) => lacks(activity, input))
      .map((activity) => activityGap(activity, field));
    return { status: targets.length > 0 ? 'missing' : 'present', targets };
  };
}

const always: Check = () => ({ status: 'present', targets: [] });
const ownText: Check = () => ({ status: 'own_text', targets: [{ target: 'own_texts', field: 'introduction' }] });

function organisationField(field: string, isPresent: (input: StatementInput) => boolean): Check {
  return (input) =>
    isPresent(input)
      ? { status: 'present', targets: [] }
      : { status: 'missing', targets: [{ target: 'organisation', field }] };
}

const purposesAndBasis: Check = (_input, activities) => {
  if (activities.length === 0) return { status: 'missing', targets: [{ target: 'organisation', field: 'activities' }] };
  const targets = activities.flatMap((activity) => [
    ...(activity.purposes.length === 0 ? [activityGap(activity, 'purposes')] : []),
    ...(activity.legalBasis === null ? [activityGap(activity, 'legalBasis')] : []),
  ]);
  return { status: targets.length > 0 ? 'missing' : 'present', targets };
};

const CHECKS: Record<string, Check> = {
  '13.1.a': organisationField('address', (input) => Boolean(input.organisation.street && input.organisation.city)),
  '13.1.b': organisationField('privacyContact', (input) => Boolean(input.organisation.privacyContact?.email)),
  '13.1.c': purposesAndBasis,
  '13.1.d': perActivity(
    'legalBasisJustification',
    (activity) => !activity.legalBasisJustification.trim(),
    (activity) => activity.legalBasis === 'f',
  ),
  '13.1.e': perActivity(
    'recipients',
    (activity) =>
      !activity.hasNoRecipients &&
      activity.recipients.length === 0 &&
      activity.systemVendors.length === 0 &&
      !activity.recipientCategories.trim(),
  ),
  '13.1.f': perActivity(
    'transfers',
    (activity, input) =>
      transferFacts(activity, input).some((fact) => fact.status !== 'adequate' && fact.safeguard === null),
    (activity, input) => transferFacts(activity, input).length > 0,
  ),
  '13.2.a': perActivity('retention', (activity) => activity.retention.kind === null),
  '13.2.b': always,
  '13.2.c': perActivity(
    'legalBasis',
    () => false,
    (activity) => activity.legalBasis === 'a',
  ),
  '13.2.d': always,
  '13.2.e': perActivity('legalBasis', (activity) => activity.legalBasis === null),
  '13.2.f': ownText,
  '14.1.d': perActivity('dataCategories', (activity) => activity.dataCategories.length === 0),
  '14.2.f': ownText,
};

/** Every Art. 13 item (13.2.e only in Art. 13) and the two Art. 14 adds, as gdpr-items.json lists them. */
function items(): { id: string; nl: string; en: string; articles: ('13' | '14')[] }[] {
  return [
    ...gdprItems.art13_direct.items.map((item) => ({
      ...item,
      articles: item.id === '13.2.e' ? (['13'] as ('13' | '14')[]) : (['13', '14'] as ('13' | '14')[]),
    })),
    ...gdprItems.art14_indirect.extraItems.map((item) => ({ ...item, articles: ['14'] as ('13' | '14')[] })),
  ];
}

/** The statement checked against every Art. 13 and 14 item, with the register fields that fill what is missing. */
export function statementChecklist(input: StatementInput, locale: Locale): ChecklistItem[] {
  const activities = statementActivities(input.activities);
  return items().map((item) => {
    const check = CHECKS[item.id] ?? ownText;
    return { itemId: item.id, articles: item.articles, label: item[locale], ...check(input, activities) };
  });
}
