import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type TTriageResult, ZTriageFacts } from '../../modules/breaches/contract.ts';
import { renderTriageReasons, triageBreach } from '../../modules/breaches/triage-rules.ts';
import { parseInput } from '../../platform/validation.ts';
import { action, addLocaleOption } from '../command.ts';
import { EXIT, type Output, UsageError } from '../output.ts';

/** The facts file as JSON, or a usage error in the command's language. */
async function readFacts(output: Output, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(output.t('cli.breaches.triage.unreadable', { file }));
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(output.t('cli.breaches.triage.notJson', { file }));
  }
}

function triageReport(output: Output, result: TTriageResult): string {
  const yesNo = (value: boolean) => output.t(value ? 'cli.breaches.triage.yes' : 'cli.breaches.triage.no');
  return [
    output.t('cli.breaches.triage.authority', { answer: yesNo(result.notifyAuthority) }),
    output.t('cli.breaches.triage.subjects', { answer: yesNo(result.notifySubjects) }),
    output.t('cli.breaches.triage.severity', {
      severity: output.t(`breaches.triage.levels.${result.severity}`),
      score: result.score.total,
    }),
    ...renderTriageReasons(result.reasons, output.locale).map((reason) => `  - ${reason}`),
    output.t('cli.breaches.triage.decide'),
  ].join('\n');
}

/** `privacydesk breaches triage --facts <file.json>`: the recommendation, no database needed. */
async function triageCommand(output: Output, options: { facts: string }) {
  const facts = parseInput(ZTriageFacts, await readFacts(output, options.facts));
  const result = triageBreach(facts);
  const reasons = renderTriageReasons(result.reasons, output.locale);
  output.result({ ...result, reasonTexts: reasons }, triageReport(output, result));
  return EXIT.ok;
}

export function registerBreachesCommands(program: Command): void {
  const group = program.command('breaches').description('personal data breaches (Art. 33–34 GDPR)');
  const triage = addLocaleOption(
    group
      .command('triage')
      .description(
        'whether to notify the Autoriteit Persoonsgegevens and the people affected, from a facts file ' +
          '(docs/breach-triage.md, docs/breach-triage-facts.schema.json); prints notifyAuthority, notifySubjects and the reasons',
      )
      .requiredOption('--facts <file.json>', 'the facts of the breach as JSON'),
    'language of the output, nl or en (default: English)',
  );
  triage.action(action(triage, triageCommand));
}
