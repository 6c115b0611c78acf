import { z } from 'zod';
import { FILTER_OPERATORS } from '../../connectors/connector.ts';
import { ZCalendarDate, ZRef } from '../../shared/lists.ts';
import { ZRetention } from '../register/contract.ts';

/**
 * The retention module's API (issue 10): policies, previews, runs and coverage (the retention-as-code file is in
 * file-contract.ts). Kind-specific parts (a connector's settings, a record type's definition) are records
 * here; the service validates them with the connector manifest's own schemas (src/connectors/registry.ts), which
 * keeps this file free of driver imports.
 */

export const ZName = z.string().trim().min(1, { error: 'validation.required' }).max(200);
export const ZReason = z.string().trim().min(1, { error: 'validation.required' }).max(500);
/** A field (column, IMAP attribute, file property) of a record type; checked against the live store by the service. */
const ZFieldName = z.string().trim().min(1, { error: 'validation.required' }).max(200);
const ZInstant = z.iso.datetime();

// ---------------------------------------------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------------------------------------------

const ZFilterScalar = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

/** A structured condition (never SQL), the same shape as the connector's `Filter`. */
export const ZFilter = z
  .strictObject({
    field: ZFieldName,
    operator: z.enum(FILTER_OPERATORS),
    /** An array for `in` / `not_in`, absent for `is_null` / `is_not_null`, one value otherwise. */
    value: z.union([ZFilterScalar, z.array(ZFilterScalar).min(1).max(1000)]).optional(),
  })
  .superRefine((filter, context) => {
    const isList = filter.operator === 'in' || filter.operator === 'not_in';
    const isNullCheck = filter.operator === 'is_null' || filter.operator === 'is_not_null';
    const hasList = Array.isArray(filter.value);
    if (isNullCheck && filter.value !== undefined)
      context.addIssue({ code: 'custom', path: ['value'], message: 'validation.filter_value_not_expected' });
    if (!isNullCheck && filter.value === undefined)
      context.addIssue({ code: 'custom', path: ['value'], message: 'validation.required' });
    if (!isNullCheck && filter.value !== undefined && isList !== hasList)
      context.addIssue({ code: 'custom', path: ['value'], message: 'validation.filter_value_shape' });
  });
export type TFilter = z.output<typeof ZFilter>;

export const ZPeriodUnit = z.enum(['days', 'weeks', 'months', 'years']);
export type TPeriodUnit = z.infer<typeof ZPeriodUnit>;

/**
 * How long a record is kept after its start event: `after` a number of days/weeks/months/years (a record dated d
 * may go from the day d + period), or `end_of_year_plus` N years (fiscal data: from 1 January after the end of the
 * record's year + N years).
 */
export const ZPeriod = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('after'), amount: z.number().int().min(0).max(1200), unit: ZPeriodUnit }),
  z.strictObject({ kind: z.literal('end_of_year_plus'), years: z.number().int().min(0).max(100) }),
]);
export type TPeriod = z.output<typeof ZPeriod>;

/** When the clock starts: a timestamp field, optionally only for records meeting conditions (`status = 'closed'`). */
export const ZStartEvent = z.strictObject({
  timestampField: ZFieldName,
  conditions: z.array(ZFilter).max(20).default([]),
  /** The reference/retention-nl.json start event this stands for (`end-of-fiscal-year`), for the plain text. */
  eventId: z.string().trim().max(100).nullable().default(null),
});
export type TStartEvent = z.output<typeof ZStartEvent>;

export const ZAnonymiseField = z.strictObject({ field: ZFieldName, replacement: z.string().max(1000).nullable() });

/** Each name once in a list: a field anonymised twice or two columns archived into one make the action ambiguous. */
const eachOnce =
  <T>(name: (item: T) => string) =>
  (items: readonly T[], context: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(name(item)))
        context.addIssue({ code: 'custom', path: [index], message: 'validation.field_listed_twice' });
      seen.add(name(item));
    });
  };

