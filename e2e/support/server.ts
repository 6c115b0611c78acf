import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { type Application, buildApplication } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { mailMessages } from '../../src/platform/mail/tables.ts';
import { TestClient } from '../../test/client.ts';

export interface E2eServer {
  /** http://127.0.0.1:<port>, where the browser goes. */
  url: string;
  app: Application;
  /** An API client over the same server (cookies, CSRF, Accept-Language), for seeding data. */
  client(locale?: 'nl' | 'en'): TestClient;
  /** The one-time token of the latest link mailed to an address, as its recipient would read it. */
  tokenMailedTo(email: string, link: 'invitation' | 'password-reset'): Promise<string>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const LINK_PATTERNS = {
  invitation: /\/invitations\/([\w%-]+)/,
  'password-reset': /\/reset-password\?token=([\w%-]+)/,
};

/**
 * The real server, in this process: a fresh embedded database in a temporary data directory, no demo data, the
 * job workers running, the built web app, listening on a free port.
 */
export async function startServer(): Promise<E2eServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    JOBS: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    // Files connectors in the browser tests work on temporary directories.
    FILES_CONNECTOR_ROOTS: tmpdir(),
    REQUEST_PROOF_DIFFICULTY: '4',
  });
  const app = await buildApplication(config);
  await app.http.listen({ port, host: '127.0.0.1' });

  return {
    url,
    app,
    client: (locale = 'nl') => new TestClient(app.http, { locale }),
    async tokenMailedTo(email, link) {
      const [message] = await app.ctx.db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.recipient, email))
        .orderBy(desc(mailMessages.createdAt))
        .limit(1);
      if (!message) throw new Error(`no mail to ${email}`);
      const match = app.ctx.secrets.open(message.bodySealed).match(LINK_PATTERNS[link]);
      if (!match?.[1]) throw new Error(`no ${link} link in the mail to ${email}`);
      return decodeURIComponent(match[1]);
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
