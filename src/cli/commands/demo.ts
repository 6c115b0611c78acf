import type { Command } from 'commander';
import { ensureDemoData } from '../../demo/load-demo.ts';
import { action } from '../command.ts';
import { withRuntime } from '../runtime.ts';

export function registerDemoCommands(program: Command): void {
  const group = program.command('demo').description('demo data');
  const load = group
    .command('load')
    .description('load the demo organisations and the demo account (once; never on a production database)');
  load.action(
    action(load, async (output) => {
      const result = await withRuntime(({ ctx }) => ensureDemoData(ctx));
      output.result(
        result,
        result.isNew
          ? `Demo data loaded. Sign in as ${result.email} / ${result.password}`
          : `Demo data was already there. Sign in as ${result.email} / ${result.password}`,
      );
      return 0;
    }),
  );
}
