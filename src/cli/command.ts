import { type Command, Option } from 'commander';
import { isLocale, LOCALES, type Locale } from '../platform/i18n/index.ts';
import { createOutput, EXIT, type Output, reportFailure } from './output.ts';
import { useCommandName } from './runtime.ts';

/** `register export` for the export command: its path below the program. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent) names.unshift(current.name());
  return names.join(' ');
}

/** The language the caller asked for with --locale (a default value is not asking). */
function explicitLocale(command: Command): Locale | undefined {
  if (command.getOptionValueSource('locale') !== 'cli') return undefined;
  const locale = command.opts().locale;
  return isLocale(locale) ? locale : undefined;
}

/**
 * Wraps a command's action: builds the output for --json and in the caller's language, runs it, and turns the
 * outcome into an exit code. The action returns the exit code it wants (a check that found problems returns
 * EXIT.checkFailed).
 */
export function action<A extends unknown[]>(
  command: Command,
  run: (output: Output, ...args: A) => Promise<number | undefined>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const name = commandPath(command);
    useCommandName(name);
    const output = createOutput({
      isJson: Boolean(command.optsWithGlobals().json),
      locale: explicitLocale(command),
      command: name,
    });
    let exitCode: number = EXIT.ok;
    try {
      exitCode = (await run(output, ...args)) ?? EXIT.ok;
    } catch (error) {
      exitCode = reportFailure(output, error);
    }
    process.exitCode = exitCode;
  };
}

export const LOCALE_HELP =
  "language of the messages, nl or en (default: the organisation's language; English when the command names none)";

/** The --locale every command takes: the language it answers in. */
export function addLocaleOption(command: Command, description = LOCALE_HELP, defaultValue?: Locale): Command {
  const option = new Option('--locale <nl|en>', description).choices(LOCALES);
  return command.addOption(defaultValue ? option.default(defaultValue) : option);
}