export const ZAnonymiseFields = z
  .array(ZAnonymiseField)
  .min(1)
  .max(100)
  .superRefine(eachOnce((item: { field: string }) => item.field));
export const ZFieldMapping = z
  .array(z.strictObject({ from: ZFieldName, to: ZFieldName }))
  .min(1)
  .max(200)
  .superRefine(eachOnce((item: { to: string }) => item.to));

/** What happens to an expired record. Archive copies it to another record type, verifies the copy, then deletes. */
export const ZAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('delete') }),
  z.strictObject({ kind: z.literal('anonymise'), fields: ZAnonymiseFields }),
  z.strictObject({ kind: z.literal('archive'), targetRecordTypeId: z.uuid(), fieldMapping: ZFieldMapping }),
]);
export type TAction = z.output<typeof ZAction>;

export const ZIdentityKind = z.enum(['email', 'phone', 'name']);
export type TIdentityKind = z.infer<typeof ZIdentityKind>;

const ZIdentities = z
  .strictObject({
    emails: z.array(z.string().trim().min(3).max(320)).max(20).default([]),
    phones: z.array(z.string().trim().min(3).max(40)).max(20).default([]),
    names: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  })
  .refine((identity) => identity.emails.length + identity.phones.length + identity.names.length > 0, {
    error: 'validation.identity_required',
  });

/**
 * A reason not to act on a record. `condition`: records meeting every filter are kept (flagged mail, a contracts
 * folder). `records` and `identity`: a legal hold on record keys or on a person, until `expiresOn` (inclusive,
 * Amsterdam calendar day; null: until lifted).
 */
export const ZHoldInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('condition'),
    filters: z.array(ZFilter).min(1).max(20),
    reason: ZReason,
  }),
  z.strictObject({
    kind: z.literal('records'),
    keys: z.array(z.string().min(1).max(1000)).min(1).max(1000),
    reason: ZReason,
    expiresOn: ZCalendarDate.nullable().default(null),
  }),
  z.strictObject({
    kind: z.literal('identity'),
    identity: ZIdentities,
    reason: ZReason,
    expiresOn: ZCalendarDate.nullable().default(null),
  }),
]);
export type THoldInput = z.output<typeof ZHoldInput>;

/** A hold as stored: with its id (a preview counts held records per hold). */
export const ZHold = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('condition'), id: z.uuid(), filters: z.array(ZFilter), reason: z.string() }),
  z.object({
    kind: z.literal('records'),
    id: z.uuid(),
    keys: z.array(z.string()),
    reason: z.string(),
    expiresOn: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('identity'),
    id: z.uuid(),
    identity: z.object({ emails: z.array(z.string()), phones: z.array(z.string()), names: z.array(z.string()) }),
    reason: z.string(),
    expiresOn: z.string().nullable(),
  }),
]);
export type THold = z.infer<typeof ZHold>;

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.invalid_format' });

/**
 * When runs start, on the Amsterdam wall clock. A weekday is ISO (1 = Monday); a day of the month past the
 * month's end means its last day. A time that does not exist (the spring DST gap) runs at the first moment after.
 */
export const ZSchedule = z.discriminatedUnion('frequency', [
  z.strictObject({ frequency: z.literal('daily'), time: ZTime }),
  z.strictObject({ frequency: z.literal('weekly'), weekday: z.number().int().min(1).max(7), time: ZTime }),
  z.strictObject({ frequency: z.literal('monthly'), dayOfMonth: z.number().int().min(1).max(31), time: ZTime }),
]);
export type TSchedule = z.output<typeof ZSchedule>;

export const ZPolicyStatus = z.enum(['draft', 'awaiting_approval', 'active', 'paused', 'out_of_date']);
export type TPolicyStatus = z.infer<typeof ZPolicyStatus>;

/** The legal or policy basis, pre-filled from the activity's retention (a reference/retention-nl.json preset). */
export const ZLegalReference = z.strictObject({
  presetId: z.string().trim().max(100).nullable().default(null),
  reference: z.string().trim().max(500).default(''),
});

