import type { Command } from 'commander';
import { ZCreateUserRequest } from '../../modules/identity/contract.ts';
import * as identity from '../../modules/identity/service.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { parseInput } from '../../platform/validation.ts';
import { action, addLocaleOption } from '../command.ts';
import { withRuntime } from '../runtime.ts';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage accounts');
  const create = user.command('create');
  create
    .description(
      'create an account (the first one on a fresh installation becomes its first owner via `org create --owner`)',
    )
    .requiredOption('--email <email>', 'e-mail address (also the sign-in name)')
    .requiredOption('--name <name>', 'full name')
    .option('--password <password>', 'password (or set PRIVACYDESK_PASSWORD, which keeps it out of the shell history)');
  addLocaleOption(create, 'language of the account, and of the messages when given', 'nl');
  create.action(
    action(create, async (output, options: { email: string; name: string; password?: string; locale: string }) => {
      const input = parseInput(ZCreateUserRequest, {
        email: options.email,
        name: options.name,
        password: options.password ?? process.env.PRIVACYDESK_PASSWORD,
        locale: options.locale,
      });
      const created = await withRuntime(({ ctx }) =>
        inTransaction(ctx.db, (tx) => identity.createUser(ctx, tx, input, { type: 'system', id: 'cli' })),
      );
      const presented = identity.presentUser(created);
      output.result(presented, output.t('cli.done.userCreated', { email: presented.email, id: presented.id }));
      return 0;
    }),
  );
}
