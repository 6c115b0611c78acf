import { createHash } from 'node:crypto';
import type { ImapFlow, SearchObject } from 'imapflow';
import {
  type CheckResult,
  type Connector,
  ConnectorError,
  type FoundRecord,
  type Introspection,
  type OpenOptions,
  type RecordBatch,
  type RecordTypeCheck,
  type Selection,
  type StoredRecord,
  type SubjectIdentity,
  type SubjectMatch,
} from '../connector.ts';
import { matchesSelection } from '../http/client-side-selection.ts';
import { type SubjectValue, subjectValues } from '../subject-text.ts';
import { imapError } from './errors.ts';
import { folderSortKey, type MessageKey, messageKey, parseMessageKey, sequenceSet } from './keys.ts';
import {
  fieldAccess,
  groupByFolder,
  keepFlagCriteria,
  MESSAGE_FIELDS,
  type MessageSummary,
  searchBeforeDate,
  summarise,
  toFound,
} from './messages.ts';
import type { TImapConfig, TImapRecordType } from './schema.ts';

/** UIDs fetched per FETCH command while a find() walks a folder. */
const FETCH_CHUNK = 500;

type Channel = 'main' | 'reader';

const uniqueAscending = (uids: Iterable<number>) => [...new Set(uids)].sort((a, b) => a - b);

/** A mailbox reached with imapflow: up to two connections per connector, each opened on first use. */
export class ImapConnector implements Connector<TImapRecordType> {
  /** `main` for everything but find(), which lists on `reader` so a caller can delete while it reads ahead. */
  private readonly connections = new Map<Channel, Promise<ImapFlow>>();

  constructor(
    private readonly config: TImapConfig,
    private readonly options: OpenOptions,
  ) {}

