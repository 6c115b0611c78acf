import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { TPreview, TRun } from '../../modules/retention/contract.ts';
import type { TRetentionFile, TRetentionPlan } from '../../modules/retention/file-contract.ts';
import * as retention from '../../modules/retention/service.ts';
import {
  applyRetentionFile,
  checkRetentionFileNames,
  exportRetentionFile,
  MissingSecretsError,
  parseRetentionFile,
  planRetentionFile,
  UnknownNamesError,
} from '../../modules/retention/use-cases/retention-file.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import { action, addLocaleOption } from '../command.ts';
import { inOrganisation } from '../in-organisation.ts';
import { EXIT, type Output, UsageError } from '../output.ts';

/** A policy by its id or its name (case-insensitive). */
async function policyIdOf(ctx: AppContext, scope: OrgScope, idOrName: string): Promise<string> {
  const { items } = await retention.listPolicies(ctx, scope);
  const wanted = idOrName.trim().toLowerCase();
  const policy = items.find((item) => item.id === idOrName || item.name.trim().toLowerCase() === wanted);
  if (!policy) throw notFound('policy_not_found');
  return policy.id;
}

// ---------------------------------------------------------------------------------------------------------------
// export and apply
// ---------------------------------------------------------------------------------------------------------------

const fileText = (file: TRetentionFile) => `${JSON.stringify(file, null, 2)}\n`;

async function exportCommand(output: Output, options: { org: string; file?: string }) {
  const file = await inOrganisation(output, options.org, ({ ctx, scope, org }) =>
    exportRetentionFile(ctx, scope, org.slug),
  );
  if (!options.file) {
    process.stdout.write(fileText(file));
    return EXIT.ok;
  }
  const target = path.resolve(options.file);
  await writeFile(target, fileText(file));
  const counts = {
    connectors: file.connectors.length,
    recordTypes: file.recordTypes.length,
    policies: file.policies.length,
  };
  output.result({ file: target, ...counts }, output.t('cli.retention.exported', { file: target, ...counts }));
  return EXIT.ok;
}

const PLAN_LISTS = ['connectors', 'recordTypes', 'policies'] as const;

const shown = (value: unknown) => (value === undefined ? '–' : JSON.stringify(value));

/** The plan a person reads: one line per added or removed entry and per changed field. */
function planLines(output: Output, plan: TRetentionPlan): string[] {
  return PLAN_LISTS.flatMap((list) => {
    const label = output.t(`cli.retention.plan.${list}`);
    const changes = plan[list];
    return [
      ...changes.added.map((ref) => `  ${label}  + ${ref}`),
      ...changes.changed.flatMap(({ ref, changes: fields }) =>
        fields.map((field) => `  ${label}  ~ ${ref}  ${field.path}: ${shown(field.from)} → ${shown(field.to)}`),
      ),
      ...changes.removed.map((ref) => `  ${label}  - ${ref}`),
    ];
  });
}

const changeCount = (plan: TRetentionPlan) =>
  PLAN_LISTS.reduce(
    (sum, list) => sum + plan[list].added.length + plan[list].changed.length + plan[list].removed.length,
    0,
  );

async function readRetentionFile(output: Output, file: string): Promise<TRetentionFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(output.t('cli.retention.fileUnreadable', { file, reason }));
  }
  return parseRetentionFile(text);
}

/** Turns the file's unknown names and unset secrets into a usage error in the command's language. */
function explained(output: Output, error: unknown): unknown {
  if (error instanceof UnknownNamesError) {
    const lines = error.unknown.map((entry) => `  ${entry.path}: ${entry.name}`);
    return new UsageError([output.t('cli.retention.unknownNames'), ...lines].join('\n'));
  }
  if (error instanceof MissingSecretsError) {
    const lines = error.missing.map((entry) =>
      output.t('cli.retention.secretMissing', {
        connector: entry.connector,
        field: entry.field,
        variable: entry.variable,
      }),
    );
    return new UsageError([...lines, output.t('cli.retention.nothingChanged')].join('\n'));
  }
  return error;
}

interface ApplyOptions {
  org: string;
  file: string;
  yes?: boolean;
}

