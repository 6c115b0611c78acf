import { mkdir, mkdtemp, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, Selection } from '../connector.ts';
import { type ContractRecord, cutoffAt, describeConnectorContract } from '../contract.test-suite.ts';
import { FilesConnector } from './files-connector.ts';
import { filesManifest } from './manifest.ts';
import { type TFilesRecordType, ZFilesRecordType } from './schema.ts';

const DAY_MS = 86_400_000;
let root: string;
let outside: string;
let storeCounter = 0;

const open = () => filesManifest.open({ root }, { timeoutMs: 10_000 });

async function writeFileAt(path: string, content: string, mtime: Date): Promise<void> {
  await writeFile(path, content);
  await utimes(path, mtime, mtime);
}

async function collectKeys(connector: Connector<TFilesRecordType>, recordType: TFilesRecordType, selection: Selection) {
  const batches: string[][] = [];
  for await (const batch of connector.find(recordType, selection, { batchSize: 500 })) {
    batches.push(batch.records.map((r) => r.key));
  }
  return batches;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'privacydesk-files-'));
  outside = await mkdtemp(join(tmpdir(), 'privacydesk-outside-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describeConnectorContract<TFilesRecordType>('files', {
  capabilities: filesManifest.capabilities,
  fieldNames: { timestamp: 'mtime', note: 'name' },
  keepExclusion: null,
  hasNullTimestamps: false,
  compareKeys: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  async createStore() {
    const directory = `store${++storeCounter}`;
    const archive = `${directory}-archive`;
    await mkdir(join(root, directory));
    await mkdir(join(root, archive));
    return {
      connector: open(),
      recordType: { directory, pattern: '*.txt', recursive: false },
      async seed(records: readonly ContractRecord[]) {
        const keys: string[] = [];
        for (const record of records) {
          if (!record.timestamp) throw new Error('a file always has an mtime (hasNullTimestamps: false)');
          const name = `${record.fields.note}--${record.identity.email ?? 'nobody'}.txt`;
          await writeFileAt(join(root, directory, name), `${record.fields.note}\n`, record.timestamp);
          keys.push(`${directory}/${name}`);
        }
        return keys;
      },
      existingKeys: async () => (await readdir(join(root, directory))).map((name) => `${directory}/${name}`),
      archiveTarget: { recordType: { directory: archive, pattern: '*.txt', recursive: false }, fieldsNotCopied: [] },
      async dispose() {
        await rm(join(root, directory), { recursive: true, force: true });
        await rm(join(root, archive), { recursive: true, force: true });
      },
    };
  },
  openUnreachable: () => filesManifest.open({ root: '/nonexistent/privacydesk-contract' }, { timeoutMs: 5000 }),
  unreachableRecordType: { directory: '', pattern: '*', recursive: false },
});

