/**
 * Pure rules of the requests desk: deadlines as a request sees them, what may happen in which state, throttling of
 * the public page, reminders and minimisation. No I/O, no clock: `now` and `today` are parameters.
 */
import type { TFindingDecision, TRequestDeadline, TRequestStatus } from './contract.ts';
import { deadlineStatus, type ReminderKind, reminderDates, requestDeadline } from './deadline-rules.ts';

/** The confirmation link of the public page is valid this long; unconfirmed submissions go after a week. */
export const CONFIRMATION_HOURS = 48;
export const UNCONFIRMED_KEPT_DAYS = 7;
/**
 * After closing, the request's content (the person's details, the text, notes) is kept this long — long enough to
 * answer a follow-up question or a complaint to the Autoriteit Persoonsgegevens — then dropped; the proof stays.
 */
export const CONTENT_KEPT_DAYS = 183;

/** Per organisation and e-mail address, submissions in 24 hours; the rest are refused (429) and create nothing. */
export const MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY = 3;
/** Per organisation, unconfirmed submissions in one hour: a ceiling against floods from many addresses. */
export const MAX_UNCONFIRMED_PER_ORGANISATION_PER_HOUR = 200;

const DAY_MS = 24 * 60 * 60 * 1000;

/** `2026-0003`: the year of receipt (Amsterdam) and the organisation's running number. */
export function formatReference(receivedOn: string, number: number | null): string | null {
  if (number === null) return null;
  return `${receivedOn.slice(0, 4)}-${String(number).padStart(4, '0')}`;
}

/** The due dates of a request received at `receivedAt`: the normal one and the extended one. */
export function dueDatesOf(receivedAt: Date): { receivedOn: string; originalDue: string; extendedDue: string } {
  const received = receivedAt.toISOString();
  const normal = requestDeadline({ received, extended: false });
  const extended = requestDeadline({ received, extended: true });
  return { receivedOn: normal.receivedOn, originalDue: normal.due, extendedDue: extended.due };
}

/** How a request's deadline stands on `today` (a date in Amsterdam). */
export function deadlineOf(
  request: { receivedAt: Date; originalDueOn: string; dueOn: string; extendedAt: Date | null },
  today: string,
): TRequestDeadline {
  const { receivedOn } = dueDatesOf(request.receivedAt);
  const status = deadlineStatus({ due: request.dueOn, today });
  return {
    receivedOn,
    due: request.dueOn,
    originalDue: request.originalDueOn,
    isExtended: request.extendedAt !== null,
    extensionNoticeDue: request.originalDueOn,
    calendarDaysLeft: status.calendarDaysLeft,
    workingDaysLeft: status.workingDaysLeft,
    isOverdue: status.isOverdue,
  };
}

export type ExtensionRefusal = 'already_extended' | 'request_closed' | 'extension_too_late' | 'request_unconfirmed';

/**
 * Art. 12(3): the period may be extended once, by two further months, and the person must be told within the
 * first month — after the original due date an extension is no longer possible.
 */
export function extensionRefusal(
  request: { status: TRequestStatus; extendedAt: Date | null; originalDueOn: string },
  today: string,
): ExtensionRefusal | null {
  if (request.status === 'unconfirmed') return 'request_unconfirmed';
  if (request.status === 'closed') return 'request_closed';
  if (request.extendedAt) return 'already_extended';
  if (today > request.originalDueOn) return 'extension_too_late';
  return null;
}

/** Work on a request (assign, verify, note, close) needs it confirmed and not closed. */
export function isWorkable(status: TRequestStatus): boolean {
  return status === 'open' || status === 'in_progress';
}

export type ThrottleVerdict = 'allowed' | 'address_limit' | 'organisation_limit';

export function throttleVerdict(counts: { fromAddressLastDay: number; unconfirmedLastHour: number }): ThrottleVerdict {
  if (counts.fromAddressLastDay >= MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY) return 'address_limit';
  if (counts.unconfirmedLastHour >= MAX_UNCONFIRMED_PER_ORGANISATION_PER_HOUR) return 'organisation_limit';
  return 'allowed';
}

