import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.ts';
import { EXIT } from '../output.ts';

// `breaches triage` needs no database: the real command as a child process, on facts files in a temp directory.
const dir = mkdtempSync(path.join(tmpdir(), 'privacydesk-triage-'));
const factsFile = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
const triage = (...args: string[]) => runCli(['breaches', 'triage', ...args], {});

// EDPB Guidelines 01/2021, case 07 (credential stuffing on a bank's website): notify the AP and the people.
const CASE_07 = {
  dataCategories: ['financial', 'credentials', 'basicIdentity'],
  peopleAffected: 2000,
  breachKinds: ['confidentiality'],
  confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
  maliciousIntent: true,
  easeOfIdentification: 'full',
};

describe('privacydesk breaches triage', { timeout: 60_000 }, () => {
  it('prints notifyAuthority, notifySubjects and the reasons as JSON', async () => {
    const result = await triage('--facts', factsFile('case07.json', JSON.stringify(CASE_07)), '--json');
    expect(result.code).toBe(EXIT.ok);
    expect(result.json).toMatchObject({ notifyAuthority: true, notifySubjects: true, severity: 'veryHigh' });
    expect(result.json.reasonTexts.length).toBeGreaterThan(2);
  });

  it('says it in Dutch with --locale nl, as a recommendation', async () => {
    const result = await triage('--facts', factsFile('case07-nl.json', JSON.stringify(CASE_07)), '--locale', 'nl');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('Melden bij de Autoriteit Persoonsgegevens: ja');
    expect(result.stdout).toContain('Ernst: zeer hoog');
    expect(result.stdout).toContain('u beslist');
  });

  it('refuses a missing file and impossible facts with exit code 2', async () => {
    const missing = await triage('--facts', path.join(dir, 'bestaat-niet.json'));
    expect(missing.code).toBe(EXIT.badInput);
    expect(missing.stderr).toContain('Cannot read');
    const negative = await triage(
      '--facts',
      factsFile('negatief.json', JSON.stringify({ ...CASE_07, peopleAffected: -3 })),
    );
    expect(negative.code).toBe(EXIT.badInput);
    expect(negative.stderr).toContain('peopleAffected');
    expect(negative.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
