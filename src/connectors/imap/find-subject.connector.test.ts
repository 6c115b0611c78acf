import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DovecotServer,
  requireDovecot,
  startDovecot,
  writeMaildirMessages,
} from '../../../test/servers/dovecot.ts';
import { expandIdentity } from '../../modules/requests/identities.ts';
import type { FoundRecord } from '../connector.ts';
import { imapManifest } from './manifest.ts';

const isDovecotAvailable = requireDovecot();
let server: DovecotServer;
const recordType = { folders: ['INBOX', 'Sent'] };
const JAN = expandIdentity({
  emails: ['jan.jansen@example.nl'],
  phones: ['+31 6 12345678'],
  names: ['Jan Jansen'],
  ibans: ['NL91ABNA0417164300'],
  bsns: ['012345672'],
});
const day = (n: number) => new Date(Date.UTC(2026, 0, n));
/** Subject, what matched: the test's own expectation per message. */
const matched = (found: FoundRecord[]) =>
  found.map((r) => r.matchedBy?.map((m) => `${m.field}:${m.kind}`).join(' ')).sort();

describe.runIf(isDovecotAvailable)('imap: findSubject', () => {
  beforeAll(async () => {
    server = await startDovecot();
    await writeMaildirMessages(server, 'INBOX', [
      { internalDate: day(1), from: '"Jan Jansen" <Jan.Jansen@Example.NL>', subject: 'one' },
      { internalDate: day(2), from: 'office@example.com', subject: 'two', to: 'jan.jansen@example.nl' },
      { internalDate: day(3), from: 'xjan.jansen@example.nl', subject: 'not him' },
      { internalDate: day(4), from: 'jan.jansen+crm@example.nl', subject: 'not him either' },
      { internalDate: day(5), from: "o'brien%_@example.org", subject: 'hostile' },
    ]);
    const sent = (index: number, text: string) => ({
      internalDate: day(10 + index),
      from: 'office@example.com',
      to: 'someone@example.org',
      body: text,
    });
    await writeMaildirMessages(server, 'Sent', [
      sent(1, 'Call me on 06-12345678 please.'),
      sent(2, 'My IBAN is NL91 ABNA 0417 1643 00.'),
      sent(3, 'BSN: 012345672'),
      sent(4, 'Another number: 06-87654321, IBAN NL20INGB0001234567.'),
    ]);
  });
  afterAll(async () => server?.stop());

  const open = () =>
    imapManifest.open(
      {
        host: server.host,
        port: server.port,
        security: 'none',
        user: server.user,
        password: server.password,
        connectTimeoutMs: 3000,
      },
      { timeoutMs: 10_000 },
    );

  it('finds the person in the address headers and in message bodies, each message once', async () => {
    const connector = open();
    try {
      const found = await connector.findSubject(recordType, JAN, { limit: 100 });
      expect(matched(found)).toEqual(['body:bsn', 'body:iban', 'body:phone', 'from:email name:name', 'to:email']);
      expect(new Set(found.map((r) => r.key)).size).toBe(found.length);
    } finally {
      await connector.close();
    }
  });

  it('finds nobody for another person, and hostile values are plain search text', async () => {
    const connector = open();
    try {
      const other = expandIdentity({ emails: ['piet@example.nl'], phones: ['06-11111111'], bsns: ['111222333'] });
      expect(await connector.findSubject(recordType, other, { limit: 100 })).toEqual([]);
      const hostile = { emails: ['") OR ALL ("', '%'], phones: ['*'], names: ['Zoë \\"'] };
      expect(await connector.findSubject(recordType, hostile, { limit: 100 })).toEqual([]);
      const obrien = await connector.findSubject(
        recordType,
        { emails: ["O'Brien%_@example.org"], phones: [], names: [] },
        { limit: 100 },
      );
      expect(matched(obrien)).toEqual(['from:email']);
    } finally {
      await connector.close();
    }
  });
});
