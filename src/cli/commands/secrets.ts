import type { Command } from 'commander';
import { rotateSecrets } from '../../platform/crypto/rotate.ts';
import { SEALED_COLUMNS } from '../../sealed-columns.ts';
import { action, addLocaleOption } from '../command.ts';
import { withRuntime } from '../runtime.ts';

export function registerSecretsCommands(program: Command): void {
  const group = program.command('secrets').description('the instance key that encrypts secrets at rest');
  const rotate = addLocaleOption(
    group
      .command('rotate')
      .description(
        're-encrypt every stored secret with the current PRIVACYDESK_SECRET_KEY (old keys in PRIVACYDESK_PREVIOUS_SECRET_KEYS)',
      ),
  );
  rotate.action(
    action(rotate, async (output) => {
      const result = await withRuntime(({ ctx }) => rotateSecrets(ctx.db, ctx.secrets, SEALED_COLUMNS));
      output.result(result, output.t('cli.done.secretsRotated', { count: result.resealed, keyId: result.keyId }));
      return 0;
    }),
  );
}
