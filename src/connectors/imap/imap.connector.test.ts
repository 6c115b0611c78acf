import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DovecotServer,
  openImapClient,
  rawMessage,
  requireDovecot,
  startDovecot,
  writeMaildirMessages,
} from '../../../test/servers/dovecot.ts';
import { ConnectorError, type Selection } from '../connector.ts';
import { type ContractRecord, cutoffAt, describeConnectorContract } from '../contract.test-suite.ts';
import { messageKey } from './keys.ts';
import { imapManifest } from './manifest.ts';
import type { TImapConfig, TImapRecordType } from './schema.ts';

const DAY_MS = 86_400_000;
const isDovecotAvailable = requireDovecot();
let server: DovecotServer;
let client: ImapFlow;
let folderCounter = 0;

const configOf = (overrides: Partial<TImapConfig> = {}): TImapConfig => ({
  host: server.host,
  port: server.port,
  security: 'none',
  user: server.user,
  password: server.password,
  connectTimeoutMs: 3000,
  ...overrides,
});
const open = (overrides: Partial<TImapConfig> = {}) => imapManifest.open(configOf(overrides), { timeoutMs: 10_000 });

async function keysIn(folder: string): Promise<string[]> {
  const lock = await client.getMailboxLock(folder);
  try {
    const uids = (await client.search({ all: true }, { uid: true })) || [];
    return uids.map((uid) => messageKey(folder, client.mailbox ? client.mailbox.uidValidity : 0n, uid));
  } finally {
    lock.release();
  }
}

async function appendAll(folder: string, records: readonly ContractRecord[]): Promise<string[]> {
  const keys: string[] = [];
  for (const record of records) {
    const name = record.identity.name;
    const address = record.identity.email ?? 'nobody@example.invalid';
    const raw = rawMessage({
      from: name ? `"${name}" <${address}>` : address,
      subject: record.fields.note,
      date: record.timestamp,
    });
    const flags = record.fields.keep ? ['\\Flagged'] : [];
    const appended = await client.append(folder, raw, flags, record.timestamp ?? new Date());
    if (appended === false || !appended.uid || appended.uidValidity === undefined) {
      throw new Error('APPEND gave no APPENDUID');
    }
    keys.push(messageKey(folder, appended.uidValidity, appended.uid));
  }
  return keys;
}

