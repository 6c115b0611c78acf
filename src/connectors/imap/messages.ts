import type { FetchMessageObject, SearchObject } from 'imapflow';
import { ConnectorError, type FieldInfo, type FoundRecord } from '../connector.ts';
import type { FieldAccess } from '../http/client-side-selection.ts';
import { messageKey, parseMessageKey } from './keys.ts';
import { IMAP_FIELDS } from './schema.ts';

/**
 * What a message is to a policy: its fields (received date, Date header, flags, addresses, subject), the summary
 * fetched for it, and the server-side SEARCH criteria that narrow a folder before the exact selection is applied.
 */

const DAY_MS = 86_400_000;

export const MESSAGE_FIELDS: FieldInfo[] = [
  { name: 'internalDate', type: 'timestamptz', storeType: 'INTERNALDATE', isNullable: false },
  { name: 'date', type: 'timestamptz', storeType: 'Date header', isNullable: true },
  { name: 'flags', type: 'other', storeType: 'FLAGS', isNullable: false },
  { name: 'from', type: 'text', storeType: 'From addresses', isNullable: true },
  { name: 'to', type: 'text', storeType: 'To addresses', isNullable: true },
  { name: 'cc', type: 'text', storeType: 'Cc addresses', isNullable: true },
  { name: 'subject', type: 'text', storeType: 'Subject header', isNullable: true },
  { name: 'messageId', type: 'text', storeType: 'Message-ID header', isNullable: true },
];

export interface MessageSummary {
  uid: number;
  internalDate: Date | null;
  date: Date | null;
  flags: string[];
  from: string[];
  to: string[];
  cc: string[];
  names: string[];
  subject: string | null;
  messageId: string | null;
}

const addresses = (list: { address?: string }[] | undefined) =>
  (list ?? []).flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : []));

export function summarise(message: FetchMessageObject): MessageSummary {
  const envelope = message.envelope;
  const validDate = (value: Date | string | undefined) => {
    const date = value ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  };
  return {
    uid: message.uid,
    internalDate: validDate(message.internalDate),
    date: validDate(envelope?.date),
    flags: [...(message.flags ?? [])].filter((flag) => flag !== '\\Recent'),
    from: addresses(envelope?.from),
    to: addresses(envelope?.to),
    cc: addresses(envelope?.cc),
    names: [...(envelope?.from ?? []), ...(envelope?.to ?? []), ...(envelope?.cc ?? [])].flatMap((entry) =>
      entry.name ? [entry.name] : [],
    ),
    subject: envelope?.subject ?? null,
    messageId: envelope?.messageId ?? null,
  };
}

export function fieldAccess(summary: MessageSummary): FieldAccess {
  return {
    exactSetFields: new Set(['flags']),
    value(field) {
      if (field === 'flags') return summary.flags;
      if (field === 'from' || field === 'to' || field === 'cc') return summary[field];
      if (field === 'internalDate' || field === 'date' || field === 'subject' || field === 'messageId') {
        return summary[field];
      }
      throw new ConnectorError('failed', `a message has no field "${field}" (fields: ${IMAP_FIELDS.join(', ')})`);
    },
  };
}

export function toFound(
  folder: string,
  uidValidity: string,
  summary: MessageSummary,
  timestampField: string,
): FoundRecord {
  const timestamp = timestampField === 'date' ? summary.date : summary.internalDate;
  return {
    key: messageKey(folder, uidValidity, summary.uid),
    timestamp: timestamp?.toISOString() ?? null,
    identity: { from: summary.from.join(', ') || null, to: summary.to.join(', ') || null },
  };
}

/** The day BEFORE is asked for: 2 days after the cut-off's UTC date covers any server time zone (±14 h). */
export function searchBeforeDate(instant: Date): Date {
  const utcMidnight = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  return new Date(utcMidnight + 2 * DAY_MS);
}

export function keepFlagCriteria(keepFlag: string | undefined): SearchObject {
  if (!keepFlag) return {};
  const systemFlags: Record<string, keyof SearchObject> = {
    '\\flagged': 'flagged',
    '\\seen': 'seen',
    '\\answered': 'answered',
    '\\draft': 'draft',
  };
  const system = systemFlags[keepFlag.toLowerCase()];
  return system ? { [system]: false } : { unKeyword: keepFlag };
}

/** Keys grouped by folder and UIDVALIDITY, so a stale key is never acted on under a newer UIDVALIDITY. */
export function groupByFolder(keys: readonly string[]): { folder: string; uidValidity: string; uids: number[] }[] {
  const groups = new Map<string, { folder: string; uidValidity: string; uids: number[] }>();
  for (const key of keys) {
    const parsed = parseMessageKey(key);
    if (!parsed) continue; // not a message key: nothing of ours to act on
    const id = `${parsed.folder}\0${parsed.uidValidity}`;
    const group = groups.get(id) ?? { folder: parsed.folder, uidValidity: parsed.uidValidity, uids: [] };
    group.uids.push(parsed.uid);
    groups.set(id, group);
  }
  return [...groups.values()];
}