async function applyCommand(output: Output, options: ApplyOptions) {
  const desired = await readRetentionFile(output, options.file);
  const outcome = await inOrganisation(output, options.org, async ({ ctx, scope, org }) => {
    try {
      if (options.yes) {
        const { plan } = await applyRetentionFile(ctx, scope, org.slug, desired);
        return { org, plan, applied: plan.hasChanges };
      }
      await checkRetentionFileNames(ctx, scope, desired);
      return { org, plan: (await planRetentionFile(ctx, scope, org.slug, desired)).plan, applied: false };
    } catch (error) {
      throw explained(output, error);
    }
  });
  const { plan, applied } = outcome;
  const count = changeCount(plan);
  const verdict = !plan.hasChanges
    ? output.t('cli.retention.noChanges', { organisation: outcome.org.name })
    : applied
      ? output.t('cli.retention.applied', { organisation: outcome.org.name, count })
      : output.t('cli.retention.notApplied', { count });
  output.result({ ...plan, applied }, [...planLines(output, plan), verdict].join('\n'));
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------------------------------------
// preview and run
// ---------------------------------------------------------------------------------------------------------------

function previewReport(output: Output, preview: TPreview): string {
  const held = preview.matched - preview.toAct;
  const lines = [
    output.t('cli.retention.preview.counts', { matched: preview.matched, toAct: preview.toAct, held }),
    ...preview.held.map(
      (hold) => `  - ${output.t('cli.retention.preview.hold', { reason: hold.reason, count: hold.count })}`,
    ),
    `${output.t('cli.retention.preview.criteria')}: ${preview.criteria[output.locale]}`,
  ];
  if (preview.sample.length > 0) lines.push(`${output.t('cli.retention.preview.sample')}:`);
  for (const record of preview.sample) {
    const identity = Object.entries(record.identity)
      .map(([field, value]) => `${field}: ${value ?? '–'}`)
      .join(', ');
    lines.push(`  - ${record.timestamp ?? '–'}  ${identity}`);
  }
  return lines.join('\n');
}

async function previewCommand(output: Output, options: { org: string; policy: string }) {
  const preview = await inOrganisation(output, options.org, async ({ ctx, scope }) =>
    retention.computePreview(ctx, scope, await policyIdOf(ctx, scope, options.policy)),
  );
  output.result(preview, previewReport(output, preview));
  return EXIT.ok;
}

const BAR_WIDTH = 30;
/** Seconds between two progress lines when stderr is not a terminal (a log wants no line per poll). */
const LOG_EVERY_MS = 2000;
const POLL_MS = 250;

/** The run's progress on stderr while it works: a bar rewritten in place on a terminal, else a line now and then. */
function progressBar(output: Output, stream: NodeJS.WriteStream = process.stderr) {
  let lastLineAt = 0;
  let lastProcessed = -1;
  return {
    show(run: TRun) {
      if (output.isJson) return;
      const { processed, expected } = run.progress;
      const share = expected ? Math.min(1, processed / expected) : 0;
      const filled = Math.round(share * BAR_WIDTH);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${processed}/${expected ?? '?'}`;
      const line = output.t('cli.retention.run.progress', { bar });
      if (stream.isTTY) stream.write(`\r\x1b[2K${line}`);
      else if (processed !== lastProcessed && Date.now() - lastLineAt >= LOG_EVERY_MS) {
        stream.write(`${line}\n`);
        lastLineAt = Date.now();
      } else return;
      lastProcessed = processed;
    },
    end() {
      if (!output.isJson && stream.isTTY) stream.write('\n');
    },
  };
}

/** Executes a started run in this process, polling its progress for the bar until it ends. */
async function executeWithProgress(output: Output, ctx: AppContext, scope: OrgScope, runId: string): Promise<TRun> {
  const bar = progressBar(output);
  let isPolling = false;
  const timer = setInterval(() => {
    if (isPolling) return;
    isPolling = true;
    retention
      .getRun(ctx, scope, runId)
      .then((run) => bar.show(run))
      .catch(() => {})
      .finally(() => {
        isPolling = false;
      });
  }, POLL_MS);
  try {
    await retention.executeRun(ctx, runId);
  } finally {
    clearInterval(timer);
  }
  const run = await retention.getRun(ctx, scope, runId);
  bar.show(run);
  bar.end();
  return run;
}

const RUN_EXIT: Partial<Record<TRun['status'], number>> = {
  completed: EXIT.ok,
  paused_for_approval: EXIT.checkFailed,
};

function runReport(output: Output, run: TRun): string {
  const lines = [output.t(`cli.retention.run.status.${run.status}`), output.t('cli.retention.run.counts', run.counts)];
  if (run.error) lines.push(output.t('cli.retention.run.reason', { code: run.error.code, detail: run.error.detail }));
  return lines.join('\n');
}

async function runCommand(output: Output, options: { org: string; policy: string }) {
  const run = await inOrganisation(output, options.org, async ({ ctx, scope }) => {
    const policyId = await policyIdOf(ctx, scope, options.policy);
    const started = await retention.startRun(ctx, scope, policyId, 'cli');
    return executeWithProgress(output, ctx, scope, started.id);
  });
  if (run.status === 'completed') output.result(run, runReport(output, run));
  else {
    if (output.isJson) output.result(run, '');
    process.stderr.write(`${output.t('cli.error')}: ${runReport(output, run)}\n`);
  }
  return RUN_EXIT[run.status] ?? EXIT.failed;
}

// ---------------------------------------------------------------------------------------------------------------

const ORG_HELP = 'the organisation (slug or id)';
const POLICY_HELP = 'the policy (id or name)';

/** `privacydesk retention export|apply|preview|run`: retention as code, previews and runs, in this process. */
export function registerRetentionCommands(program: Command): void {
  const group = program.command('retention').description('retention policies enforced in the real stores');

  const exportRetention = addLocaleOption(
    group
      .command('export')
      .description("write the organisation's connectors (without secrets), record types and policies as one JSON file")
      .requiredOption('--org <slug>', ORG_HELP)
      .option('--file <path>', 'file to write (default: standard output)'),
  );
  exportRetention.action(action(exportRetention, exportCommand));

  const apply = addLocaleOption(
    group
      .command('apply')
      .description('show what a retention file changes (added, changed, removed); apply it with --yes')
      .requiredOption('--org <slug>', ORG_HELP)
      .requiredOption('--file <path>', 'the retention file (docs/retention-as-code.md)')
      .option('--yes', 'apply the plan (new and changed policies still need an approved preview to run)'),
  );
  apply.action(action(apply, applyCommand));

  const preview = addLocaleOption(
    group
      .command('preview')
      .description('what a policy would do now: counts, held records per hold, a masked sample and the criteria')
      .requiredOption('--org <slug>', ORG_HELP)
      .requiredOption('--policy <id-or-name>', POLICY_HELP),
  );
  preview.action(action(preview, previewCommand));

  const run = addLocaleOption(
    group
      .command('run')
      .description(
        'run an approved policy now, with a progress bar; exits 0 when completed, 1 when it stopped for a new ' +
          'approval, 3 when it failed',
      )
      .requiredOption('--org <slug>', ORG_HELP)
      .requiredOption('--policy <id-or-name>', POLICY_HELP),
  );
  run.action(action(run, runCommand));
}
