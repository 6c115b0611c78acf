import { type Application, buildApplication } from './app.ts';
import { ConfigError, loadConfig, type TConfig } from './config.ts';
import { type DemoSignIn, ensureDemoData } from './demo/load-demo.ts';
import * as identity from './modules/identity/service.ts';
import { refreshCompletenessJob } from './modules/register/service.ts';

/** Starts the server: config → application (migrations, jobs) → demo data on first start → listen. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const app = await buildApplication(config);
  let demo: DemoSignIn | null;
  try {
    demo = await prepareData(app, config);
  } catch (error) {
    await app.close();
    throw error;
  }
  await app.http.listen({ port: config.port, host: config.host });
  await printStartup(app, config, demo);
  // Summaries missing after an upgrade, or of a day whose midnight refresh was missed while the server was down.
  await app.ctx.jobs.send(refreshCompletenessJob, {});

  const shutdown = async (signal: string) => {
    console.log(`${signal}: stopping privacydesk`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Demo data on a demo instance (loaded once); on a production instance (DEMO_DATA=false), a refusal to run on a
 * database that holds demo accounts: their password is printed in every README, so they must never exist there.
 */
async function prepareData(app: Application, config: TConfig): Promise<DemoSignIn | null> {
  if (config.loadDemoData) return ensureDemoData(app.ctx);
  if (await identity.hasDemoUsers(app.ctx.db)) {
    throw new ConfigError(
      'DEMO_DATA=false, but this database contains demo data (demo accounts with a published password). ' +
        'Production needs a fresh DATA_DIR / database: point DATA_DIR or DATABASE_URL at an empty one ' +
        '(or start with DEMO_DATA=true to keep using this one as a demo).',
    );
  }
  return null;
}

/** The start-up message, written at once so that whoever waits for the address also gets the rest. */
async function printStartup(app: Application, config: TConfig, demo: DemoSignIn | null): Promise<void> {
  const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const lines = [
    `privacydesk is running at ${config.publicUrl}`,
    `  database: ${database}`,
    `  mail: ${config.smtpUrl ? 'SMTP (SMTP_URL)' : 'no SMTP_URL: mail stays in the outbox'}`,
  ];
  if (demo) {
    lines.push(`  demo sign-in: ${demo.email} / ${demo.password}${demo.isNew ? ' (demo data loaded)' : ''}`);
  } else if ((await identity.countUsers(app.ctx.db)) === 0) {
    lines.push(`  no accounts yet (DEMO_DATA=false): the first visit to ${config.publicUrl} creates the first owner`);
    lines.push('  (or run `privacydesk user create` and `privacydesk org create --owner <email>`)');
  }
  console.log(lines.join('\n'));
}