/** Something the owner must look at: `code` is a message key `retention.flag.<code>` with its parameters. */
export const ZPolicyFlag = z.object({
  code: z.enum(['out_of_date', 'schema_changed', 'approval_needed', 'last_run_failed']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  since: ZInstant,
});
export type TPolicyFlag = z.infer<typeof ZPolicyFlag>;

/** A run stops and asks again when it matches more than the approved preview count plus this percentage. */
export const ZMarginPercent = z.number().int().min(0).max(1000);

const policyFields = {
  name: ZName,
  recordTypeId: z.uuid(),
  /** The register activity whose retention the policy implements. */
  activityId: z.uuid().nullable(),
  startEvent: ZStartEvent,
  period: ZPeriod,
  legalReference: ZLegalReference,
  action: ZAction,
  holds: z.array(ZHoldInput).max(100),
  schedule: ZSchedule,
  ownerUserId: z.uuid().nullable(),
  marginPercent: ZMarginPercent,
};

export const ZCreatePolicyRequest = z
  .strictObject({
    ...policyFields,
    activityId: policyFields.activityId.default(null),
    legalReference: ZLegalReference.default({ presetId: null, reference: '' }),
    action: ZAction.default({ kind: 'delete' }),
    holds: policyFields.holds.default([]),
    schedule: ZSchedule.default({ frequency: 'daily', time: '02:00' }),
    ownerUserId: policyFields.ownerUserId.default(null),
    marginPercent: ZMarginPercent.default(10),
  })
  .superRefine((policy, context) => {
    if (policy.action.kind === 'archive' && policy.action.targetRecordTypeId === policy.recordTypeId)
      context.addIssue({
        code: 'custom',
        path: ['action', 'targetRecordTypeId'],
        message: 'validation.archive_to_itself',
      });
  });
export type TCreatePolicyRequest = z.output<typeof ZCreatePolicyRequest>;

/**
 * Changes a policy. A change to what it selects or does (record type, start event, period, action, holds) sets an
 * active policy back to `awaiting_approval`: its approved preview no longer describes it.
 */
export const ZUpdatePolicyRequest = z
  .strictObject(policyFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdatePolicyRequest = z.output<typeof ZUpdatePolicyRequest>;

/** A draft policy pre-filled from an activity's retention (period, start event, legal reference). */
export const ZCreatePolicyFromActivityRequest = z.strictObject({
  activityId: z.uuid(),
  recordTypeId: z.uuid(),
  timestampField: ZFieldName,
  name: ZName.optional(),
});
export type TCreatePolicyFromActivityRequest = z.output<typeof ZCreatePolicyFromActivityRequest>;

export const ZChangePolicyStatusRequest = z.strictObject({ status: z.enum(['active', 'paused']) });

export const ZPolicy = z.object({
  id: z.uuid(),
  name: z.string(),
  recordType: ZRef,
  activity: ZRef.nullable(),
  startEvent: ZStartEvent,
  period: ZPeriod,
  legalReference: z.object({ presetId: z.string().nullable(), reference: z.string() }),
  action: ZAction,
  holds: z.array(ZHold),
  schedule: ZSchedule,
  owner: ZRef.nullable(),
  status: ZPolicyStatus,
  /** The preview a privacy officer or owner approved; runs are enforced only with one. */
  approvedPreviewId: z.uuid().nullable(),
  marginPercent: z.number().int(),
  /** The activity's retention when the policy was made from it or last confirmed; a change flags it out of date. */
  basedOnRetention: ZRetention.nullable(),
  flags: z.array(ZPolicyFlag),
  nextRunAt: ZInstant.nullable(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});
export type TPolicy = z.infer<typeof ZPolicy>;

export const ZAddLegalHoldRequest = ZHoldInput;
export type TAddLegalHoldRequest = z.output<typeof ZAddLegalHoldRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Previews and runs
// ---------------------------------------------------------------------------------------------------------------

/** One record of a preview sample: its timestamp and its identity fields masked (`j***@e***.nl`). */
export const ZPreviewSample = z.object({
  timestamp: z.string().nullable(),
  identity: z.record(z.string(), z.string().nullable()),
});

export const ZPreview = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  /** The cut-off the counts were made with. */
  cutoff: ZInstant,
  matched: z.number().int(),
  /** Per hold the records it keeps; holds may overlap, so `matched − toAct` records are held in all. */
  held: z.array(z.object({ holdId: z.uuid(), reason: z.string(), count: z.number().int() })),
  toAct: z.number().int(),
  sample: z.array(ZPreviewSample),
  criteria: z.object({ nl: z.string(), en: z.string() }),
  computedAt: ZInstant,
  approvedBy: ZRef.nullable(),
  approvedAt: ZInstant.nullable(),
});
export type TPreview = z.infer<typeof ZPreview>;

export const ZApprovePreviewRequest = z.strictObject({ previewId: z.uuid() });

export const ZRunStatus = z.enum(['queued', 'running', 'paused_for_approval', 'completed', 'failed', 'cancelled']);
export type TRunStatus = z.infer<typeof ZRunStatus>;
export const ZRunTrigger = z.enum(['schedule', 'manual', 'cli']);

export const ZRunCounts = z.object({
  deleted: z.number().int(),
  anonymised: z.number().int(),
  archived: z.number().int(),
  held: z.number().int(),
  failed: z.number().int(),
});
export type TRunCounts = z.infer<typeof ZRunCounts>;

export const ZRun = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  status: ZRunStatus,
  trigger: ZRunTrigger,
  counts: ZRunCounts,
  /** `expected`: the matched count when the run started. */
  progress: z.object({ processed: z.number().int(), expected: z.number().int().nullable() }),
  startedAt: ZInstant.nullable(),
  finishedAt: ZInstant.nullable(),
  /** A connector failure code, or `approval_needed` / `schema_changed` / `cancelled_by_user`. */
  error: z.object({ code: z.string(), detail: z.string() }).nullable(),
});
export type TRun = z.infer<typeof ZRun>;

