import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { TConfig } from './config.ts';
import { createAccessResolver } from './modules/access/service.ts';
import { agreementRoutes } from './modules/agreements/routes.ts';
import { apiTokenRoutes } from './modules/api-tokens/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { breachRoutes } from './modules/breaches/routes.ts';
import { categoryRoutes } from './modules/categories/routes.ts';
import { connectorRoutes } from './modules/connectors/routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { inventoryRoutes } from './modules/inventory/routes.ts';
import { measureRoutes } from './modules/measures/routes.ts';
import { onboardingRoutes } from './modules/onboarding/routes.ts';
import { organisationRoutes } from './modules/organisations/routes.ts';
import { outboxRoutes } from './modules/outbox/routes.ts';
import { activityRoutes } from './modules/register/routes.ts';
import { registerIoRoutes } from './modules/register-io/routes.ts';
import { requestExportRoutes } from './modules/requests/export/routes.ts';
import { requestRoutes } from './modules/requests/routes.ts';
import { retentionRoutes } from './modules/retention/routes.ts';
import { statementRoutes } from './modules/statement/routes.ts';
import { vendorRoutes } from './modules/vendors/routes.ts';
import type { AppContext } from './platform/context.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { createHttpApp } from './platform/http/create-app.ts';
import { createRuntime, type RuntimeOptions } from './runtime.ts';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const webDistDir = path.join(projectRoot, 'web', 'dist');

export interface Application {
  ctx: AppContext;
  database: DatabaseHandle;
  http: FastifyInstance;
  close(): Promise<void>;
}

export interface BuildOptions extends RuntimeOptions {
  /** Skip the web app's static files (API-only tests). */
  withoutWebApp?: boolean;
}

/** The whole server: the runtime plus the HTTP app with every module's routes and the web app. */
export async function buildApplication(config: TConfig, options: BuildOptions = {}): Promise<Application> {
  const runtime = await createRuntime(config, options);
  const { ctx, database } = runtime;
  const http = await createHttpApp({
    logLevel: config.logLevel,
    trustProxyHops: config.trustProxyHops,
    publicUrl: config.publicUrl,
    access: createAccessResolver(ctx),
    routes: [
      identityRoutes(ctx),
      organisationRoutes(ctx),
      apiTokenRoutes(ctx),
      auditRoutes(ctx),
      outboxRoutes(ctx),
      categoryRoutes(ctx),
      activityRoutes(ctx),
      vendorRoutes(ctx),
      inventoryRoutes(ctx),
      connectorRoutes(ctx),
      retentionRoutes(ctx),
      requestRoutes(ctx),
      requestExportRoutes(ctx),
      breachRoutes(ctx),
      measureRoutes(ctx),
      agreementRoutes(ctx),
      statementRoutes(ctx),
      onboardingRoutes(ctx),
      registerIoRoutes(ctx),
    ],
    isReady: async () => {
      await database.db.execute(sql`select 1`);
      return true;
    },
    webDistDir: options.withoutWebApp ? undefined : webDistDir,
  });
  return {
    ctx,
    database,
    http,
    async close() {
      await http.close();
      await runtime.close();
    },
  };
}
