import { z } from 'zod';
import { ZCalendarDate } from '../../shared/lists.ts';
import { ZSubjectIdentity } from './identities.ts';

/**
 * The data-subject requests API (issue 11): the public request page a person uses without an account, and the
 * privacy officer's desk with deadlines, assignment, identity checks, extensions and a timeline.
 */

/** The rights of Art. 15–22 GDPR a person can invoke, plus withdrawing consent (Art. 7(3)). */
export const REQUEST_RIGHTS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'withdraw_consent',
] as const;
export const ZRequestRight = z.enum(REQUEST_RIGHTS);
export type TRequestRight = z.infer<typeof ZRequestRight>;

/** How the request reached the organisation; everything but `web` is entered by hand. */
export const REQUEST_CHANNELS = ['web', 'email', 'letter', 'phone', 'in_person'] as const;
export const ZRequestChannel = z.enum(REQUEST_CHANNELS);

/** `unconfirmed`: submitted on the public page, e-mail address not confirmed yet; shown apart from the desk. */
export const REQUEST_STATUSES = ['unconfirmed', 'open', 'in_progress', 'closed'] as const;
export const ZRequestStatus = z.enum(REQUEST_STATUSES);
export type TRequestStatus = z.infer<typeof ZRequestStatus>;

export const REQUEST_OUTCOMES = ['completed', 'partially_completed', 'refused', 'withdrawn'] as const;
export const ZRequestOutcome = z.enum(REQUEST_OUTCOMES);

/** How the officer made sure the requester is the person concerned (Art. 12(6)); no copy of an ID is kept. */
export const IDENTITY_METHODS = [
  'email_confirmed',
  'known_contact',
  'id_document_seen',
  'signed_letter',
  'in_person',
  'call_back',
  'other',
] as const;
export const ZIdentityMethod = z.enum(IDENTITY_METHODS);

export const REQUEST_EVENT_KINDS = [
  'submitted',
  'confirmed',
  'created',
  'assigned',
  'identity_verified',
  'extended',
  'note_added',
  'mail_queued',
  'reminder_sent',
  'closed',
  'reopened',
  'minimised',
  'discovery_run',
  'system_checked',
  'records_handled',
  'identity_check_sent',
  'export_requested',
  'export_built',
  'export_failed',
  'export_downloaded',
] as const;
export const ZRequestEventKind = z.enum(REQUEST_EVENT_KINDS);

const ZLocale = z.enum(['nl', 'en']);
const ZPersonName = z.string().trim().min(1, { error: 'validation.required' }).max(200);
const ZEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'validation.invalid_email' }));
const ZPhone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+0-9 ()./-]*$/, { error: 'validation.phone' });
const ZDescription = z.string().trim().max(5000);
const ZText = z.string().trim().min(1, { error: 'validation.required' }).max(5000);

// ---------------------------------------------------------------------------------------------------------------
// The public request page
// ---------------------------------------------------------------------------------------------------------------

/** A proof-of-work puzzle the browser solves before submitting: it costs a person a second, a flood far more. */
export const ZProofChallenge = z.object({
  challenge: z.string(),
  /** Leading zero bits SHA-256(`challenge:nonce`) must have. */
  difficulty: z.number().int(),
});
export type TProofChallenge = z.infer<typeof ZProofChallenge>;

export const ZPublicRequestPage = z.object({
  organisation: z.object({
    slug: z.string(),
    name: z.string(),
    defaultLocale: ZLocale,
    privacyContactName: z.string().nullable(),
    privacyContactEmail: z.string().nullable(),
  }),
  rights: z.array(ZRequestRight),
  /** What happens next, for the page: the confirmation link stays valid this many hours. */
  confirmationHours: z.number().int(),
  proof: ZProofChallenge,
});
export type TPublicRequestPage = z.infer<typeof ZPublicRequestPage>;

export const ZSubmitPublicRequest = z.strictObject({
  right: ZRequestRight,
  name: ZPersonName,
  email: ZEmail,
  phone: ZPhone.optional(),
  description: ZDescription.optional(),
  locale: ZLocale,
  proof: z.strictObject({ challenge: z.string().min(1).max(500), nonce: z.string().min(1).max(100) }),
  /** A field people never see; bots fill it in. */
  website: z.string().max(200).optional(),
});
export type TSubmitPublicRequest = z.infer<typeof ZSubmitPublicRequest>;

export const ZSubmitPublicRequestResponse = z.object({ status: z.literal('check_your_email') });

export const ZConfirmRequest = z.strictObject({ token: z.string().min(20).max(200) });

export const ZConfirmedRequest = z.object({
  reference: z.string(),
  organisationName: z.string(),
  right: ZRequestRight,
  receivedOn: ZCalendarDate,
  due: ZCalendarDate,
});
export type TConfirmedRequest = z.infer<typeof ZConfirmedRequest>;

