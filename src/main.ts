import { buildApplication } from './app.ts';
import { loadConfig } from './config.ts';
import { ensureDemoData } from './demo/load-demo.ts';

/** Starts the server: config → application (migrations, jobs) → demo data on first start → listen. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const app = await buildApplication(config);
  const demo = config.loadDemoData ? await ensureDemoData(app.ctx) : null;
  await app.http.listen({ port: config.port, host: config.host });

  const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`privacydesk is running at ${config.publicUrl}`);
  console.log(`  database: ${database}`);
  console.log(`  mail: ${config.smtpUrl ? 'SMTP (SMTP_URL)' : 'no SMTP_URL: mail stays in the outbox'}`);
  if (demo) console.log(`  demo sign-in: ${demo.email} / ${demo.password}${demo.isNew ? ' (demo data loaded)' : ''}`);
  else if (!config.loadDemoData)
    console.log('  no demo data (DEMO_DATA=false): the first visit creates the first owner');

  const shutdown = async (signal: string) => {
    console.log(`${signal}: stopping privacydesk`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
