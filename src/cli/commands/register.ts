import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import type { TOrganisation } from '../../modules/organisations/contract.ts';
import * as organisations from '../../modules/organisations/service.ts';
import type { TCompletenessItem, TRegisterCompleteness } from '../../modules/register/contract.ts';
import * as register from '../../modules/register/service.ts';
import { AppError } from '../../platform/errors.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import { type Locale, translate } from '../../platform/i18n/index.ts';
import { action, addLocaleOption } from '../command.ts';
import { EXIT, type Output } from '../output.ts';
import { withRuntime } from '../runtime.ts';
import { serverClient, VIA_SERVER_HELP } from '../via-server.ts';

type CheckResult = TRegisterCompleteness & { org: { id: string; slug: string; name: string } };

/** One line per item needing attention, saying whether Art. 30 requires it or privacydesk checks it besides. */
function itemLines(items: TCompletenessItem[], locale: Locale): string[] {
  return items
    .filter((item) => item.status !== 'complete')
    .map((item) => {
      const status = translate(locale, `register.check.${item.status}`);
      const basis = translate(locale, `register.check.basis_${item.basis}`);
      return `  - [${status}, ${basis}] ${item.message} (art. ${item.article})`;
    });
}

/** The report a person reads: the verdict, then what is missing or warned about, per activity. */
function humanReport(result: CheckResult, locale: Locale): string {
  const { summary } = result;
  const counted = (noun: 'missing' | 'warnings' | 'activities', count: number) =>
    translate(locale, `register.check.count.${noun}_${count === 1 ? 'one' : 'other'}`, { count });
  const verdict = translate(locale, summary.isComplete ? 'register.check.complete' : 'register.check.incomplete', {
    organisation: result.org.name,
    activities: counted('activities', summary.activities),
    complete: summary.completeActivities,
    missing: counted('missing', summary.missing),
    warnings: counted('warnings', summary.warnings),
  });
  const lines = [verdict];
  const organisationLines = itemLines(result.organisation, locale);
  if (organisationLines.length > 0)
    lines.push(`${translate(locale, 'register.check.organisation')}:`, ...organisationLines);
  for (const entry of result.activities) {
    const activityLines = itemLines(entry.items, locale);
    if (activityLines.length > 0) lines.push(`${entry.activity.name}:`, ...activityLines);
  }
  return lines.join('\n');
}

/** The check on this process's own connection to the database. */
function checkInProcess(output: Output, orgRef: string): Promise<CheckResult> {
  return withRuntime(async ({ ctx }) => {
    const org = await organisations.organisationByRef(ctx, orgRef);
    if (!org) throw new AppError('not_found', 'organisation_not_found');
    output.adoptOrganisationLocale(org.defaultLocale);
    const scope: OrgScope = { orgId: org.id, role: 'viewer', actor: { type: 'system', id: 'cli' } };
    const completeness = await register.getRegisterCompleteness(ctx, scope, output.locale, { items: 'problems' });
    return { org: { id: org.id, slug: org.slug, name: org.name }, ...completeness };
  });
}

/** The same check, asked of the running server (getRegisterCompleteness). */
async function checkViaServer(output: Output, orgRef: string): Promise<CheckResult> {
  const server = serverClient(loadConfig(), output);
  const base = `/api/orgs/${encodeURIComponent(orgRef)}`;
  const org = await server.getJson<TOrganisation>(base);
  output.adoptOrganisationLocale(org.defaultLocale);
  const completeness = await server.getJson<TRegisterCompleteness>(`${base}/register/completeness?items=problems`);
  return { org: { id: org.id, slug: org.slug, name: org.name }, ...completeness };
}

export function registerRegisterCommands(program: Command): void {
  const group = program.command('register').description('the register of processing activities (Art. 30)');
  const check = addLocaleOption(
    group
      .command('check')
      .description('check the register item by item; exits 1 listing what is missing, 0 when complete')
      .requiredOption('--org <slug>', 'the organisation (slug or id)')
      .option('--via-server', VIA_SERVER_HELP),
  );
  check.action(
    action(check, async (output, options: { org: string; viaServer?: boolean }) => {
      const result = options.viaServer
        ? await checkViaServer(output, options.org)
        : await checkInProcess(output, options.org);
      output.result(result, humanReport(result, output.locale));
      return result.summary.isComplete ? EXIT.ok : EXIT.checkFailed;
    }),
  );
}
