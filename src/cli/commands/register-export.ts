import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import * as organisations from '../../modules/organisations/service.ts';
import { ZExportQuery } from '../../modules/register/contract.ts';
import * as registerIo from '../../modules/register-io/service.ts';
import { AppError } from '../../platform/errors.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import { parseInput } from '../../platform/validation.ts';
import { action } from '../command.ts';
import { exportProgressLine } from '../progress.ts';
import { withRuntime } from '../runtime.ts';

interface ExportOptions {
  org: string;
  format: string;
  locale?: string;
  entity?: string;
  out: string;
}

/** The `register` command group: the one `register check` created, or a new one when this runs first. */
function registerGroup(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'register') ??
    program.command('register').description('the register of processing activities (Art. 30)')
  );
}

/** Refuses an output path whose directory is missing or not writable, before anything is exported or audited. */
async function assertWritable(out: string): Promise<string> {
  const file = path.resolve(out);
  try {
    await access(path.dirname(file), constants.W_OK);
  } catch {
    throw new AppError('invalid', 'validation_failed', { fieldErrors: [{ path: 'out', code: 'path_not_writable' }] });
  }
  return file;
}

export function registerRegisterExportCommand(program: Command): void {
  const command = registerGroup(program)
    .command('export')
    .description(
      'write the register to a file: pdf (the Art. 30 document), xlsx, csv (one entity, or a ZIP of all) or json',
    )
    .requiredOption('--org <slug>', 'the organisation (slug or id)')
    .requiredOption('--format <pdf|xlsx|csv|json>', 'file format')
    .option('--locale <nl|en>', "language of the document (default: the organisation's)")
    .option(
      '--entity <entity>',
      'csv only: activities, systems, locations, vendors, data_categories or subject_categories',
    )
    .requiredOption('--out <path>', 'file to write (overwritten when it exists)');
  command.action(
    action(command, async (output, options: ExportOptions) => {
      const query = parseInput(ZExportQuery, {
        format: options.format,
        locale: options.locale,
        entity: options.entity,
      });
      const file = await assertWritable(options.out);
      const summary = await withRuntime(async ({ ctx }) => {
        const org = await organisations.organisationByRef(ctx, options.org);
        if (!org) throw new AppError('not_found', 'organisation_not_found');
        const scope: OrgScope = { orgId: org.id, role: 'viewer', actor: { type: 'system', id: 'cli' } };
        const locale = query.locale ?? (org.defaultLocale === 'en' ? 'en' : 'nl');
        const onProgress = output.isJson ? undefined : exportProgressLine();
        const exported = await registerIo.exportRegister(ctx, scope, query, locale, { onProgress });
        await writeFile(file, exported.body);
        return {
          org: { id: org.id, slug: org.slug, name: org.name },
          format: query.format,
          locale,
          entity: query.entity ?? null,
          file,
          bytes: exported.body.length,
          counts: exported.counts,
        };
      });
      const { counts } = summary;
      output.result(
        summary,
        `Exported the register of ${summary.org.name} (${counts.activities} activities, ${counts.systems} systems, ${counts.vendors} vendors) as ${summary.format} to ${file} (${summary.bytes} bytes).`,
      );
      return undefined;
    }),
  );
}