// ---------------------------------------------------------------------------------------------------------------
// The desk
// ---------------------------------------------------------------------------------------------------------------

export const ZCreateRequest = z.strictObject({
  right: ZRequestRight,
  channel: ZRequestChannel.exclude(['web']),
  /** The moment of receipt (ISO with offset) or the day (YYYY-MM-DD, Europe/Amsterdam). */
  receivedAt: z.union([z.iso.datetime({ offset: true }), ZCalendarDate]),
  requester: z.strictObject({
    name: ZPersonName,
    email: ZEmail.optional(),
    phone: ZPhone.optional(),
    postalAddress: z.string().trim().max(500).optional(),
  }),
  description: ZDescription.optional(),
  locale: ZLocale,
});
export type TCreateRequest = z.infer<typeof ZCreateRequest>;

export const ZListRequestsQuery = z.object({
  state: z.enum(['open', 'closed', 'unconfirmed', 'all']).default('open'),
});

const ZUserRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

/** A register system without a connector, to be checked by hand for the person's data. */
export const ZManualCheck = z.object({
  /** Null in a discovery not tied to a request. */
  id: z.uuid().nullable(),
  system: z.object({ id: z.uuid(), name: z.string() }),
  /** Who answers for the system (the register's system owner), the person to ask; null when none is recorded. */
  owner: ZUserRef,
  checkedAt: z.iso.datetime().nullable(),
  checkedBy: ZUserRef,
  outcome: z.string().nullable(),
});

export const ZRequestDeadline = z.object({
  receivedOn: ZCalendarDate,
  /** The date that applies now: the extended one once extended. */
  due: ZCalendarDate,
  originalDue: ZCalendarDate,
  isExtended: z.boolean(),
  /** The extension must be told to the person by this date (the end of the first month). */
  extensionNoticeDue: ZCalendarDate,
  calendarDaysLeft: z.number().int(),
  workingDaysLeft: z.number().int(),
  isOverdue: z.boolean(),
});
export type TRequestDeadline = z.infer<typeof ZRequestDeadline>;

export const ZRequestSummary = z.object({
  id: z.uuid(),
  reference: z.string().nullable(),
  right: ZRequestRight,
  channel: ZRequestChannel,
  status: ZRequestStatus,
  outcome: ZRequestOutcome.nullable(),
  /** Null once the request's content is minimised after closing. */
  requesterName: z.string().nullable(),
  receivedAt: z.iso.datetime(),
  deadline: ZRequestDeadline,
  assignee: ZUserRef,
  isIdentityVerified: z.boolean(),
});
export type TRequestSummary = z.infer<typeof ZRequestSummary>;

export const ZRequestList = z.object({ items: z.array(ZRequestSummary) });

export const ZClientRequestList = z.object({
  items: z.array(
    ZRequestSummary.extend({ organisation: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }) }),
  ),
});

export const ZRequestEvent = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  kind: ZRequestEventKind,
  actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  /** References and short facts; a note's text is in `note`. */
  data: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
});

export const ZRequest = ZRequestSummary.extend({
  locale: ZLocale,
  requester: z
    .object({
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      postalAddress: z.string().nullable(),
    })
    .nullable(),
  description: z.string().nullable(),
  identity: z
    .object({ method: ZIdentityMethod, note: z.string().nullable(), at: z.iso.datetime(), by: ZUserRef })
    .nullable(),
  extension: z.object({ reason: z.string().nullable(), at: z.iso.datetime() }).nullable(),
  closedAt: z.iso.datetime().nullable(),
  minimisedAt: z.iso.datetime().nullable(),
  timeline: z.array(ZRequestEvent),
  /** Systems to check by hand, added by discovery; the request cannot be closed while one is open. */
  manualChecks: z.array(ZManualCheck),
});
export type TRequest = z.infer<typeof ZRequest>;

export const ZAssignRequest = z.strictObject({ userId: z.uuid().nullable() });
export const ZVerifyIdentity = z.strictObject({
  method: ZIdentityMethod,
  note: z.string().trim().max(1000).optional(),
});
export const ZExtendRequest = z.strictObject({ reason: ZText });
/** What the officer asks the person to show or answer to prove who they are (sent as the identity-check letter). */
export const ZAskIdentity = z.strictObject({ message: ZText });
export const ZAddRequestNote = z.strictObject({ text: ZText });
export const ZCloseRequest = z.strictObject({ outcome: ZRequestOutcome, note: z.string().trim().max(5000).optional() });

// ---------------------------------------------------------------------------------------------------------------
// Discovery
// ---------------------------------------------------------------------------------------------------------------

export { ZSubjectIdentity };

export const ZDiscoverRequest = z.strictObject({ identity: ZSubjectIdentity });

