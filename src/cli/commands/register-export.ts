import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import type { TOrganisation } from '../../modules/organisations/contract.ts';
import * as organisations from '../../modules/organisations/service.ts';
import { type TExportQuery, ZExportQuery } from '../../modules/register/contract.ts';
import * as registerIo from '../../modules/register-io/service.ts';
import { AppError } from '../../platform/errors.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import { parseInput } from '../../platform/validation.ts';
import { action, addLocaleOption } from '../command.ts';
import type { Output } from '../output.ts';
import { exportProgressLine } from '../progress.ts';
import { withRuntime } from '../runtime.ts';
import { serverClient, VIA_SERVER_HELP } from '../via-server.ts';

interface ExportOptions {
  org: string;
  format: string;
  locale?: string;
  entity?: string;
  out: string;
  viaServer?: boolean;
}

interface ExportSummary {
  org: { id: string; slug: string; name: string };
  format: string;
  locale: Locale;
  entity: string | null;
  file: string;
  bytes: number;
  counts?: { activities: number; systems: number; vendors: number };
  viaServer?: string;
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

const organisationOf = (org: { id: string; slug: string; name: string }) => ({
  id: org.id,
  slug: org.slug,
  name: org.name,
});

/** The export on this process's own connection to the database. */
function exportInProcess(output: Output, orgRef: string, query: TExportQuery, file: string): Promise<ExportSummary> {
  return withRuntime(async ({ ctx }) => {
    const org = await organisations.organisationByRef(ctx, orgRef);
    if (!org) throw new AppError('not_found', 'organisation_not_found');
    output.adoptOrganisationLocale(org.defaultLocale);
    const scope: OrgScope = { orgId: org.id, role: 'viewer', actor: { type: 'system', id: 'cli' } };
    const locale = query.locale ?? (org.defaultLocale === 'en' ? 'en' : 'nl');
    const onProgress = output.isJson ? undefined : exportProgressLine();
    const exported = await registerIo.exportRegister(ctx, scope, query, locale, { onProgress });
    await writeFile(file, exported.body);
    const { format, entity } = query;
    return {
      org: organisationOf(org),
      format,
      locale,
      entity: entity ?? null,
      file,
      bytes: exported.body.length,
      counts: exported.counts,
    };
  });
}

/** The same export, made and audited by the running server (exportRegister). */
async function exportViaServer(
  output: Output,
  orgRef: string,
  query: TExportQuery,
  file: string,
): Promise<ExportSummary> {
  const server = serverClient(loadConfig(), output);
  const base = `/api/orgs/${encodeURIComponent(orgRef)}`;
  const org = await server.getJson<TOrganisation>(base);
  output.adoptOrganisationLocale(org.defaultLocale);
  const locale = query.locale ?? org.defaultLocale;
  const search = new URLSearchParams({
    format: query.format,
    locale,
    ...(query.entity ? { entity: query.entity } : {}),
  });
  const body = Buffer.from(await (await server.get(`${base}/register/export?${search}`)).arrayBuffer());
  await writeFile(file, body);
  const { format, entity } = query;
  return {
    org: organisationOf(org),
    format,
    locale,
    entity: entity ?? null,
    file,
    bytes: body.length,
    viaServer: server.url,
  };
}

function humanSummary(output: Output, summary: ExportSummary): string {
  const common = { organisation: summary.org.name, format: summary.format, file: summary.file, bytes: summary.bytes };
  if (summary.viaServer) return output.t('cli.done.exportedViaServer', { ...common, url: summary.viaServer });
  return output.t('cli.done.exported', { ...common, ...summary.counts });
}

export function registerRegisterExportCommand(program: Command): void {
  const command = registerGroup(program)
    .command('export')
    .description(
      'write the register to a file: pdf (the Art. 30 document), xlsx, csv (one entity, or a ZIP of all) or json',
    )
    .requiredOption('--org <slug>', 'the organisation (slug or id)')
    .requiredOption('--format <pdf|xlsx|csv|json>', 'file format')
    .option(
      '--entity <entity>',
      'csv only: activities, systems, locations, vendors, data_categories or subject_categories',
    )
    .requiredOption('--out <path>', 'file to write (overwritten when it exists)')
    .option('--via-server', VIA_SERVER_HELP);
  addLocaleOption(command, "language of the document and the messages (default: the organisation's)");
  command.action(
    action(command, async (output, options: ExportOptions) => {
      const query = parseInput(ZExportQuery, {
        format: options.format,
        locale: options.locale,
        entity: options.entity,
      });
      const file = await assertWritable(options.out);
      const summary = options.viaServer
        ? await exportViaServer(output, options.org, query, file)
        : await exportInProcess(output, options.org, query, file);
      output.result(summary, humanSummary(output, summary));
      return undefined;
    }),
  );
}
