import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import {
  access,
  type FileHandle,
  lstat,
  open,
  opendir,
  readFile,
  realpath,
  rename,
  stat,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import {
  type CheckResult,
  type Connector,
  ConnectorError,
  type FieldInfo,
  type FoundRecord,
  type Introspection,
  type RecordBatch,
  type RecordTypeCheck,
  type Selection,
  type StoredRecord,
  type SubjectIdentity,
  type SubjectMatch,
} from '../connector.ts';
import { type FieldAccess, matchesSelection } from '../http/client-side-selection.ts';
import { kindsInText, type SubjectValue, textNeedles } from '../subject-text.ts';
import { fileNameMatcher, isSafeRelativePath, type TFilesConfig, type TFilesRecordType } from './schema.ts';

/** Keys collected per pass over the directory tree: memory stays bounded whatever the number of files. */
const DEFAULT_WINDOW = 10_000;
const INTROSPECTION_DEPTH = 3;
const INTROSPECTION_LIMIT = 500;
/** Bytes of a file's content searched for a person: the head of a big file, all of a letter or a CSV export. */
export const MAX_CONTENT_BYTES = 1_048_576;
/** Files read at the same time while searching for a person. */
const CONTENT_READS = 16;

const FILE_FIELDS: FieldInfo[] = [
  { name: 'mtime', type: 'timestamptz', storeType: 'modification time', isNullable: false },
  { name: 'name', type: 'text', storeType: 'file name', isNullable: false },
  { name: 'path', type: 'text', storeType: 'path relative to the root', isNullable: false },
  { name: 'size', type: 'number', storeType: 'bytes', isNullable: false },
];

interface FsFailure {
  code?: string;
  message?: string;
}

function filesError(error: unknown, context: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const failure = (error ?? {}) as FsFailure;
  const detail = `${context}: ${failure.code ?? failure.message ?? String(error)}`;
  if (failure.code === 'EACCES' || failure.code === 'EPERM') return new ConnectorError('permission_denied', detail);
  if (failure.code === 'ENOENT' || failure.code === 'ENOTDIR') return new ConnectorError('schema_changed', detail);
  if (failure.code === 'ETIMEDOUT' || failure.code === 'EAGAIN') return new ConnectorError('timeout', detail, true);
  return new ConnectorError('failed', detail);
}

const isMissing = (error: unknown) => (error as FsFailure).code === 'ENOENT';
const toKey = (path: string) => path.split(sep).join('/');
const directoryPrefix = (directory: string) => {
  const trimmed = toKey(directory).replace(/^\.?\/*|\/+$/g, '');
  return trimmed === '' || trimmed === '.' ? '' : `${trimmed}/`;
};

function fieldAccess(key: string, stats: Stats): FieldAccess {
  return {
    key,
    value(field) {
      if (field === 'mtime') return stats.mtime;
      if (field === 'name') return basename(key);
      if (field === 'path') return key;
      if (field === 'size') return stats.size;
      throw new ConnectorError('failed', `a file has no field "${field}" (fields: mtime, name, path, size)`);
    },
  };
}

const toFound = (key: string, stats: Stats): FoundRecord => ({
  key,
  timestamp: stats.mtime.toISOString(),
  identity: { name: basename(key) },
});

/** Files under one root directory, reached with node:fs. Nothing outside the root is followed or touched. */
export class FilesConnector implements Connector<TFilesRecordType> {
  /** `windowSize`: keys kept per pass over the tree (tests make it small to walk many passes). */
  constructor(
    private readonly config: TFilesConfig,
    private readonly tuning: { windowSize?: number } = {},
  ) {}

  async check(): Promise<CheckResult> {
    const started = performance.now();
    try {
      const root = await this.realRoot();
      await access(root, constants.R_OK | constants.X_OK); // write access is checked per record type
      return { ok: true, serverVersion: null, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      const failure = filesError(error, 'check');
      return { ok: false, code: failure.code, detail: failure.detail };
    }
  }

  async introspect(): Promise<Introspection> {
    const root = await this.realRoot();
    const directories: string[] = [''];
    const walk = async (absolute: string, prefix: string, depth: number): Promise<void> => {
      if (depth > INTROSPECTION_DEPTH) return;
      const children: string[] = [];
      for await (const entry of await opendir(absolute)) {
        if (entry.isDirectory() && !entry.name.startsWith('.')) children.push(entry.name);
      }
      for (const child of children.sort()) {
        if (directories.length >= INTROSPECTION_LIMIT) return;
        directories.push(`${prefix}${child}`);
        await walk(join(absolute, child), `${prefix}${child}/`, depth + 1);
      }
    };
    await walk(root, '', 1).catch((error) => {
      throw filesError(error, 'list directories');
    });
    return { kind: 'directories', directories };
  }

  async checkRecordType(recordType: TFilesRecordType): Promise<RecordTypeCheck> {
    try {
      const directory = await this.directoryOf(recordType);
      await access(directory, constants.R_OK | constants.W_OK | constants.X_OK);
      return { ok: true, fields: FILE_FIELDS };
    } catch (error) {
      const failure = filesError(error, 'directory');
      const code = failure.code === 'permission_denied' ? 'no_permission' : 'missing';
      return { ok: false, problems: [{ path: 'directory', code, name: recordType.directory }] };
    }
  }

  async count(recordType: TFilesRecordType, selection: Selection): Promise<number> {
    let total = 0;
    for await (const batch of this.find(recordType, selection, { batchSize: 1000 })) total += batch.records.length;
    return total;
  }

  /**
   * Streams the directory tree with opendir, pass after pass: each pass keeps only the smallest keys behind the
   * cursor (a bounded window), which are then stat'ed and matched. Symlinks are never followed.
   */
  async *find(
    recordType: TFilesRecordType,
    selection: Selection,
    options: { batchSize: number; after?: string; signal?: AbortSignal },
  ): AsyncIterable<RecordBatch> {
    const directory = await this.directoryOf(recordType);
    const prefix = directoryPrefix(recordType.directory);
    const window = Math.max(options.batchSize, this.tuning.windowSize ?? DEFAULT_WINDOW);
    const pending: FoundRecord[] = [];
    const batchOf = (records: FoundRecord[]): RecordBatch => ({ records, cursor: records.at(-1)!.key });
    let cursor = options.after ?? '';
    for (;;) {
      options.signal?.throwIfAborted();
      const keys = await this.smallestKeysAfter(directory, prefix, recordType, cursor, window).catch((error) => {
        throw filesError(error, 'list');
      });
      for (const key of keys) {
        const stats = await lstat(join(this.config.root, key)).catch((error) => (isMissing(error) ? null : error));
        if (stats instanceof Error) throw filesError(stats, 'stat');
        if (stats?.isFile() && matchesSelection(fieldAccess(key, stats), selection)) pending.push(toFound(key, stats));
        while (pending.length >= options.batchSize) yield batchOf(pending.splice(0, options.batchSize));
      }
      if (keys.length < window) break;
      cursor = keys.at(-1)!;
    }
    if (pending.length > 0) yield batchOf(pending.splice(0));
  }

  async delete(recordType: TFilesRecordType, keys: readonly string[]): Promise<{ deleted: number }> {
    let deleted = 0;
    const fileOf = await this.keyResolver(recordType);
    for (const key of keys) {
      const path = await fileOf(key);
      try {
        await unlink(path);
        deleted += 1;
      } catch (error) {
        if (!isMissing(error)) throw filesError(error, `delete ${key}`);
      }
    }
    return { deleted };
  }

  async anonymise(): Promise<{ anonymised: number }> {
    throw new ConnectorError('failed', 'a file cannot be anonymised in place; delete or archive it');
  }

  async read(recordType: TFilesRecordType, keys: readonly string[]): Promise<StoredRecord[]> {
    const records: StoredRecord[] = [];
    const fileOf = await this.keyResolver(recordType);
    for (const key of keys) {
      const path = await fileOf(key);
      try {
        const [content, stats] = await Promise.all([readFile(path), stat(path)]);
        records.push({ key, fields: fileFields(basename(key), content, stats.mtime) });
      } catch (error) {
        if (!isMissing(error)) throw filesError(error, `read ${key}`);
      }
    }
    return records;
  }

  /**
   * Writes each copy (`name`, `content` base64, `mtime`) into the record type's directory. A file of that name with
   * the same content is the copy already written; one with other content gets the source key's hash in its name.
   */
  async write(
    recordType: TFilesRecordType,
    records: readonly { sourceKey: string; fields: StoredRecord['fields'] }[],
  ): Promise<string[]> {
    const directory = await this.directoryOf(recordType);
    const prefix = directoryPrefix(recordType.directory);
    const keys: string[] = [];
    for (const record of records) {
      const { name, content, mtime } = record.fields;
      if (typeof name !== 'string' || typeof content !== 'string' || !isPlainFileName(name)) {
        throw new ConnectorError('failed', 'a file copy needs a plain "name" and its "content" (base64)');
      }
      const bytes = Buffer.from(content, 'base64');
      const hash = createHash('sha256').update(record.sourceKey).digest('hex').slice(0, 12);
      const candidates = [name, `${basename(name, extname(name))}-${hash}${extname(name)}`];
      let written: string | undefined;
      for (const candidate of candidates) {
        const path = join(directory, candidate);
        const existing = await readFile(path).catch((error) => (isMissing(error) ? null : Promise.reject(error)));
        if (existing?.equals(bytes)) written = candidate;
        else if (existing === null) {
          const temporary = join(directory, `.${candidate}.${process.pid}.privacydesk-tmp`);
          await writeFile(temporary, bytes, { flag: 'wx' });
          if (typeof mtime === 'string') await utimes(temporary, new Date(mtime), new Date(mtime));
          await rename(temporary, path);
          written = candidate;
        }
        if (written) break;
      }
      if (!written) throw new ConnectorError('failed', `write ${name}: both names are taken by other files`);
      keys.push(`${prefix}${written}`);
    }
    return keys;
  }

  /**
   * Files whose name or text holds one of the person's values as a whole word (a CV named after its applicant, a
   * letter with their IBAN), case-insensitively. The first MAX_CONTENT_BYTES of each file are read as UTF-8: text,
   * CSV, e-mails and uncompressed formats are searched; a PDF or DOCX (compressed) is found by its name only.
   */
  async findSubject(
    recordType: TFilesRecordType,
    identity: SubjectIdentity,
    options: { limit: number },
  ): Promise<FoundRecord[]> {
    const needles = textNeedles(identity);
    if (needles.length === 0) return [];
    const found: FoundRecord[] = [];
    for await (const batch of this.find(recordType, { conditions: [], exclusions: [] }, { batchSize: 500 })) {
      const matches = await mapBounded(batch.records, CONTENT_READS, (record) =>
        this.subjectMatches(record.key, needles),
      );
      for (const [index, record] of batch.records.entries()) {
        if (matches[index]!.length > 0) found.push({ ...record, matchedBy: matches[index] });
        if (found.length >= options.limit) return found;
      }
    }
    return found;
  }

  /** The person's values in a file's name and the head of its content; a file gone meanwhile holds none. */
  private async subjectMatches(key: string, needles: readonly SubjectValue[]): Promise<SubjectMatch[]> {
    const byName = kindsInText(basename(key).toLowerCase(), needles).map((kind) => ({ field: 'name', kind }));
    let handle: FileHandle | undefined;
    try {
      // O_NOFOLLOW: a file swapped for a symlink since it was listed is not followed out of the root.
      handle = await open(join(this.config.root, key), constants.O_RDONLY | constants.O_NOFOLLOW);
      const length = Math.min((await handle.stat()).size, MAX_CONTENT_BYTES);
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = length === 0 ? { bytesRead: 0 } : await handle.read(buffer, 0, length, 0);
      const text = buffer.subarray(0, bytesRead).toString('utf8').toLowerCase();
      return [...byName, ...kindsInText(text, needles).map((kind) => ({ field: 'content', kind }))];
    } catch (error) {
      if (isMissing(error) || (error as FsFailure).code === 'ELOOP') return byName;
      throw filesError(error, `read ${key}`);
    } finally {
      await handle?.close();
    }
  }

  async close(): Promise<void> {}

  private async realRoot(): Promise<string> {
    try {
      const root = await realpath(this.config.root);
      if (!(await stat(root)).isDirectory())
        throw new ConnectorError('not_found', `${this.config.root} is no directory`);
      return root;
    } catch (error) {
      if (isMissing(error)) throw new ConnectorError('not_found', `root ${this.config.root} does not exist`);
      throw filesError(error, 'root');
    }
  }

  /** The record type's directory, resolved on disk and proven inside the root (a symlink out is refused). */
  private async directoryOf(recordType: TFilesRecordType): Promise<string> {
    if (!isSafeRelativePath(recordType.directory)) {
      throw new ConnectorError('permission_denied', `directory ${recordType.directory} is outside the root`);
    }
    const root = await this.realRoot();
    const directory = await realpath(join(root, recordType.directory)).catch((error) => {
      throw filesError(error, `directory ${recordType.directory}`);
    });
    if (!isInside(root, directory)) {
      throw new ConnectorError('permission_denied', `directory ${recordType.directory} leads outside the root`);
    }
    return directory;
  }

  /**
   * For one call: the absolute path of a key of this record type; a key outside it, or through a symlink, is
   * refused. The root and each parent directory are resolved once per call.
   */
  private async keyResolver(recordType: TFilesRecordType): Promise<(key: string) => Promise<string>> {
    const prefix = directoryPrefix(recordType.directory);
    const matches = fileNameMatcher(recordType.pattern);
    const root = await this.realRoot();
    const parents = new Map<string, Promise<string | null>>();
    return async (key) => {
      const rest = key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
      const isOfRecordType =
        rest !== undefined &&
        isSafeRelativePath(key) &&
        rest.length > 0 &&
        (recordType.recursive || !rest.includes('/')) &&
        matches(basename(rest));
      if (!isOfRecordType) throw new ConnectorError('permission_denied', `${key} is not a file of this record type`);
      const path = join(root, key);
      const parentPath = join(path, '..');
      let parent = parents.get(parentPath);
      if (!parent) {
        parent = realpath(parentPath).catch((error) => (isMissing(error) ? null : Promise.reject(error)));
        parents.set(parentPath, parent);
      }
      const resolvedParent = await parent;
      if (resolvedParent !== null && !isInside(root, resolvedParent)) {
        throw new ConnectorError('permission_denied', `${key} leads outside the root`);
      }
      const stats = await lstat(path).catch((error) => (isMissing(error) ? null : Promise.reject(error)));
      if (stats && !stats.isFile()) throw new ConnectorError('permission_denied', `${key} is not a plain file`);
      return path;
    };
  }

  private async smallestKeysAfter(
    directory: string,
    prefix: string,
    recordType: TFilesRecordType,
    cursor: string,
    window: number,
  ): Promise<string[]> {
    const matches = fileNameMatcher(recordType.pattern);
    let best: string[] = [];
    let bound: string | undefined;
    const compact = () => {
      best.sort();
      best = best.slice(0, window);
      if (best.length === window) bound = best[window - 1];
    };
    const walk = async (absolute: string, keyPrefix: string): Promise<void> => {
      const subdirectories: string[] = [];
      for await (const entry of await opendir(absolute, { bufferSize: 256 })) {
        const key = `${keyPrefix}${entry.name}`;
        if (entry.isDirectory()) {
          if (recordType.recursive && !entry.name.startsWith('.')) subdirectories.push(entry.name);
        } else if (entry.isFile() && key > cursor && (bound === undefined || key < bound) && matches(entry.name)) {
          best.push(key);
          if (best.length >= window * 2) compact();
        }
      }
      for (const name of subdirectories.sort()) {
        const subPrefix = `${keyPrefix}${name}/`;
        const isBehindCursor = `${keyPrefix}${name}0` <= cursor; // every key in it starts with `name/`, and '/' < '0'
        const isBeyondWindow = bound !== undefined && subPrefix > bound;
        if (!isBehindCursor && !isBeyondWindow) await walk(join(absolute, name), subPrefix);
      }
    };
    await walk(directory, prefix);
    compact();
    return best;
  }
}

function fileFields(name: string, content: Buffer, mtime: Date): StoredRecord['fields'] {
  return { name, content: content.toString('base64'), mtime: mtime.toISOString(), size: content.length };
}

const isInside = (root: string, path: string) => {
  const rest = relative(root, path);
  return rest === '' || (!rest.startsWith('..') && !rest.startsWith(sep) && !rest.includes(`..${sep}`));
};

const isPlainFileName = (name: string) => name.length > 0 && !/[\\/\0]/.test(name) && name !== '.' && name !== '..';

/** Applies `work` to every item, at most `concurrency` at a time, keeping the order. */
async function mapBounded<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