if (isDovecotAvailable) {
  beforeAll(async () => {
    server = await startDovecot();
    client = await openImapClient(server);
  });
  afterAll(async () => {
    await client?.logout().catch(() => {});
    await server?.stop();
  });

  describeConnectorContract<TImapRecordType>('imap', {
    capabilities: imapManifest.capabilities,
    // The Date header can be absent (the contract's NULL timestamp); INTERNALDATE never is.
    fieldNames: { timestamp: 'date', note: 'subject' },
    keepExclusion: [{ field: 'flags', operator: 'contains', value: '\\Flagged' }],
    textOperators: ['eq', 'ne', 'in', 'not_in'],
    compareKeys: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    async createStore() {
      const folder = `Contract${++folderCounter}`;
      const archive = `${folder}-archive`;
      await client.mailboxCreate(folder);
      await client.mailboxCreate(archive);
      return {
        connector: open(),
        recordType: { folders: [folder] },
        seed: (records) => appendAll(folder, records),
        existingKeys: () => keysIn(folder),
        archiveTarget: { recordType: { folders: [archive] }, fieldsNotCopied: [] },
        async dispose() {
          await client.mailboxDelete(folder).catch(() => {});
          await client.mailboxDelete(archive).catch(() => {});
        },
      };
    },
    openUnreachable: () => imapManifest.open(configOf({ port: 1 }), { timeoutMs: 5000 }),
    unreachableRecordType: { folders: ['INBOX'] },
  });

  describe('imap: retention in a real mailbox', () => {
    const now = new Date('2026-12-03T09:00:00Z');
    const cutoff = cutoffAt(new Date(now.getTime() - 365 * DAY_MS));
    const expired = (): Selection => ({ timestampField: 'internalDate', cutoff, conditions: [], exclusions: [] });

    it('deletes mail older than 12 months in INBOX and Sent; flagged mail and the Contracts folder stay', async () => {
      const old = (days: number) => new Date(now.getTime() - days * DAY_MS);
      await writeMaildirMessages(server, 'INBOX', [
        { internalDate: old(400), subject: 'old question' },
        { internalDate: old(800), subject: 'older question' },
        { internalDate: old(500), subject: 'flagged to keep', maildirFlags: 'F' },
        { internalDate: old(30), subject: 'recent question' },
      ]);
      await writeMaildirMessages(server, 'Sent', [
        { internalDate: old(370), subject: 'old answer' },
        { internalDate: old(10), subject: 'recent answer' },
      ]);
      await writeMaildirMessages(server, 'Contracts', [{ internalDate: old(900), subject: 'signed contract' }]);
      const connector = open();
      const recordType: TImapRecordType = { folders: ['INBOX', 'Sent'], keepFlag: '\\Flagged' };
      try {
        expect(await connector.count(recordType, expired())).toBe(3);
        let deleted = 0;
        for await (const batch of connector.find(recordType, expired(), { batchSize: 2 })) {
          expect(batch.records.length).toBeLessThanOrEqual(2);
          deleted += (
            await connector.delete(
              recordType,
              batch.records.map((r) => r.key),
            )
          ).deleted;
        }
        expect(deleted).toBe(3);
        expect(await subjectsIn('INBOX')).toEqual(['flagged to keep', 'recent question']);
        expect(await subjectsIn('Sent')).toEqual(['recent answer']);
        expect(await subjectsIn('Contracts')).toEqual(['signed contract']);
        expect(await connector.count(recordType, expired())).toBe(0);
      } finally {
        await connector.close();
      }
    });

    it('keeps a message exactly at the cut-off and finds one a second before it', async () => {
      const folder = 'Cutoff';
      await writeMaildirMessages(server, folder, [
        { internalDate: cutoff.instant, subject: 'at' },
        { internalDate: new Date(cutoff.instant.getTime() - 1000), subject: 'before' },
        { internalDate: new Date(cutoff.instant.getTime() + 1000), subject: 'after' },
      ]);
      const connector = open();
      try {
        const found = [];
        for await (const batch of connector.find({ folders: [folder] }, expired(), { batchSize: 10 })) {
          found.push(...batch.records);
        }
        expect(found.map((r) => r.timestamp)).toEqual([new Date(cutoff.instant.getTime() - 1000).toISOString()]);
        expect(found[0]?.identity).toEqual({ from: 'client@example.com', to: 'office@example.nl' });
      } finally {
        await connector.close();
      }
    });

    it('server-side BEFORE misses nothing around DST and leap-day cut-offs (exact check on INTERNALDATE)', async () => {
      const connector = open();
      try {
        const cutoffs = ['2026-03-28T23:00:00Z', '2026-10-24T22:00:00Z', '2028-02-28T23:00:00Z'];
        for (const [index, at] of cutoffs.entries()) {
          const folder = `Boundary${index}`;
          const instant = new Date(at);
          await writeMaildirMessages(server, folder, [
            { internalDate: new Date(instant.getTime() - 1000), subject: 'second before' },
            { internalDate: new Date(instant.getTime() - 23 * 3600_000), subject: 'day before' },
            { internalDate: instant, subject: 'at' },
            { internalDate: new Date(instant.getTime() + 3600_000), subject: 'hour after' },
          ]);
          const selection: Selection = {
            timestampField: 'internalDate',
            cutoff: cutoffAt(instant),
            conditions: [],
            exclusions: [],
          };
          const timestamps: (string | null)[] = [];
          for await (const batch of connector.find({ folders: [folder] }, selection, { batchSize: 10 })) {
            timestamps.push(...batch.records.map((r) => r.timestamp));
          }
          expect(timestamps.sort(), at).toEqual([
            new Date(instant.getTime() - 23 * 3600_000).toISOString(),
            new Date(instant.getTime() - 1000).toISOString(),
          ]);
        }
      } finally {
        await connector.close();
      }
    });

    it('a closed port fails cleanly and fast', async () => {
      const connector = open({ port: 1 });
      const started = Date.now();
      await expect(connector.count({ folders: ['INBOX'] }, expired())).rejects.toMatchObject({
        name: 'ConnectorError',
        code: 'unreachable',
      });
      expect(Date.now() - started).toBeLessThan(2000);
      await connector.close();
    });

    it('a wrong password gives auth_failed, without the password in the message', async () => {
      const connector = open({ password: 'wrong-secret-123' });
      const result = await connector.check();
      expect(result).toMatchObject({ ok: false, code: 'auth_failed' });
      if (!result.ok) expect(result.detail).not.toContain('wrong-secret-123');
      await connector.close();
    });

    it('starttls required but not offered by the server: refused before the password is sent', async () => {
      const connector = open({ security: 'starttls' });
      const result = await connector.check();
      expect(result).toMatchObject({ ok: false });
      if (!result.ok) expect(result.detail).toMatch(/STARTTLS/);
      await connector.close();
    });

    it('a folder that does not exist: checkRecordType names it and find() gives schema_changed', async () => {
      const connector = open();
      try {
        const check = await connector.checkRecordType({ folders: ['INBOX', 'Gone'] });
        expect(check).toEqual({ ok: false, problems: [{ path: 'folders.1', name: 'Gone', code: 'missing' }] });
        const iterate = async () => {
          for await (const _ of connector.find({ folders: ['Gone'] }, expired(), { batchSize: 10 })) {
            // nothing
          }
        };
        await expect(iterate()).rejects.toMatchObject({ code: 'schema_changed' });
      } finally {
        await connector.close();
      }
    });

    it('keys from an older UIDVALIDITY are refused: nothing of the batch is deleted', async () => {
      const folder = 'Validity';
      await writeMaildirMessages(server, folder, [{ internalDate: new Date('2020-01-01T00:00:00Z') }]);
      const [key] = await keysIn(folder);
      const stale = key!.replace(/\/\d{10}\//, '/0000000001/');
      const connector = open();
      try {
        await expect(connector.delete({ folders: [folder] }, [stale])).rejects.toBeInstanceOf(ConnectorError);
        await expect(connector.delete({ folders: [folder] }, [key!, stale])).rejects.toMatchObject({
          code: 'schema_changed',
        });
        expect(await keysIn(folder)).toEqual([key]);
        await expect(connector.delete({ folders: ['INBOX'] }, [key!])).rejects.toMatchObject({ code: 'failed' });
      } finally {
        await connector.close();
      }
    });

    it('introspect() lists folders with special use and message counts', async () => {
      const connector = open();
      try {
        const result = await connector.introspect();
        expect(result.kind).toBe('folders');
        if (result.kind !== 'folders') return;
        expect(result.folders).toContainEqual({ path: 'Sent', specialUse: '\\Sent', messages: expect.any(Number) });
        expect(result.folders.find((f) => f.path === 'Contracts')?.messages).toBe(1);
      } finally {
        await connector.close();
      }
    });

    it('a keyword as keep-flag: messages carrying it are left out', async () => {
      const folder = 'Keyword';
      await client.mailboxCreate(folder);
      const old = new Date('2020-05-05T10:00:00Z');
      await client.append(folder, rawMessage({ subject: 'keep me' }), ['$Keep'], old);
      await client.append(folder, rawMessage({ subject: 'delete me' }), [], old);
      const connector = open();
      try {
        const recordType: TImapRecordType = { folders: [folder], keepFlag: '$Keep' };
        expect(await connector.count(recordType, expired())).toBe(1);
      } finally {
        await connector.close();
      }
    });
  });

  async function subjectsIn(folder: string): Promise<string[]> {
    const lock = await client.getMailboxLock(folder);
    try {
      const subjects: string[] = [];
      for await (const message of client.fetch('1:*', { envelope: true }))
        subjects.push(message.envelope?.subject ?? '');
      return subjects.sort();
    } finally {
      lock.release();
    }
  }
} else {
  it.skip('imap connector tests need Dovecot (reason printed above)', () => {});
}
