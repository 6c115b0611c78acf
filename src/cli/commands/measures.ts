import type { Command } from 'commander';
import { action, addLocaleOption } from '../command.ts';
import { inOrganisation } from '../in-organisation.ts';
import { EXIT, type Output } from '../output.ts';

/** `privacydesk measures findings --org <slug>`: what the inventory shows still needs a measure; exit 1 when any. */
export function registerMeasuresCommands(program: Command): void {
  const group = program.command('measures').description('the register of security measures (Art. 32 GDPR)');
  const findings = addLocaleOption(
    group
      .command('findings')
      .description(
        'the open findings of an organisation: systems without 2FA, unencrypted backups, backups on the platform ' +
          'of their primary, expired vendor certifications, overdue reviews (exit 1 when there are any)',
      )
      .requiredOption('--org <slug>', 'the organisation (slug or id)'),
  );
  findings.action(action(findings, findingsCommand));
}

async function findingsCommand(output: Output, options: { org: string }) {
  const measures = await import('../../modules/measures/service.ts');
  const result = await inOrganisation(output, options.org, ({ ctx, scope }) =>
    measures.getFindings(ctx, scope, output.locale),
  );
  const lines = [
    result.open.length === 0
      ? output.t('cli.measures.none')
      : output.t('cli.measures.open', { count: result.open.length }),
    ...result.open.map((finding) => `- ${finding.message}`),
    output.t('cli.measures.covered', { count: result.covered.length }),
  ];
  output.result(result, lines.join('\n'));
  return result.open.length === 0 ? EXIT.ok : EXIT.checkFailed;
}
