import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandIdentity } from '../../modules/requests/identities.ts';
import type { FoundRecord } from '../connector.ts';
import { filesManifest } from './manifest.ts';

let root: string;
let outside: string;
const recordType = { directory: 'letters', pattern: '*', recursive: true };
const JAN = expandIdentity({
  emails: ['jan.jansen@example.nl'],
  phones: ['06-12345678'],
  names: ['Jan Jansen'],
  ibans: ['NL91ABNA0417164300'],
  bsns: ['12345672'],
  customerNumbers: ['C-1001'],
});
const matches = (found: FoundRecord[]) =>
  Object.fromEntries(found.map((r) => [r.key, r.matchedBy?.map((m) => `${m.field}:${m.kind}`).sort()]));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'privacydesk-files-subject-'));
  outside = await mkdtemp(join(tmpdir(), 'privacydesk-outside-'));
  const dir = join(root, 'letters');
  await mkdir(join(dir, 'sub'), { recursive: true });
  const files: Record<string, string> = {
    'cv-jan-jansen.txt': 'Curriculum vitae',
    'letter-1.txt': 'Dear Sir,\nPlease mail JAN.JANSEN@EXAMPLE.NL or call +31 6 12345678.',
    'sub/invoice.csv': 'customer;iban\nC-1001;NL91 ABNA 0417 1643 00\n',
    'sub/intake.txt': 'BSN 012345672, tel. 0031612345678',
    'other.txt': 'Mail xjan.jansen@example.nl or jan.jansen+crm@example.nl; tel 06-123456789; C-10010; Jan Jansens',
    "quote'%_.txt": "Zoë's 100%_ file, phone (06) 87 65 43 21",
  };
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  // A big file: the value past the first MiB is not searched, the one before it is.
  await writeFile(
    join(dir, 'big.log'),
    `${'x'.repeat(1_048_000)} 0612345678 ${'y'.repeat(100_000)} NL91ABNA0417164300`,
  );
  await writeFile(join(outside, 'secret.txt'), 'jan.jansen@example.nl');
  await symlink(join(outside, 'secret.txt'), join(dir, 'link.txt'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('files: findSubject', () => {
  it('finds the person by file name and by text content, each file once, with what matched', async () => {
    const connector = filesManifest.open({ root }, { timeoutMs: 10_000 });
    const found = await connector.findSubject(recordType, JAN, { limit: 100 });
    expect(matches(found)).toEqual({
      'letters/big.log': ['content:phone'],
      'letters/cv-jan-jansen.txt': ['name:name'],
      'letters/letter-1.txt': ['content:email', 'content:phone'],
      'letters/sub/intake.txt': ['content:bsn', 'content:phone'],
      'letters/sub/invoice.csv': ['content:customer_number', 'content:iban'],
    });
  });

  it('finds nobody for another person or hostile values, and never follows a symlink out of the root', async () => {
    const connector = filesManifest.open({ root }, { timeoutMs: 10_000 });
    const other = expandIdentity({ emails: ['piet@example.nl'], phones: ['06-11111111'], bsns: ['111222333'] });
    expect(await connector.findSubject(recordType, other, { limit: 100 })).toEqual([]);
    const hostile = { emails: ['%_'], phones: ['.*'], names: ["'%_"], customerNumbers: ['_%'] };
    expect(await connector.findSubject(recordType, hostile, { limit: 100 })).toEqual([]);
    const zoe = await connector.findSubject(recordType, { emails: [], phones: [], names: ["ZOË's"] }, { limit: 5 });
    expect(zoe.map((r) => r.key)).toEqual(["letters/quote'%_.txt"]);
    expect(await connector.findSubject(recordType, JAN, { limit: 2 })).toHaveLength(2);
  });
});
