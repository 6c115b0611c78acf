import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { chromiumUnavailableReason, e2eProject } from './e2e/project.ts';
import { postgresUnavailableReason } from './test/postgres-setup.ts';

/**
 * One run, five projects: unit tests (no database), connector tests against real servers (`*.connector.test.ts`),
 * integration tests on PGlite and on PostgreSQL (the same files, `*.db.test.ts`), and the browser tests in e2e/. Without a PostgreSQL server a local run says why it
 * leaves that project out; CI (CI=true) fails instead.
 */
export default defineConfig(async () => {
  const postgresProblem = await postgresUnavailableReason();
  if (postgresProblem && process.env.CI === 'true')
    throw new Error(`${postgresProblem}; CI requires the PostgreSQL run`);
  if (postgresProblem) console.warn(`\n[postgres tests not run] ${postgresProblem}\n`);
  const chromiumProblem = chromiumUnavailableReason();
  if (chromiumProblem && process.env.CI === 'true')
    throw new Error(`${chromiumProblem}; CI requires the browser tests`);
  if (chromiumProblem) console.warn(`\n[browser tests not run] ${chromiumProblem}\n`);

  const dbProject = (engine: 'pglite' | 'postgres') => ({
    extends: true as const,
    test: {
      name: `db-${engine}`,
      include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
      // The command tests spawn a process per command (seconds each), so they run once, on the embedded database a
      // CLI user has by default. On PostgreSQL the services they call run in their route tests, and the CLI runs in
      // one-process.db.test.ts (several processes on one database) and serve.db.test.ts.
      exclude: [
        '**/node_modules/**',
        ...(engine === 'postgres' ? ['src/cli/commands/**', 'src/cli/cli.db.test.ts'] : ['src/cli/**']),
      ],
      env: { TEST_DB: engine },
      globalSetup: [engine === 'postgres' ? 'test/postgres-setup.ts' : 'test/pglite-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });

  return {
    test: {
      environment: 'node' as const,
      reporters: ['default'],
      // Vitest leaves a core free by default, which on a 2-core machine means one worker; database tests mostly
      // wait on their database, so every core gets a worker.
      maxWorkers: Math.max(2, availableParallelism()),
      projects: [
        {
          extends: true as const,
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
            exclude: ['**/*.db.test.ts', '**/*.connector.test.ts', '**/node_modules/**'],
          },
        },
        {
          // Connectors against real servers of their kind (PostgreSQL, MariaDB, Dovecot, files, HTTP); no app database.
          extends: true as const,
          test: {
            name: 'connectors',
            include: ['src/connectors/**/*.connector.test.ts'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        dbProject('pglite'),
        {
          // The CLI on the embedded database, apart from db-pglite so CI can run it on the Node whose tsx starts a
          // process fastest (see .ci/run).
          extends: true as const,
          test: {
            name: 'cli',
            include: ['src/cli/**/*.db.test.ts'],
            env: { TEST_DB: 'pglite' },
            globalSetup: ['test/pglite-setup.ts'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        ...(postgresProblem ? [] : [dbProject('postgres')]),
        ...(chromiumProblem ? [] : [e2eProject]),
      ],
    },
  };
});