/**
 * The reminder to send on `today`, if any: the latest one whose day has come and that was not sent yet (a job
 * that missed a day still sends it, once). Nothing after the due day: overdue requests head the list instead.
 */
export function reminderDue(due: string, today: string, sent: ReadonlySet<string>): ReminderKind | null {
  if (today > due) return null;
  const latest = reminderDates(due)
    .filter(({ date }) => date <= today)
    .at(-1);
  if (!latest || sent.has(reminderOnceKey(latest.kind, due))) return null;
  return latest.kind;
}

/** A reminder is once per kind and due date: extending the deadline makes new reminders due. */
export function reminderOnceKey(kind: ReminderKind, due: string): string {
  return `reminder:${kind}:${due}`;
}

export function isDueForMinimising(request: { closedAt: Date | null; minimisedAt: Date | null }, now: Date): boolean {
  if (!request.closedAt || request.minimisedAt) return false;
  return now.getTime() - request.closedAt.getTime() >= CONTENT_KEPT_DAYS * DAY_MS;
}

export function isUnconfirmedExpired(request: { status: TRequestStatus; createdAt: Date }, now: Date): boolean {
  return (
    request.status === 'unconfirmed' && now.getTime() - request.createdAt.getTime() >= UNCONFIRMED_KEPT_DAYS * DAY_MS
  );
}

/** The form an e-mail address is compared and hashed in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The decided, not yet carried-out findings per decision: the preview "carry out" confirms. */
export function countsToCarryOut(
  findings: readonly { decision: string | null; actionStatus: string | null }[],
): Record<TFindingDecision, number> {
  const counts: Record<TFindingDecision, number> = { erase: 0, anonymise: 0, restrict: 0, rectify: 0, keep: 0 };
  for (const finding of findings) {
    if (!finding.decision || finding.decision === 'keep') continue;
    if (finding.actionStatus === 'done' || finding.actionStatus === 'held') continue;
    counts[finding.decision as TFindingDecision] += 1;
  }
  return counts;
}

/** Whether the officer's confirmed counts are exactly what would be done now. */
export function isSamePreview(
  expected: Partial<Record<TFindingDecision, number>>,
  actual: Record<TFindingDecision, number>,
): boolean {
  return (Object.keys(actual) as TFindingDecision[]).every((key) => (expected[key] ?? 0) === actual[key]);
}

interface PolicyHolds {
  recordType: { id: string };
  holds: readonly { kind: string; keys?: readonly string[]; expiresOn?: string | null }[];
}

/** The keys of a record type under a legal hold (on these records) that has not expired on `today`. */
export function heldRecordKeys(policies: readonly PolicyHolds[], recordTypeId: string, today: string): Set<string> {
  const held = new Set<string>();
  for (const policy of policies) {
    if (policy.recordType.id !== recordTypeId) continue;
    for (const hold of policy.holds) {
      if (hold.kind !== 'records' || (hold.expiresOn && hold.expiresOn < today)) continue;
      for (const key of hold.keys ?? []) held.add(key);
    }
  }
  return held;
}

/** "Belastingdienst: 7 jaar (fiscale bewaarplicht)": the first policy on the record type with a legal reference. */
export function keepReasonFor(
  policies: readonly { recordType: { id: string }; name: string; legalReference: { reference: string } }[],
  recordTypeId: string,
): string | null {
  const policy = policies.find(
    (candidate) => candidate.recordType.id === recordTypeId && candidate.legalReference.reference,
  );
  return policy ? `${policy.name}: ${policy.legalReference.reference}` : null;
}

/**
 * The last day a copy of erased data can still be in a backup: the day of erasure plus the longest rotation of the
 * system's backup locations; null when one of them has no rotation recorded (the letter then says it is unknown).
 */
export function backupsGoneOn(erasedOn: string, rotations: readonly (number | null)[]): string | null {
  if (rotations.length === 0) return erasedOn;
  if (rotations.some((days) => days === null)) return null;
  const longest = Math.max(...(rotations as number[]));
  const [year, month, day] = erasedOn.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + longest)).toISOString().slice(0, 10);
}
