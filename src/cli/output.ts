import { ConfigError } from '../config.ts';
import { SecretKeyMismatchError } from '../platform/crypto/key-check.ts';
import { DataDirectoryInUseError } from '../platform/db/data-dir-lock.ts';
import { AppError } from '../platform/errors.ts';
import { type Problem, toProblem } from '../platform/http/problem.ts';
import { type Locale, translate } from '../platform/i18n/index.ts';
import { inUseReport } from './in-use.ts';

/**
 * Exit codes: 0 done, 1 a check found a problem, 2 bad input, 3 the command failed, 4 the embedded database is in
 * use by another process (the running server): nothing was done.
 */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, failed: 3, databaseInUse: 4 } as const;

export interface Output {
  isJson: boolean;
  /** The language of what the command says: --locale, else the organisation's, else English. */
  readonly locale: Locale;
  /** The command being run, e.g. `register export`. */
  command: string;
  /** Speaks the organisation's language from now on, unless --locale chose one. */
  adoptOrganisationLocale(locale: string): void;
  /** A result: JSON as is, or the human text. */
  result(data: unknown, human: string): void;
  info(line: string): void;
  /** A message in the command's language. */
  t(key: string, params?: Record<string, unknown>): string;
}

export function createOutput(options: { isJson: boolean; locale?: Locale | undefined; command: string }): Output {
  const { isJson, command } = options;
  let locale: Locale = options.locale ?? 'en';
  return {
    isJson,
    command,
    get locale() {
      return locale;
    },
    adoptOrganisationLocale(organisationLocale) {
      if (!options.locale) locale = organisationLocale === 'nl' ? 'nl' : 'en';
    },
    result(data, human) {
      process.stdout.write(isJson ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
    },
    info(line) {
      if (!isJson) process.stderr.write(`${line}\n`);
    },
    t: (key, params) => translate(locale, key, params),
  };
}

/** Wrong use of the command, already said in the command's language (exit 2). */
export class UsageError extends Error {}

/** A problem another privacydesk process (the server, for --via-server) answered with. */
export class RemoteProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail);
    this.problem = problem;
  }
}

function reportProblem(output: Output, problem: Problem): number {
  if (output.isJson) process.stdout.write(`${JSON.stringify(problem, null, 2)}\n`);
  else {
    process.stderr.write(`${output.t('cli.error')}: ${problem.detail}\n`);
    for (const fieldError of problem.errors ?? [])
      process.stderr.write(`  ${fieldError.path}: ${fieldError.message}\n`);
  }
  return [400, 404, 409].includes(problem.status) ? EXIT.badInput : EXIT.failed;
}

/** Reports a failure the way the caller asked (JSON problem or a readable message) and picks the exit code. */
export function reportFailure(output: Output, error: unknown): number {
  if (error instanceof ConfigError || error instanceof SecretKeyMismatchError) {
    if (output.isJson)
      process.stdout.write(`${JSON.stringify({ code: 'invalid_configuration', detail: error.message })}\n`);
    process.stderr.write(`${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof DataDirectoryInUseError) {
    const report = inUseReport(output, error);
    if (output.isJson) process.stdout.write(`${JSON.stringify(report.json, null, 2)}\n`);
    process.stderr.write(`${output.t('cli.error')}: ${report.lines.join('\n')}\n`);
    return EXIT.databaseInUse;
  }
  if (error instanceof RemoteProblemError) return reportProblem(output, error.problem);
  if (error instanceof UsageError) {
    if (output.isJson) process.stdout.write(`${JSON.stringify({ code: 'usage', detail: error.message })}\n`);
    process.stderr.write(`${output.t('cli.error')}: ${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof AppError) return reportProblem(output, toProblem(error, output.locale, 'cli'));
  const message = error instanceof Error ? error.message : String(error);
  if (output.isJson) process.stdout.write(`${JSON.stringify({ code: 'internal_error', detail: message })}\n`);
  else process.stderr.write(`${output.t('cli.error')}: ${message}\n`);
  return EXIT.failed;
}