describe('files: retention in a real directory', () => {
  const now = new Date('2026-12-03T09:00:00Z');
  const cutoff = cutoffAt(new Date(now.getTime() - 28 * DAY_MS));
  const expired = (): Selection => ({ timestampField: 'mtime', cutoff, conditions: [], exclusions: [] });
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);

  it('applicant files: CVs and letters older than 4 weeks go, other files and recent ones stay', async () => {
    const directory = 'hr/applicants';
    await mkdir(join(root, directory, 'closed-2026'), { recursive: true });
    await writeFileAt(join(root, directory, 'cv-anna-jansen.pdf'), 'cv', ago(40));
    await writeFileAt(join(root, directory, 'closed-2026', 'cv-bert.PDF'), 'cv', ago(60));
    await writeFileAt(join(root, directory, 'cv-chris.pdf'), 'cv', ago(3));
    await writeFileAt(join(root, directory, 'policy.docx'), 'not a cv', ago(400));
    const connector = open();
    const recordType = ZFilesRecordType.parse({ directory, pattern: 'cv-*.pdf', recursive: true });
    expect(await connector.count(recordType, expired())).toBe(2);
    for await (const batch of connector.find(recordType, expired(), { batchSize: 1 })) {
      expect(
        await connector.delete(
          recordType,
          batch.records.map((r) => r.key),
        ),
      ).toEqual({ deleted: 1 });
    }
    expect((await readdir(join(root, directory))).sort()).toEqual(['closed-2026', 'cv-chris.pdf', 'policy.docx']);
    expect(await readdir(join(root, directory, 'closed-2026'))).toEqual([]);
    const chris = await connector.findSubject(recordType, { emails: [], phones: [], names: ['Chris'] }, { limit: 5 });
    expect(chris.map((r) => r.key)).toEqual([`${directory}/cv-chris.pdf`]);
  });

  it('5,000 files in bounded batches, in key order over 5+ passes of 1,000 names, every expired one once', async () => {
    const directory = 'bulk';
    await mkdir(join(root, directory, 'sub'), { recursive: true });
    const expected: string[] = [];
    for (let index = 0; index < 5000; index += 1) {
      const name = `f${String(index).padStart(5, '0')}.txt`;
      const inSub = index % 7 === 0;
      const relative = inSub ? `sub/${name}` : name;
      const isOld = index % 2 === 0;
      await writeFileAt(join(root, directory, relative), 'x', isOld ? ago(100) : ago(1));
      if (isOld) expected.push(`${directory}/${relative}`);
    }
    const connector = new FilesConnector({ root }, { windowSize: 1000 });
    const batches = await collectKeys(connector, { directory, pattern: '*.txt', recursive: true }, expired());
    const keys = batches.flat();
    expect(batches.every((batch) => batch.length <= 500)).toBe(true);
    expect(keys).toEqual([...expected].sort());
  });

  it('refuses paths that leave the root: .., absolute paths, symlinked directories and files', async () => {
    await writeFile(join(outside, 'secret.txt'), 'outside');
    await mkdir(join(root, 'inbox'), { recursive: true });
    await writeFileAt(join(root, 'inbox', 'ok.txt'), 'in', ago(100));
    await symlink(join(outside, 'secret.txt'), join(root, 'inbox', 'link.txt'));
    await symlink(outside, join(root, 'escape'));
    const connector = open();
    const inbox: TFilesRecordType = { directory: 'inbox', pattern: '*.txt', recursive: false };

    expect(ZFilesRecordType.safeParse({ directory: '../', pattern: '*' }).success).toBe(false);
    expect(ZFilesRecordType.safeParse({ directory: '/etc', pattern: '*' }).success).toBe(false);
    expect(ZFilesRecordType.safeParse({ directory: 'inbox', pattern: '../*' }).success).toBe(false);
    const symlinkedOut: TFilesRecordType = { directory: 'escape', pattern: '*', recursive: false };
    await expect(collectKeys(connector, symlinkedOut, expired())).rejects.toMatchObject({ code: 'permission_denied' });
    expect(await connector.checkRecordType(symlinkedOut)).toMatchObject({ ok: false });
    await expect(
      collectKeys(connector, { directory: '..', pattern: '*', recursive: false }, expired()),
    ).rejects.toMatchObject({ code: 'permission_denied' });

    expect((await collectKeys(connector, inbox, expired())).flat()).toEqual(['inbox/ok.txt']);
    for (const key of ['inbox/link.txt', 'inbox/../escape/secret.txt', `${outside}/secret.txt`, '../secret.txt']) {
      await expect(connector.delete(inbox, [key]), key).rejects.toMatchObject({ code: 'permission_denied' });
      await expect(connector.read(inbox, [key]), key).rejects.toMatchObject({ code: 'permission_denied' });
    }
    const rootWide: TFilesRecordType = { directory: '', pattern: '*.txt', recursive: true };
    await expect(connector.delete(rootWide, ['escape/secret.txt'])).rejects.toMatchObject({
      code: 'permission_denied',
    });
    expect((await stat(join(outside, 'secret.txt'))).isFile()).toBe(true);
    expect(await readdir(join(root, 'inbox'))).toContain('link.txt');
  });

  it('a root that does not exist: check() says not_found', async () => {
    const connector = filesManifest.open({ root: join(root, 'missing') }, { timeoutMs: 1000 });
    expect(await connector.check()).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('introspect() lists the directories under the root, without following symlinks', async () => {
    const result = await open().introspect();
    expect(result.kind).toBe('directories');
    if (result.kind !== 'directories') return;
    expect(result.directories).toEqual(expect.arrayContaining(['', 'hr', 'hr/applicants', 'bulk/sub']));
    expect(result.directories).not.toContain('escape');
  });
});