export const ZStartRunRequest = z.strictObject({ trigger: z.enum(['manual', 'cli']).default('manual') });

// ---------------------------------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------------------------------

/** Whether retention is done: by active, approved policies; by hand (a named owner and review date); or neither. */
export const ZEnforcement = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enforced'), policyIds: z.array(z.uuid()) }),
  z.object({
    kind: z.literal('manual'),
    ownerUserId: z.uuid(),
    reviewDate: z.string(),
    isReviewOverdue: z.boolean(),
  }),
  z.object({ kind: z.literal('none') }),
]);
export type TEnforcement = z.infer<typeof ZEnforcement>;

export const ZBackupCoverage = z.object({
  locationId: z.uuid(),
  /** How many days the backup keeps a copy; null: not recorded. */
  rotationDays: z.number().int().nullable(),
});

export const ZCoverage = z.object({
  activities: z.array(
    z.object({
      activity: ZRef,
      enforcement: ZEnforcement,
      /** The activity's systems that no active, approved policy reaches. */
      systemsWithoutPolicy: z.array(ZRef),
    }),
  ),
  systems: z.array(
    z.object({
      system: ZRef,
      enforcement: ZEnforcement,
      backups: z.array(ZBackupCoverage),
      /** An erasure leaves every backup within this many days; null: a backup's rotation is unknown. */
      backupsCleanWithinDays: z.number().int().nullable(),
    }),
  ),
});
export type TCoverage = z.infer<typeof ZCoverage>;

export const ZManualHandlingRequest = z.strictObject({
  subject: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('activity'), id: z.uuid() }),
    z.strictObject({ kind: z.literal('system'), id: z.uuid() }),
  ]),
  ownerUserId: z.uuid(),
  reviewDate: ZCalendarDate,
});
