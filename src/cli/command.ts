import type { Command } from 'commander';
import { createOutput, EXIT, type Output, reportFailure } from './output.ts';

/**
 * Wraps a command's action: builds the output for --json, runs it, and turns the outcome into an exit code.
 * The action returns the exit code it wants (a check that found problems returns EXIT.checkFailed).
 */
export function action<A extends unknown[]>(
  command: Command,
  run: (output: Output, ...args: A) => Promise<number | undefined>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const output = createOutput(Boolean(command.optsWithGlobals().json));
    let exitCode: number = EXIT.ok;
    try {
      exitCode = (await run(output, ...args)) ?? EXIT.ok;
    } catch (error) {
      exitCode = reportFailure(output, error);
    }
    process.exitCode = exitCode;
  };
}