  async check(): Promise<CheckResult> {
    const started = performance.now();
    try {
      const version = await this.run('check', 'main', async (client) => {
        await client.noop();
        const info = client.serverInfo;
        return info ? [info.name, info.version].filter(Boolean).join(' ') || null : null;
      });
      return { ok: true, serverVersion: version, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      const failure = imapError(error, 'check');
      return { ok: false, code: failure.code, detail: failure.detail };
    }
  }

  async introspect(): Promise<Introspection> {
    const folders = await this.run('list folders', 'main', (client) =>
      client.list({ statusQuery: { messages: true } }),
    );
    return {
      kind: 'folders',
      folders: folders.map((folder) => ({
        path: folder.path,
        specialUse: folder.specialUse ?? null,
        messages: folder.status?.messages ?? 0,
      })),
    };
  }

  async checkRecordType(recordType: TImapRecordType): Promise<RecordTypeCheck> {
    const existing = await this.run('list folders', 'main', async (client) => (await client.list()).map((f) => f.path));
    const named = [
      ...recordType.folders.map((name, index) => ({ path: `folders.${index}`, name })),
      ...(recordType.archiveFolder ? [{ path: 'archiveFolder', name: recordType.archiveFolder }] : []),
    ];
    const problems = named
      .filter(({ name }) => !existing.includes(name))
      .map(({ path, name }) => ({ path, name, code: 'missing' as const }));
    return problems.length > 0 ? { ok: false, problems } : { ok: true, fields: MESSAGE_FIELDS };
  }

  async count(recordType: TImapRecordType, selection: Selection): Promise<number> {
    let total = 0;
    for await (const batch of this.find(recordType, selection, { batchSize: 1000 })) total += batch.records.length;
    return total;
  }

  /**
   * Per folder (in key order): one UID SEARCH narrowed on the server (BEFORE a safe day after the cut-off, the
   * keep-flag absent, UIDs behind the cursor), then FETCH of flags, INTERNALDATE and envelope in chunks, and the
   * exact selection evaluated here. No mailbox lock is held across a yield, so the caller may delete in between.
   */
  async *find(
    recordType: TImapRecordType,
    selection: Selection,
    options: { batchSize: number; after?: string; signal?: AbortSignal },
  ): AsyncIterable<RecordBatch> {
    const start = options.after ? parseMessageKey(options.after) : undefined;
    const timestampField = selection.timestampField ?? 'internalDate';
    const pending: FoundRecord[] = [];
    const batchOf = (records: FoundRecord[]): RecordBatch => ({ records, cursor: records.at(-1)!.key });
    for (const folder of orderedFolders(recordType.folders)) {
      if (start && folderSortKey(folder) < folderSortKey(start.folder)) continue;
      const resume = start?.folder === folder ? start : undefined;
      const { uidValidity, uids } = await this.searchFolder(folder, recordType, selection, resume);
      const chunk = Math.min(Math.max(options.batchSize, 100), 2000);
      // The next chunk is fetched on the reader connection while the caller works on this batch (deletes it on
      // the main connection): Dovecot and this process then work at the same time.
      const prefetch = (index: number) => {
        if (index >= uids.length) return undefined;
        const fetching = this.fetchSummaries(folder, uidValidity, uids.slice(index, index + chunk), 'reader');
        fetching.catch(() => {}); // awaited below; an abandoned find() must not leave an unhandled rejection
        return fetching;
      };
      let next = prefetch(0);
      for (let index = 0; next; index += chunk) {
        options.signal?.throwIfAborted();
        const summaries = await next;
        next = prefetch(index + chunk);
        for (const summary of summaries) {
          const key = messageKey(folder, uidValidity, summary.uid);
          if (matchesSelection({ ...fieldAccess(summary), key }, selection)) {
            pending.push(toFound(folder, uidValidity, summary, timestampField));
          }
        }
        while (pending.length >= options.batchSize) yield batchOf(pending.splice(0, options.batchSize));
      }
    }
    if (pending.length > 0) yield batchOf(pending.splice(0));
  }

  async delete(recordType: TImapRecordType, keys: readonly string[]): Promise<{ deleted: number }> {
    let deleted = 0;
    const groups = groupByFolder(keys);
    // Every group's UIDVALIDITY is checked before anything is deleted: one stale key stops the whole batch.
    for (const { folder, uidValidity } of groups) {
      assertFolderOfRecordType(recordType, folder);
      await this.inFolder(folder, uidValidity, 'delete', 'main', async () => undefined);
    }
    for (const { folder, uidValidity, uids } of groups) {
      deleted += await this.inFolder(folder, uidValidity, 'delete', 'main', async (client) => {
        const existing = await client.search({ uid: sequenceSet(uniqueAscending(uids)) }, { uid: true });
        if (!existing || existing.length === 0) return 0;
        const isDone = await client.messageDelete(sequenceSet(uniqueAscending(existing)), { uid: true });
        if (!isDone) throw new ConnectorError('permission_denied', `delete in ${folder}: the server refused \\Deleted`);
        return existing.length;
      });
    }
    return { deleted };
  }

  async anonymise(): Promise<{ anonymised: number }> {
    throw new ConnectorError('failed', 'a mail message cannot be anonymised in place; delete or archive it');
  }

  async read(recordType: TImapRecordType, keys: readonly string[]): Promise<StoredRecord[]> {
    const records: StoredRecord[] = [];
    for (const { folder, uidValidity, uids } of groupByFolder(keys)) {
      assertFolderOfRecordType(recordType, folder);
      await this.inFolder(folder, uidValidity, 'read', 'main', async (client) => {
        const set = sequenceSet(uniqueAscending(uids));
        const query = { uid: true, source: true, flags: true, internalDate: true, envelope: true };
        for await (const message of client.fetch(set, query, { uid: true })) {
          const summary = summarise(message);
          records.push({
            key: messageKey(folder, uidValidity, message.uid),
            fields: {
              raw: message.source?.toString('base64') ?? null,
              internalDate: summary.internalDate?.toISOString() ?? null,
              flags: summary.flags.join(' '),
              messageId: summary.messageId,
              subject: summary.subject,
              from: summary.from.join(', ') || null,
            },
          });
        }
      });
    }
    const order = new Map(keys.map((key, index) => [key, index]));
    return records.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  }

  /**
   * Appends each copy (field `raw`, base64 RFC 5322) to the archive folder with its INTERNALDATE and flags, unless
   * the folder already holds it: same Message-ID, or for a message without one, the keyword naming its source key.
   */
  async write(
    recordType: TImapRecordType,
    records: readonly { sourceKey: string; fields: StoredRecord['fields'] }[],
  ): Promise<string[]> {
    const folder = recordType.archiveFolder ?? recordType.folders[0]!;
    const keys: string[] = [];
    for (const record of records) keys.push(await this.writeOne(folder, record));
    return keys;
  }

  private async writeOne(folder: string, record: { sourceKey: string; fields: StoredRecord['fields'] }) {
    const { raw, internalDate, flags } = record.fields;
    if (typeof raw !== 'string' || raw.length === 0) {
      throw new ConnectorError('failed', 'an archived message needs its raw RFC 5322 content (base64) in "raw"');
    }
    const content = Buffer.from(raw, 'base64');
    const messageId = headerValue(content, 'message-id');
    const sourceKeyword = `pd-${createHash('sha256').update(record.sourceKey).digest('hex').slice(0, 24)}`;
    const identifying: SearchObject = messageId ? { header: { 'message-id': messageId } } : { keyword: sourceKeyword };
    return this.inFolder(folder, undefined, 'write', 'main', async (client) => {
      const uidValidity = client.mailbox ? client.mailbox.uidValidity : 0n;
      const present = await client.search(identifying, { uid: true });
      if (present && present.length > 0) return messageKey(folder, uidValidity, Math.min(...present));
      const keptFlags = (typeof flags === 'string' ? flags.split(' ') : []).filter(
        (flag) => flag && !['\\Recent', '\\Deleted'].includes(flag),
      );
      const appended = await client.append(
        folder,
        content,
        messageId ? keptFlags : [...keptFlags, sourceKeyword],
        typeof internalDate === 'string' ? new Date(internalDate) : undefined,
      );
      if (appended !== false && appended.uid) {
        return messageKey(folder, appended.uidValidity ?? uidValidity, appended.uid);
      }
      const found = await client.search(identifying, { uid: true });
      if (!found || found.length === 0) throw new ConnectorError('failed', `append to ${folder}: copy not found after`);
      return messageKey(folder, uidValidity, Math.min(...found));
    });
  }

  /**
   * Messages of the person, found by server-side SEARCH per folder: FROM/TO/CC on their e-mail addresses and names
   * (checked against the envelope here, so `xjan@example.nl` is not theirs), and BODY on the forms of their phone
   * numbers, IBANs, BSNs and customer numbers (the server's substring match on the decoded body text, taken as it is).
   */
  async findSubject(
    recordType: TImapRecordType,
    identity: SubjectIdentity,
    options: { limit: number },
  ): Promise<FoundRecord[]> {
    const values = subjectValues(identity);
    const headerValues = values.filter(({ kind }) => kind === 'email' || kind === 'name');
    const bodyKinds = BODY_KINDS.map((kind) => ({
      kind,
      forms: values.filter((value) => value.kind === kind).map(({ value }) => value),
    })).filter(({ forms }) => forms.length > 0);
    if (headerValues.length === 0 && bodyKinds.length === 0) return [];
    const headerTerms: SearchObject[] = headerValues.flatMap(({ value }) => [
      { from: value },
      { to: value },
      { cc: value },
    ]);
    const bodyTerms = bodyKinds.map(({ forms }) => anyOf(shortestSubstrings(forms).map((form) => ({ body: form }))));
    const found: FoundRecord[] = [];
    for (const folder of orderedFolders(recordType.folders)) {
      if (found.length >= options.limit) break;
      const { uidValidity, byHeader, byBody } = await this.inFolder(
        folder,
        undefined,
        'find subject',
        'main',
        async (client) => {
          // One SEARCH over the folder for every term (a BODY search reads every message, once); the messages it
          // finds are then searched again per kind, which reads only them.
          const search = async (criteria: SearchObject) => (await client.search(criteria, { uid: true })) || [];
          const candidates = uniqueAscending(await search(anyOf([...headerTerms, ...bodyTerms])));
          const byBody = new Map<number, SubjectMatch[]>();
          const inCandidates = candidates.length > 0 ? sequenceSet(candidates) : undefined;
          for (const [index, { kind }] of bodyKinds.entries()) {
            if (!inCandidates) break;
            for (const uid of await search({ uid: inCandidates, ...bodyTerms[index]! }))
              byBody.set(uid, [...(byBody.get(uid) ?? []), { field: 'body', kind }]);
          }
          const byHeader = new Set(
            inCandidates && headerTerms.length > 0 ? await search({ uid: inCandidates, ...anyOf(headerTerms) }) : [],
          );
          return { uidValidity: String(client.mailbox ? client.mailbox.uidValidity : 0n), byHeader, byBody };
        },
      );
      const uids = uniqueAscending([...byHeader, ...byBody.keys()]);
      for (let index = 0; index < uids.length && found.length < options.limit; index += FETCH_CHUNK) {
        const chunk = uids.slice(index, index + FETCH_CHUNK);
        for (const summary of await this.fetchSummaries(folder, uidValidity, chunk, 'main')) {
          const matchedBy = [
            ...(byHeader.has(summary.uid) ? headerMatches(summary, headerValues) : []),
            ...(byBody.get(summary.uid) ?? []),
          ];
          if (matchedBy.length > 0 && found.length < options.limit)
            found.push({ ...toFound(folder, uidValidity, summary, 'internalDate'), matchedBy });
        }
      }
    }
    return found;
  }

  async close(): Promise<void> {
    const connections = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(
      connections.map(async (connecting) => {
        const client = await connecting.catch(() => undefined);
        if (!client) return;
        await Promise.race([client.logout().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000))]);
        client.close();
      }),
    );
  }

  private async searchFolder(
    folder: string,
    recordType: TImapRecordType,
    selection: Selection,
    resume: MessageKey | undefined,
  ): Promise<{ uidValidity: string; uids: number[] }> {
    return this.inFolder(folder, resume?.uidValidity, 'search', 'reader', async (client) => {
      const afterUid = resume?.uid ?? 0;
      const criteria: SearchObject = { uid: `${afterUid + 1}:*`, ...keepFlagCriteria(recordType.keepFlag) };
      if (selection.cutoff && selection.timestampField === 'internalDate') {
        criteria.before = searchBeforeDate(selection.cutoff.instant);
      } else if (selection.cutoff && selection.timestampField === 'date') {
        criteria.sentBefore = searchBeforeDate(selection.cutoff.instant);
      }
      const uids = (await client.search(criteria, { uid: true })) || [];
      return {
        uidValidity: String(client.mailbox ? client.mailbox.uidValidity : 0n),
        uids: uniqueAscending(uids.filter((uid) => uid > afterUid)),
      };
    });
  }

  private async fetchSummaries(folder: string, uidValidity: string, uids: readonly number[], channel: Channel) {
    if (uids.length === 0) return [];
    return this.inFolder(folder, uidValidity, 'fetch', channel, async (client) => {
      const summaries: MessageSummary[] = [];
      const query = { uid: true, flags: true, internalDate: true, envelope: true };
      for await (const message of client.fetch(sequenceSet(uids), query, { uid: true })) {
        summaries.push(summarise(message));
      }
      return summaries.sort((a, b) => a.uid - b.uid);
    });
  }

  /**
   * Runs `work` with `folder` selected and locked. When the caller's keys carry a UIDVALIDITY and the folder's
   * differs, the UIDs now name other messages: schema_changed, and nothing is touched.
   */
  private async inFolder<T>(
    folder: string,
    expectedUidValidity: string | undefined,
    context: string,
    channel: Channel,
    work: (client: ImapFlow) => Promise<T>,
  ): Promise<T> {
    return this.run(`${context} in ${folder}`, channel, async (client) => {
      const lock = await client.getMailboxLock(folder);
      try {
        const current = String(client.mailbox ? client.mailbox.uidValidity : 0n).padStart(10, '0');
        if (expectedUidValidity !== undefined && current !== expectedUidValidity.padStart(10, '0')) {
          throw new ConnectorError(
            'schema_changed',
            `${folder}: UIDVALIDITY changed (${expectedUidValidity} → ${current}); its message keys are stale`,
          );
        }
        return await work(client);
      } finally {
        lock.release();
      }
    });
  }

  /** One operation against the server within the per-operation timeout; errors become ConnectorErrors. */
  private async run<T>(context: string, channel: Channel, work: (client: ImapFlow) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ConnectorError('timeout', `${context}: no answer within ${this.options.timeoutMs} ms`, true)),
        this.options.timeoutMs,
      );
    });
    const operation = this.client(channel).then(work);
    operation.catch(() => {}); // settled after a timeout: already reported as one
    try {
      return await Promise.race([operation, deadline]);
    } catch (error) {
      const failure = imapError(error, context);
      if (failure.code === 'timeout' || failure.code === 'unreachable') this.drop(channel);
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  private client(channel: Channel): Promise<ImapFlow> {
    const connecting = this.connections.get(channel);
    if (connecting) return connecting;
    const opened: Promise<ImapFlow> = this.connect(() => {
      if (this.connections.get(channel) === opened) this.connections.delete(channel);
    });
    this.connections.set(channel, opened);
    return opened;
  }

  /** A logged-in client (imapflow is loaded with the first one); `onGone` hears when it closes or fails to open. */
  private async connect(onGone: () => void): Promise<ImapFlow> {
    let client: ImapFlow | undefined;
    try {
      const { ImapFlow } = await import('imapflow');
      client = new ImapFlow({
        host: this.config.host,
        port: this.config.port,
        secure: this.config.security === 'tls',
        doSTARTTLS: this.config.security === 'starttls' ? true : this.config.security === 'none' ? false : undefined,
        auth: { user: this.config.user, pass: this.config.password },
        logger: false,
        connectionTimeout: this.config.connectTimeoutMs,
        greetingTimeout: this.config.connectTimeoutMs,
        socketTimeout: Math.max(this.options.timeoutMs * 2, 60_000),
      });
      client.on('error', () => {}); // surfaced through the failing command instead
      client.on('close', onGone);
      await client.connect();
      return client;
    } catch (error) {
      onGone();
      client?.close();
      throw error;
    }
  }

  private drop(channel: Channel): void {
    const connecting = this.connections.get(channel);
    this.connections.delete(channel);
    connecting?.then((client) => client.close()).catch(() => {});
  }
}

