import type { Command } from 'commander';
import * as audit from '../../modules/audit/service.ts';
import * as organisations from '../../modules/organisations/service.ts';
import { AppError } from '../../platform/errors.ts';
import { action } from '../command.ts';
import { EXIT } from '../output.ts';
import { withRuntime } from '../runtime.ts';

export function registerAuditCommands(program: Command): void {
  const group = program.command('audit').description('the audit trail');
  const verify = group
    .command('verify')
    .description('recompute the hash chains; exits 1 naming the first broken entry')
    .option('--org <slug>', 'only this organisation (default: every chain, including the instance chain)');
  verify.action(
    action(verify, async (output, options: { org?: string }) => {
      const result = await withRuntime(async ({ ctx }) => {
        const org = options.org ? await organisations.organisationByRef(ctx, options.org) : undefined;
        if (options.org && !org) throw new AppError('not_found', 'organisation_not_found');
        return audit.verifyAudit(ctx, org?.id);
      });
      const broken = result.firstBreak;
      const human = broken
        ? `Audit trail BROKEN at chain ${broken.chain}, entry #${broken.seq}${broken.entryId ? ` (id ${broken.entryId})` : ''}: ${broken.reason}. ${result.checkedEntries} entries verified before it.`
        : `Audit trail intact: ${result.checkedEntries} entries in ${result.chains} chains verified.`;
      output.result(result, human);
      return result.isIntact ? EXIT.ok : EXIT.checkFailed;
    }),
  );
}
