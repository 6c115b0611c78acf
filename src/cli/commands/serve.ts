import type { Command } from 'commander';
import { serve } from '../../main.ts';
import { action } from '../command.ts';

export function registerServeCommand(program: Command): void {
  const command = program.command('serve').description('start the web server, the API and the background jobs');
  command.action(
    action(command, async () => {
      await serve();
      return new Promise<number>(() => {});
    }),
  );
}