/** The kinds searched in message bodies; e-mail addresses and names are searched in the address headers. */
const BODY_KINDS = ['phone', 'iban', 'bsn', 'customer_number'] as const;

/**
 * The forms no other form is a substring of: SEARCH BODY matches substrings, so `31612345678` already finds
 * `+31612345678` and `0031612345678`, and asking for those too only makes the server compare more.
 */
function shortestSubstrings(forms: readonly string[]): string[] {
  return forms.filter(
    (form, index) => !forms.some((other, j) => j !== index && other.length < form.length && form.includes(other)),
  );
}

/** One SEARCH criterion matching any of `terms`. */
const anyOf = (terms: SearchObject[]): SearchObject => (terms.length === 1 ? terms[0]! : { or: terms });

/** The address headers of a message that name the person: an address equal to theirs, or their name. */
function headerMatches(summary: MessageSummary, values: readonly SubjectValue[]): SubjectMatch[] {
  const emails = new Set(values.filter(({ kind }) => kind === 'email').map(({ value }) => value));
  const names = new Set(values.filter(({ kind }) => kind === 'name').map(({ value }) => value));
  const matches: SubjectMatch[] = [];
  for (const field of ['from', 'to', 'cc'] as const) {
    if (summary[field].some((address) => emails.has(address))) matches.push({ field, kind: 'email' });
  }
  const hasName = summary.names.some((name) => names.has(name.trim().replace(/\s+/g, ' ').toLowerCase()));
  if (hasName) matches.push({ field: 'name', kind: 'name' });
  return matches;
}

/** Folders in the order of their message keys. */
function orderedFolders(folders: readonly string[]): string[] {
  return [...new Set(folders)].sort((a, b) => (folderSortKey(a) < folderSortKey(b) ? -1 : 1));
}

function assertFolderOfRecordType(recordType: TImapRecordType, folder: string): void {
  const allowed = [...recordType.folders, ...(recordType.archiveFolder ? [recordType.archiveFolder] : [])];
  if (!allowed.includes(folder)) {
    throw new ConnectorError('failed', `folder ${folder} is not one of the record type's folders`);
  }
}

/** A header's unfolded value from the message's header section, or null. */
function headerValue(content: Buffer, name: string): string | null {
  const end = content.indexOf('\r\n\r\n');
  const header = content.subarray(0, end === -1 ? Math.min(content.length, 65_536) : end).toString('utf8');
  const unfolded = header.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name}:`));
  const value = line?.slice(name.length + 1).trim();
  return value ? value : null;
}
