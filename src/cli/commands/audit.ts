import type { Command } from 'commander';
import * as audit from '../../modules/audit/service.ts';
import * as organisations from '../../modules/organisations/service.ts';
import { AppError } from '../../platform/errors.ts';
import { action, addLocaleOption } from '../command.ts';
import { EXIT, type Output } from '../output.ts';
import { withRuntime } from '../runtime.ts';

type Verification = Awaited<ReturnType<typeof audit.verifyAudit>>;

function humanVerdict(output: Output, result: Verification): string {
  const broken = result.firstBreak;
  if (!broken) return output.t('cli.done.auditIntact', { entries: result.checkedEntries, chains: result.chains });
  return output.t('cli.done.auditBroken', {
    chain: broken.chain,
    seq: broken.seq,
    entry: broken.entryId ? output.t('cli.done.auditEntryId', { id: broken.entryId }) : '',
    reason: broken.reason,
    entries: result.checkedEntries,
  });
}

export function registerAuditCommands(program: Command): void {
  const group = program.command('audit').description('the audit trail');
  const verify = addLocaleOption(
    group
      .command('verify')
      .description('recompute the hash chains; exits 1 naming the first broken entry')
      .option('--org <slug>', 'only this organisation (default: every chain, including the instance chain)'),
  );
  verify.action(
    action(verify, async (output, options: { org?: string }) => {
      const result = await withRuntime(async ({ ctx }) => {
        const org = options.org ? await organisations.organisationByRef(ctx, options.org) : undefined;
        if (options.org && !org) throw new AppError('not_found', 'organisation_not_found');
        if (org) output.adoptOrganisationLocale(org.defaultLocale);
        return audit.verifyAudit(ctx, org?.id);
      });
      output.result(result, humanVerdict(output, result));
      return result.isIntact ? EXIT.ok : EXIT.checkFailed;
    }),
  );
}
