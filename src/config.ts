import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * How many reverse proxies stand in front of the server, whose `X-Forwarded-*` headers are believed: `false` (or 0)
 * none, `true` one, a number that many. The client address is the one the outermost trusted proxy saw; whatever a
 * client wrote further left in `X-Forwarded-For` is ignored, so it cannot dodge the per-address limits.
 */
const proxyHops = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(true|false|yes|no|\d{1,2})$/, 'must be false, true (one proxy) or the number of proxies in front')
  .transform((value) => {
    if (value === 'true' || value === 'yes') return 1;
    if (value === 'false' || value === 'no') return 0;
    return Number(value);
  });

const ZEnvironment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PRIVACYDESK_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  PRIVACYDESK_PREVIOUS_SECRET_KEYS: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('privacydesk <privacydesk@localhost>'),
  PUBLIC_URL: z.url().optional(),
  DEMO_DATA: booleanFlag.default(true),
  JOBS: booleanFlag.default(true),
  TRUST_PROXY: proxyHops.default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(60 * 24),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REQUEST_PROOF_DIFFICULTY: z.coerce.number().int().min(0).max(28).default(16),
  FILES_CONNECTOR_ROOTS: z
    .string()
    .default('')
    .refine(
      (value) =>
        value
          .split(',')
          .map((root) => root.trim())
          .filter(Boolean)
          .every((root) => path.isAbsolute(root)),
      'must be a comma-separated list of absolute paths',
    ),
});

export type TConfig = ReturnType<typeof toConfig>;

function toConfig(env: z.output<typeof ZEnvironment>) {
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    secretKey: env.PRIVACYDESK_SECRET_KEY,
    previousSecretKeys: (env.PRIVACYDESK_PREVIOUS_SECRET_KEYS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    publicUrl,
    isSecureCookie: publicUrl.startsWith('https://'),
    loadDemoData: env.DEMO_DATA,
    runJobs: env.JOBS,
    /** Number of trusted proxy hops (0: the socket's address is the client's). */
    trustProxyHops: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionMaxDays: env.SESSION_MAX_DAYS,
    /** Leading zero bits the public request page's proof of work needs (16 ≈ a second in a browser). */
    requestProofDifficulty: env.REQUEST_PROOF_DIFFICULTY,
    /** Directories a files connector may have its root in (none: files connectors cannot be added). */
    filesConnectorRoots: env.FILES_CONNECTOR_ROOTS.split(',')
      .map((root) => root.trim())
      .filter(Boolean)
      .map((root) => path.resolve(root)),
  };
}

export class ConfigError extends Error {}

/** Reads the environment into a typed config; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ZEnvironment.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data);
}
