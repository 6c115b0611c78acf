import { ConfigError } from '../config.ts';
import { SecretKeyMismatchError } from '../platform/crypto/key-check.ts';
import { AppError } from '../platform/errors.ts';
import { toProblem } from '../platform/http/problem.ts';
import { type Locale, translate } from '../platform/i18n/index.ts';

/** Exit codes: 0 done, 1 a check found a problem, 2 bad input, 3 the command failed. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, failed: 3 } as const;

export interface Output {
  isJson: boolean;
  locale: Locale;
  /** A result: JSON as is, or the human text. */
  result(data: unknown, human: string): void;
  info(line: string): void;
}

export function createOutput(isJson: boolean): Output {
  const locale: Locale = (process.env.LC_ALL ?? process.env.LANG ?? '').startsWith('nl') ? 'nl' : 'en';
  return {
    isJson,
    locale,
    result(data, human) {
      process.stdout.write(isJson ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
    },
    info(line) {
      if (!isJson) process.stderr.write(`${line}\n`);
    },
  };
}

/** Reports a failure the way the caller asked (JSON problem or a readable message) and picks the exit code. */
export function reportFailure(output: Output, error: unknown): number {
  if (error instanceof ConfigError || error instanceof SecretKeyMismatchError) {
    if (output.isJson)
      process.stdout.write(`${JSON.stringify({ code: 'invalid_configuration', detail: error.message })}\n`);
    process.stderr.write(`${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof AppError) {
    const problem = toProblem(error, output.locale, 'cli');
    if (output.isJson) process.stdout.write(`${JSON.stringify(problem, null, 2)}\n`);
    else {
      process.stderr.write(`${translate(output.locale, 'cli.error')}: ${problem.detail}\n`);
      for (const fieldError of problem.errors ?? [])
        process.stderr.write(`  ${fieldError.path}: ${fieldError.message}\n`);
    }
    return error.kind === 'invalid' || error.kind === 'conflict' || error.kind === 'not_found'
      ? EXIT.badInput
      : EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (output.isJson) process.stdout.write(`${JSON.stringify({ code: 'internal_error', detail: message })}\n`);
  else process.stderr.write(`${translate(output.locale, 'cli.error')}: ${message}\n`);
  return EXIT.failed;
}
