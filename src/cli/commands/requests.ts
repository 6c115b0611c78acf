import type { Command } from 'commander';
import type { TDiscovery } from '../../modules/requests/contract.ts';
import {
  extensionNoticeDue,
  type RequestDeadline,
  type RolledDay,
  requestDeadline,
  weekdayOf,
} from '../../modules/requests/deadline-rules.ts';
import { ZSubjectIdentity } from '../../modules/requests/identities.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import { TIME_ZONE } from '../../shared/dates.ts';
import { action, addLocaleOption } from '../command.ts';
import { inOrganisation } from '../in-organisation.ts';
import { EXIT, type Output, UsageError } from '../output.ts';

interface DeadlineOptions {
  received: string;
  extended?: boolean;
}

/** The deadline, or a usage error in the command's language when --received is neither a date nor an instant. */
function deadlineFor(output: Output, options: DeadlineOptions): RequestDeadline {
  try {
    return requestDeadline({ received: options.received, extended: options.extended === true });
  } catch (error) {
    if (error instanceof AppError && error.kind === 'invalid')
      throw new UsageError(output.t('cli.requests.deadline.invalidReceived', { value: options.received }));
    throw error;
  }
}

const weekdayName = (output: Output, date: string) => output.t(`cli.requests.weekday.${weekdayOf(date)}`);

/** "zaterdag" for a weekend day, "Koningsdag" for a holiday. */
function rolledDayName(output: Output, day: RolledDay): string {
  return day.holiday ? day.holiday.name[output.locale] : weekdayName(output, day.date);
}

/** How the date was found: "1 maand na ontvangst → 2026-02-28 (…); valt op zaterdag, dus de eerstvolgende werkdag". */
function methodText(output: Output, deadline: RequestDeadline): string {
  const key = 'cli.requests.deadline.method';
  let text = `${output.t(deadline.extended ? `${key}.extended` : `${key}.normal`)} → ${deadline.periodEnd}`;
  if (deadline.isLastDayOfShorterMonth)
    text += ` (${output.t(`${key}.lastDayOfMonth`, { day: Number(deadline.receivedOn.slice(8)) })})`;
  const [first] = deadline.rolledOver;
  if (first) {
    const rolledKey = first.holiday ? `${key}.rolledHoliday` : `${key}.rolledWeekend`;
    text += `; ${output.t(rolledKey, { day: rolledDayName(output, first) })}`;
  }
  return text;
}

function humanReport(output: Output, deadline: RequestDeadline, noticeDue: string): string {
  const key = 'cli.requests.deadline';
  const rolled = deadline.rolledOver.map((day) => `${day.date} ${rolledDayName(output, day)}`).join(', ');
  const lines = [
    output.t(`${key}.due`, { weekday: weekdayName(output, deadline.due), date: deadline.due }),
    output.t(`${key}.receivedOn`, { date: deadline.receivedOn, timeZone: TIME_ZONE }),
    output.t(`${key}.methodLine`, { method: methodText(output, deadline) }),
    rolled ? output.t(`${key}.rolledOver`, { days: rolled }) : output.t(`${key}.notRolled`),
  ];
  if (deadline.equatedDay) {
    const { date, kind, source } = deadline.equatedDay;
    lines.push(output.t(`${key}.equatedDay.${kind}`, { date, source }));
  }
  if (deadline.extended) lines.push(output.t(`${key}.extensionWasDue`, { date: noticeDue }));
  else lines.push(output.t(`${key}.extensionDue`, { date: noticeDue }));
  return lines.join('\n');
}

async function deadlineCommand(output: Output, options: DeadlineOptions) {
  const deadline = deadlineFor(output, options);
  const noticeDue = extensionNoticeDue({ received: options.received });
  const json = { received: options.received, timeZone: TIME_ZONE, ...deadline, extensionNoticeDue: noticeDue };
  output.result(json, humanReport(output, deadline, noticeDue));
  return EXIT.ok;
}

/** `privacydesk requests …`: data-subject requests. `deadline` needs no database. */
export function registerRequestsCommands(program: Command): void {
  const group = program.command('requests').description('data-subject requests (Art. 15–22 GDPR)');

  const deadline = addLocaleOption(
    group
      .command('deadline')
      .description(
        'the Art. 12(3) deadline of a request: 1 month after receipt (3 with --extended), moved past Saturdays, ' +
          'Sundays and Dutch public holidays (reference/deadlines.md)',
      )
      .requiredOption(
        '--received <date-or-timestamp>',
        'when the request was received: a date in Europe/Amsterdam (2026-01-31) or an ISO timestamp with Z or an ' +
          'offset (2026-01-30T23:30:00Z)',
      )
      .option('--extended', 'the deadline extended by two further months (3 months from receipt)'),
    'language of the output, nl or en (default: English)',
  );
  deadline.action(action(deadline, deadlineCommand));

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const discover = addLocaleOption(
    group
      .command('discover')
      .description(
        "find a person in every connector's record types of an organisation (e-mail, phone, name, customer number, " +
          'IBAN, BSN, in the forms stores hold them); lists the register systems to check by hand',
      )
      .requiredOption('--org <slug>', 'the organisation (slug or id)')
      .option('--email <address>', 'an e-mail address (repeatable)', collect)
      .option('--phone <number>', 'a phone number in any common form (repeatable)', collect)
      .option('--name <name>', 'a name as stores may hold it (repeatable)', collect)
      .option('--customer-number <number>', 'a customer number (repeatable)', collect)
      .option('--iban <iban>', 'an IBAN, with or without spaces (repeatable)', collect)
      .option('--bsn <bsn>', 'a BSN (repeatable)', collect),
  );
  discover.action(action(discover, discoverCommand));
}

interface DiscoverOptions {
  org: string;
  email?: string[];
  phone?: string[];
  name?: string[];
  customerNumber?: string[];
  iban?: string[];
  bsn?: string[];
}

async function discoverCommand(output: Output, options: DiscoverOptions) {
  const identity = parseInput(ZSubjectIdentity, {
    emails: options.email ?? [],
    phones: options.phone ?? [],
    names: options.name ?? [],
    customerNumbers: options.customerNumber ?? [],
    ibans: options.iban ?? [],
    bsns: options.bsn ?? [],
  });
  const requests = await import('../../modules/requests/service.ts');
  const discovery = await inOrganisation(output, options.org, ({ ctx, scope }) =>
    requests.discoverSubject(ctx, scope, identity),
  );
  output.result(discovery, discoveryReport(output, discovery));
  return EXIT.ok;
}

/** One line per record type with what was found (keys, never the values), then the systems to check by hand. */
function discoveryReport(output: Output, discovery: TDiscovery): string {
  const lines = [output.t('cli.requests.discover.total', { count: discovery.totalFound })];
  for (const connector of discovery.connectors) {
    for (const recordType of connector.recordTypes) {
      const where = `${connector.connectorName} / ${recordType.recordTypeName}`;
      if (recordType.error) {
        lines.push(`  ${where}: ${output.t('cli.requests.discover.failed', { detail: recordType.error.detail })}`);
        continue;
      }
      const keys = recordType.records.map((record) => record.key).join(', ');
      const more = recordType.isTruncated ? ' …' : '';
      lines.push(`  ${where}: ${recordType.found}${keys ? ` (${keys}${more})` : ''}`);
    }
  }
  if (discovery.manualChecks.length > 0) {
    lines.push(output.t('cli.requests.discover.manual'));
    for (const check of discovery.manualChecks) lines.push(`  - ${check.system.name}`);
  }
  return lines.join('\n');
}