export const ZDiscoveredRecordType = z.object({
  recordTypeId: z.uuid(),
  recordTypeName: z.string(),
  /** Records found (at most `limit`); `isTruncated` when there may be more. */
  found: z.number().int(),
  isTruncated: z.boolean(),
  records: z.array(
    z.object({
      key: z.string(),
      matchedBy: z.array(z.object({ field: z.string(), kind: z.string() })),
    }),
  ),
  /** Set when the store could not be searched (down, refused): the officer must look there by hand. */
  error: z.object({ code: z.string(), detail: z.string() }).nullable(),
});

export const ZDiscoveredConnector = z.object({
  connectorId: z.uuid(),
  connectorName: z.string(),
  kind: z.string(),
  system: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  recordTypes: z.array(ZDiscoveredRecordType),
});

export const ZDiscovery = z.object({
  searchedAt: z.iso.datetime(),
  /** The kinds of identity searched for and how many values of each (never the values: they are personal data). */
  searchedFor: z.record(z.string(), z.number().int()),
  totalFound: z.number().int(),
  connectors: z.array(ZDiscoveredConnector),
  /** Register systems no connector reaches: check them by hand. */
  manualChecks: z.array(ZManualCheck),
});
export type TDiscovery = z.infer<typeof ZDiscovery>;

export const ZCheckSystem = z.strictObject({
  outcome: z.string().trim().min(1, { error: 'validation.required' }).max(1000),
});

// ---------------------------------------------------------------------------------------------------------------
// What happens to each record found: erase, anonymise, restrict, rectify or keep
// ---------------------------------------------------------------------------------------------------------------

export const FINDING_DECISIONS = ['erase', 'anonymise', 'restrict', 'rectify', 'keep'] as const;
export const ZFindingDecision = z.enum(FINDING_DECISIONS);
export type TFindingDecision = z.infer<typeof ZFindingDecision>;
/** The decisions privacydesk carries out in the store (restrict: a legal hold on the record in every policy). */
export const ACTED_DECISIONS = ['erase', 'anonymise', 'restrict', 'rectify'] as const;

const ZFieldValue = z.strictObject({
  field: z.string().trim().min(1, { error: 'validation.required' }).max(200),
  value: z.string().max(2000).nullable(),
});

export const ZFinding = z.object({
  id: z.uuid(),
  connectorName: z.string(),
  recordTypeId: z.uuid(),
  recordTypeName: z.string(),
  systemId: z.uuid().nullable(),
  recordKey: z.string(),
  matchedBy: z.array(z.object({ field: z.string(), kind: z.string() })),
  lastFoundAt: z.iso.datetime(),
  decision: ZFindingDecision.nullable(),
  reason: z.string().nullable(),
  fields: z.array(ZFieldValue).nullable(),
  decidedAt: z.iso.datetime().nullable(),
  /** pending: audited and about to act (a retry repeats it); held: a legal hold kept it; failed: see `error`. */
  status: z.enum(['pending', 'done', 'held', 'failed']).nullable(),
  error: z.string().nullable(),
  /** A retention policy that keeps records of this type (the fiscal obligation, say): the reason to keep. */
  suggestedKeepReason: z.string().nullable(),
});
export type TFinding = z.infer<typeof ZFinding>;

const count = z.number().int().min(0);
export const ZFindingCounts = z.object({
  erase: count,
  anonymise: count,
  restrict: count,
  rectify: count,
  keep: count,
});

export const ZFindingList = z.object({
  items: z.array(ZFinding),
  /** Decided and not yet carried out, per decision: what "carry out" will do (the preview it confirms). */
  toCarryOut: ZFindingCounts,
  undecided: z.number().int(),
});

export const ZDecideFindings = z.strictObject({
  decisions: z
    .array(
      z
        .strictObject({
          findingId: z.uuid(),
          decision: ZFindingDecision,
          reason: z.string().trim().max(1000).optional(),
          fields: z.array(ZFieldValue).max(50).optional(),
        })
        .superRefine((input, context) => {
          const needsReason = input.decision === 'keep' || input.decision === 'restrict';
          if (needsReason && !input.reason)
            context.addIssue({ code: 'custom', path: ['reason'], message: 'validation.required' });
          const needsFields = input.decision === 'anonymise' || input.decision === 'rectify';
          if (needsFields && !input.fields?.length)
            context.addIssue({ code: 'custom', path: ['fields'], message: 'validation.required' });
        }),
    )
    .min(1)
    .max(5000),
});
export type TDecideFindings = z.infer<typeof ZDecideFindings>;

/** The officer confirms the counts the preview showed; a different state (someone changed a decision) is refused. */
export const ZCarryOut = z.strictObject({
  expected: z.strictObject({
    erase: count.default(0),
    anonymise: count.default(0),
    restrict: count.default(0),
    rectify: count.default(0),
    keep: count.default(0),
  }),
});

export const ZCarryOutResult = z.object({
  done: ZFindingCounts,
  held: z.number().int(),
  failed: z.number().int(),
});
export type TCarryOutResult = z.infer<typeof ZCarryOutResult>;
