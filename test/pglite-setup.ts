import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { connectDatabase } from '../src/platform/db/connect.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { migrationsFingerprint } from './migrations-fingerprint.ts';

/**
 * Global setup of the PGlite test project: runs initdb and the migrations once and keeps the resulting data
 * directory as a tarball; each test file starts its in-memory PGlite from it (src/platform/db/testing.ts), which
 * skips initdb and the migrations — most of a PGlite start.
 */
export default async function setup() {
  const snapshot = path.join(tmpdir(), `privacydesk-pglite-${migrationsFingerprint()}.tar`);
  if (!existsSync(snapshot)) {
    const database = await connectDatabase({});
    await migrateDatabase(database);
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const tarball = await client.dumpDataDir('none');
    await database.close();
    const partial = `${snapshot}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    renameSync(partial, snapshot);
  }
  process.env.TEST_PGLITE_SNAPSHOT = snapshot;
}
