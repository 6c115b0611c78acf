import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.ts';
import { EXIT } from '../output.ts';

// `requests deadline` needs no database: these run the real command as a child process with no DATA_DIR.
const deadline = (...args: string[]) => runCli(['requests', 'deadline', ...args], {});

describe('privacydesk requests deadline', { timeout: 60_000 }, () => {
  it('prints the due date, its weekday, the method and the days rolled over', async () => {
    const result = await deadline('--received', '2026-01-31');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('Due: Monday 2026-03-02');
    expect(result.stdout).toContain('1 month after receipt → 2026-02-28 (that month has no day 31, so its last day)');
    expect(result.stdout).toContain('falls on a Saturday, so the next working day');
    expect(result.stdout).toContain('Rolled over: 2026-02-28 Saturday, 2026-03-01 Sunday.');
  });

  it('speaks Dutch with --locale nl, naming the holiday it rolled over', async () => {
    const result = await deadline('--received', '2026-03-26', '--locale', 'nl');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('Uiterste datum: dinsdag 2026-04-28');
    expect(result.stdout).toContain('1 maand na ontvangst → 2026-04-26; valt op zondag, dus de eerstvolgende werkdag');
    expect(result.stdout).toContain('Doorgeschoven: 2026-04-26 zondag, 2026-04-27 Koningsdag.');
  });

  it('takes an ISO instant on its Amsterdam date and prints JSON with --json', async () => {
    const result = await deadline('--received', '2026-01-30T23:30:00Z', '--json');
    expect(result.code).toBe(EXIT.ok);
    expect(result.json).toMatchObject({
      received: '2026-01-30T23:30:00Z',
      receivedOn: '2026-01-31',
      extended: false,
      periodEnd: '2026-02-28',
      due: '2026-03-02',
      extensionNoticeDue: '2026-03-02',
    });
    expect(result.json.rolledOver.map((day: { date: string; reason: string }) => [day.date, day.reason])).toEqual([
      ['2026-02-28', 'saturday'],
      ['2026-03-01', 'sunday'],
    ]);
  });

  it('--extended counts three months from receipt in one step', async () => {
    const result = await deadline('--received', '2026-01-31', '--extended', '--json');
    expect(result.code).toBe(EXIT.ok);
    expect(result.json).toMatchObject({ extended: true, months: 3, periodEnd: '2026-04-30', due: '2026-04-30' });
  });

  it('says when the due date is a day Dutch law equates with a holiday (not rolled over)', async () => {
    const result = await deadline('--received', '2026-04-14', '--locale', 'nl');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('Uiterste datum: vrijdag 2026-05-15');
    expect(result.stdout).toContain('Let op: 2026-05-15 is een brugdag');
  });

  // Which strings are refused is the rules' test (deadline-rules.test.ts); here: how the command refuses one.
  it.each(['2026-02-30'])('rejects --received %s with exit 2 and a message, no stack trace', async (received) => {
    const result = await deadline('--received', received);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Error: Not a usable date or timestamp of receipt: "${received}"`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
