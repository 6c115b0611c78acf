/**
 * IMAP retention throughput (not wired into bench/run.ts yet): a real Dovecot with two identical folders of
 * `messages` messages, half of them older than the cut-off, written straight into the Maildir and indexed by Dovecot
 * before anything is timed. Measured on one folder: the connector's find() + delete() loop (what a retention run
 * does); on the other: a hand-written UID SEARCH BEFORE + UID STORE \Deleted + UID EXPUNGE loop in batches of the
 * same size through imapflow. Both report expired messages deleted per second; `ratio` is connector ÷ baseline.
 */
import type { ImapFlow } from 'imapflow';
import type { Cutoff } from '../src/connectors/connector.ts';
import { imapManifest } from '../src/connectors/imap/manifest.ts';
import { openImapClient, type SeedMessage, startDovecot, writeMaildirMessages } from '../test/servers/dovecot.ts';

const DAY_MS = 86_400_000;

export interface ImapRetentionResult {
  bench: 'retention-imap';
  messages: number;
  expired: number;
  batchSize: number;
  connector_seconds: number;
  connector_messages_per_s: number;
  baseline_seconds: number;
  baseline_messages_per_s: number;
  ratio: number;
}

function* seedMessages(count: number, now: Date): Generator<SeedMessage> {
  for (let index = 0; index < count; index += 1) {
    const daysAgo = index % 2 === 0 ? 400 + (index % 300) : 1 + (index % 300);
    yield {
      internalDate: new Date(now.getTime() - daysAgo * DAY_MS - (index % 86_400) * 1000),
      from: `Client ${index} <client${index}@example.com>`,
      subject: `Question ${index}`,
    };
  }
}

/** Opens each folder and fetches what both loops ask for, so Dovecot's index and cache are built before timing. */
async function indexFolders(client: ImapFlow, folders: string[]): Promise<void> {
  for (const folder of folders) {
    const lock = await client.getMailboxLock(folder);
    try {
      for await (const _ of client.fetch('1:*', { uid: true, flags: true, internalDate: true, envelope: true })) {
        // reading is the point
      }
    } finally {
      lock.release();
    }
  }
}

async function baselineLoop(client: ImapFlow, folder: string, cutoff: Date, batchSize: number): Promise<number> {
  const lock = await client.getMailboxLock(folder);
  try {
    const before = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth(), cutoff.getUTCDate()));
    const uids = ((await client.search({ before }, { uid: true })) || []).sort((a, b) => a - b);
    for (let index = 0; index < uids.length; index += batchSize) {
      await client.messageDelete(uids.slice(index, index + batchSize).join(','), { uid: true });
    }
    return uids.length;
  } finally {
    lock.release();
  }
}

async function connectorLoop(
  server: { host: string; port: number; user: string; password: string },
  folder: string,
  cutoff: Cutoff,
  batchSize: number,
): Promise<number> {
  const connector = imapManifest.open(
    {
      host: server.host,
      port: server.port,
      security: 'none',
      user: server.user,
      password: server.password,
      connectTimeoutMs: 5000,
    },
    { timeoutMs: 120_000 },
  );
  const recordType = { folders: [folder] };
  const selection = { timestampField: 'internalDate', cutoff, conditions: [], exclusions: [] };
  let deleted = 0;
  try {
    for await (const batch of connector.find(recordType, selection, { batchSize })) {
      deleted += (
        await connector.delete(
          recordType,
          batch.records.map((record) => record.key),
        )
      ).deleted;
    }
  } finally {
    await connector.close();
  }
  return deleted;
}

/** Runs the comparison on a fresh Dovecot and removes it afterwards. */
export async function benchImapRetention(options: {
  messages: number;
  batchSize?: number;
  progress?: (line: string) => void;
}): Promise<ImapRetentionResult> {
  const batchSize = options.batchSize ?? 1000;
  const progress = options.progress ?? (() => {});
  const now = new Date();
  // The cut-off on a UTC midnight, so that the baseline's whole-day BEFORE is exact and both delete the same set.
  const instant = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
  const cutoff: Cutoff = {
    instant,
    localDate: instant.toISOString().slice(0, 10),
    localDateTime: instant.toISOString().slice(0, 19),
  };
  const server = await startDovecot();
  const client = await openImapClient(server);
  try {
    progress(`imap: writing 2 × ${options.messages} messages into the Maildir`);
    for (const folder of ['Subject', 'Baseline']) {
      await writeMaildirMessages(server, folder, seedMessages(options.messages, now));
    }
    progress('imap: letting Dovecot index both folders');
    await indexFolders(client, ['Subject', 'Baseline']);

    progress('imap: connector find + delete');
    let started = performance.now();
    const expired = await connectorLoop(server, 'Subject', cutoff, batchSize);
    const connectorSeconds = (performance.now() - started) / 1000;

    progress('imap: hand-written SEARCH BEFORE + UID EXPUNGE');
    started = performance.now();
    const baselineExpired = await baselineLoop(client, 'Baseline', instant, batchSize);
    const baselineSeconds = (performance.now() - started) / 1000;
    if (baselineExpired !== expired) {
      throw new Error(`the loops deleted different numbers: connector ${expired}, baseline ${baselineExpired}`);
    }
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      bench: 'retention-imap',
      messages: options.messages,
      expired,
      batchSize,
      connector_seconds: round(connectorSeconds),
      connector_messages_per_s: Math.round(expired / connectorSeconds),
      baseline_seconds: round(baselineSeconds),
      baseline_messages_per_s: Math.round(baselineExpired / baselineSeconds),
      ratio: round(baselineSeconds / connectorSeconds),
    };
  } finally {
    await client.logout().catch(() => {});
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const messages = Number(process.argv[2] ?? 10_000);
  const result = await benchImapRetention({ messages, progress: (line) => process.stderr.write(`[bench] ${line}\n`) });
  console.log(JSON.stringify(result));
}
