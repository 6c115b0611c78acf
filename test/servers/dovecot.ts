import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DOVECOT_PATH = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

/** Why Dovecot tests cannot run here, or undefined when Dovecot is installed. */
export function dovecotUnavailableReason(): string | undefined {
  try {
    accessSync(DOVECOT_PATH, constants.X_OK);
  } catch {
    return `Dovecot is not installed at ${DOVECOT_PATH} (apt-get install -y dovecot-imapd, or set DOVECOT_PATH)`;
  }
  if (process.getuid?.() !== 0) return 'Dovecot tests start dovecot from a temp dir and need to run as root';
  return undefined;
}

/**
 * For a test file: skips its Dovecot tests with a printed reason locally, and fails them in CI (CI=true), the way
 * vitest.config.ts treats Chromium. Returns true when the tests can run.
 */
export function requireDovecot(): boolean {
  const problem = dovecotUnavailableReason();
  if (!problem) return true;
  if (process.env.CI === 'true') throw new Error(`${problem}; CI requires the IMAP connector tests`);
  console.warn(`\n[IMAP tests not run] ${problem}\n`);
  return false;
}

export interface DovecotServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The user's Maildir root (INBOX); a folder `X` lives in `.X` under it. */
  maildir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function configFor(dir: string, port: number): string {
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
mail_privileged_group =
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
passdb {
  driver = passwd-file
  args = ${dir}/passwd
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/mail/%u
}
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
  mailbox Trash {
    special_use = \\Trash
  }
}
`;
}

async function waitForGreeting(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(1000);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Dovecot did not greet on port ${port}`);
}

/** Starts a real Dovecot on a free loopback port with one user and an empty Maildir, from a config in a temp dir. */
export async function startDovecot(): Promise<DovecotServer> {
  const dir = await mkdtemp(join(tmpdir(), 'privacydesk-dovecot-'));
  const user = 'officer';
  const password = randomBytes(9).toString('base64url');
  const port = await freePort();
  const maildir = join(dir, 'mail', user);
  await Promise.all([mkdir(join(dir, 'run')), mkdir(join(dir, 'state'))]);
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(maildir, sub), { recursive: true });
  const owner = dovecotOwner();
  await chown(join(dir, 'mail'), owner.uid, owner.gid);
  await chownTree(maildir, owner);
  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`, { mode: 0o600 });
  await chown(join(dir, 'passwd'), owner.uid, owner.gid);
  await writeFile(join(dir, 'dovecot.conf'), configFor(dir, port));
  // mkdtemp makes the dir 0700; the mail processes run as the dovecot user and must reach the Maildir.
  await chmod(dir, 0o755);
  const child = spawn(DOVECOT_PATH, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (data: Buffer) => {
    errors += data.toString();
  });
  const exitedEarly = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`dovecot exited with ${code}: ${errors.trim()}`))),
  );
  exitedEarly.catch(() => {}); // only raced with the greeting below
  try {
    await Promise.race([waitForGreeting(port, Date.now() + 15_000), exitedEarly]);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    maildir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function dovecotOwner(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'dovecot'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function chownTree(path: string, owner: { uid: number; gid: number }): Promise<void> {
  await chown(path, owner.uid, owner.gid);
  for (const sub of ['cur', 'new', 'tmp']) await chown(join(path, sub), owner.uid, owner.gid).catch(() => {});
}

export interface SeedMessage {
  internalDate: Date;
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  /** Maildir flag letters: F flagged, S seen, R answered. */
  maildirFlags?: string;
  /** The plain-text body (default: a short question). */
  body?: string;
}

let seedCounter = 0;

/** An RFC 5322 message with the given headers (no Date header when `date` is null), small enough for big seeds. */
export function rawMessage(
  message: Omit<SeedMessage, 'internalDate' | 'maildirFlags'> & { date?: Date | null; body?: string },
): string {
  const messageId = message.messageId ?? `<seed-${process.pid}-${++seedCounter}@privacydesk.test>`;
  const date = message.date === undefined ? new Date() : message.date;
  return [
    `From: ${message.from ?? 'Client <client@example.com>'}`,
    `To: ${message.to ?? 'Office <office@example.nl>'}`,
    `Subject: ${message.subject ?? 'Question'}`,
    ...(date ? [`Date: ${date.toUTCString().replace('GMT', '+0000')}`] : []),
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    message.body ?? 'Hello, a question about my order.',
    '',
  ].join('\r\n');
}

/**
 * Writes messages straight into a Maildir folder (`INBOX` or a folder name), each file's mtime being its
 * INTERNALDATE, for seeds too big for IMAP APPEND (~280 messages/s). Dovecot indexes them at the next SELECT.
 */
export async function writeMaildirMessages(
  server: Pick<DovecotServer, 'maildir'>,
  folder: string,
  messages: Iterable<SeedMessage>,
): Promise<number> {
  const owner = dovecotOwner();
  const folderDir = folder.toUpperCase() === 'INBOX' ? server.maildir : join(server.maildir, `.${folder}`);
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(folderDir, sub), { recursive: true });
  await chownTree(folderDir, owner);
  const writeOne = async (message: SeedMessage) => {
    const seconds = Math.floor(message.internalDate.getTime() / 1000);
    const name = `${seconds}.M${++seedCounter}P${process.pid}.privacydesk:2,${message.maildirFlags ?? ''}`;
    const path = join(folderDir, 'cur', name);
    await writeFile(path, rawMessage({ ...message, date: message.internalDate }));
    await chown(path, owner.uid, owner.gid);
    await utimes(path, message.internalDate, message.internalDate);
  };
  let written = 0;
  let chunk: SeedMessage[] = [];
  const flush = async () => {
    await Promise.all(chunk.map(writeOne));
    written += chunk.length;
    chunk = [];
  };
  for (const message of messages) {
    chunk.push(message);
    if (chunk.length === 64) await flush();
  }
  await flush();
  return written;
}

/** A plain imapflow client on the test server: the test's own view of the mailbox, not the connector's. */
export async function openImapClient(server: Pick<DovecotServer, 'host' | 'port' | 'user' | 'password'>) {
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: server.user, pass: server.password },
    logger: false,
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}
