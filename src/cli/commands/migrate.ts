import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../runtime.ts';
import { action, addLocaleOption } from '../command.ts';

export function registerMigrateCommand(program: Command): void {
  const command = addLocaleOption(
    program.command('migrate').description('apply the database migrations (the server also does this on start)'),
  );
  command.action(
    action(command, async (output) => {
      const config = loadConfig();
      const database = await openDatabase(config, output.command);
      await database.close();
      output.result(
        { migrated: true, engine: database.engine },
        output.t('cli.done.migrated', { engine: database.engine }),
      );
      return 0;
    }),
  );
}
