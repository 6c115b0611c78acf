import type { Command } from 'commander';
import { rotateSecrets } from '../../platform/crypto/rotate.ts';
import { SEALED_COLUMNS } from '../../sealed-columns.ts';
import { action } from '../command.ts';
import { withRuntime } from '../runtime.ts';

export function registerSecretsCommands(program: Command): void {
  const group = program.command('secrets').description('the instance key that encrypts secrets at rest');
  const rotate = group
    .command('rotate')
    .description(
      're-encrypt every stored secret with the current PRIVACYDESK_SECRET_KEY (old keys in PRIVACYDESK_PREVIOUS_SECRET_KEYS)',
    );
  rotate.action(
    action(rotate, async (output) => {
      const result = await withRuntime(({ ctx }) => rotateSecrets(ctx.db, ctx.secrets, SEALED_COLUMNS));
      output.result(result, `Re-encrypted ${result.resealed} secrets with key ${result.keyId}.`);
      return 0;
    }),
  );
}
