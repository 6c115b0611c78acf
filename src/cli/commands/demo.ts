import type { Command } from 'commander';
import { ensureDemoData } from '../../demo/load-demo.ts';
import { action, addLocaleOption } from '../command.ts';
import { withRuntime } from '../runtime.ts';

export function registerDemoCommands(program: Command): void {
  const group = program.command('demo').description('demo data');
  const load = addLocaleOption(
    group
      .command('load')
      .description('load the demo organisations and the demo account (once; never on a production database)'),
  );
  load.action(
    action(load, async (output) => {
      const result = await withRuntime(({ ctx }) => ensureDemoData(ctx));
      const key = result.isNew ? 'cli.done.demoLoaded' : 'cli.done.demoPresent';
      output.result(result, output.t(key, { email: result.email, password: result.password }));
      return 0;
    }),
  );
}
