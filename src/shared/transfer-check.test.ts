import { describe, expect, it } from 'vitest';
import countries from '../../reference/countries.json' with { type: 'json' };
import {
  classifyDestination,
  hasScopeQuestion,
  isCoveredVerdict,
  isDpfCertifiedOn,
  isEeaCountry,
  judgeTransfer,
  needsSafeguard,
  SCOPE_QUESTION_COUNTRIES,
  type TransferFacts,
  transferStatusOf,
} from './transfer-check.ts';

describe('classifyDestination (reference/countries.json test cases)', () => {
  it.each(countries.testCases)('$country (DPF $dpfCertified) → $expect', (testCase) => {
    const check = classifyDestination(testCase.country, {
      isDpfCertified: (testCase as { dpfCertified?: boolean }).dpfCertified,
    });
    expect(check.status).toBe(testCase.expect);
  });

  it('normalises EL to GR and UK to GB, case-insensitively', () => {
    expect(classifyDestination('el').country).toBe('GR');
    expect(classifyDestination('uk').country).toBe('GB');
  });

  it('shows the scope note of a conditional decision', () => {
    expect(classifyDestination('CA').adequacy?.scope?.en).toMatch(/PIPEDA/);
  });

  it('judges a date before a decision, or after it expires, as needing a safeguard', () => {
    expect(classifyDestination('BR', { on: '2025-06-01' }).status).toBe('safeguard-required');
    expect(classifyDestination('BR', { on: '2026-02-01' }).status).toBe('adequate');
    expect(classifyDestination('GB', { on: '2032-01-01' }).status).toBe('safeguard-required');
    expect(classifyDestination('GB', { on: '2026-11-23' }).status).toBe('adequate');
  });

  it('asks for a safeguard only where one is required and none is recorded', () => {
    const india = classifyDestination('IN');
    expect(needsSafeguard(india, null)).toBe(true);
    expect(needsSafeguard(india, 'scc')).toBe(false);
    expect(needsSafeguard(classifyDestination('DE'), null)).toBe(false);
  });
});

describe('EU territories with an ISO code of their own (Art. 355 TFEU)', () => {
  const territories = countries.euTerritoriesWithOwnCode;

  it.each(Object.keys(territories.codes))('%s is inside the EU: no transfer', (code) => {
    expect(classifyDestination(code).status).toBe('eea');
    expect(isEeaCountry(code)).toBe(true);
  });

  it.each(territories.notEu)('%s (overseas country or territory) is outside the EU', (code) => {
    expect(classifyDestination(code).status).not.toBe('eea');
  });

  it('covers the outermost regions and Åland the issue names', () => {
    expect(Object.keys(territories.codes).sort()).toEqual(['AX', 'GF', 'GP', 'MF', 'MQ', 'RE', 'YT']);
  });
});

describe('adequacy decisions: dates and scopes (reference/countries.json)', () => {
  const dayBefore = (date: string) => {
    const day = new Date(`${date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 1);
    return day.toISOString().slice(0, 10);
  };

  it.each(countries.adequacy.map((decision) => [decision.code, decision] as const))(
    '%s: adequate from its decision day (through its expiry), not the day before',
    (_code, decision) => {
      const isDpfCertified = (decision as { requiresRecipientCertification?: boolean }).requiresRecipientCertification;
      const expires = (decision as { expires?: string }).expires;
      expect(classifyDestination(decision.code, { isDpfCertified, on: decision.decided }).status).toBe('adequate');
      expect(classifyDestination(decision.code, { isDpfCertified, on: dayBefore(decision.decided) }).status).toBe(
        'safeguard-required',
      );
      if (expires) {
        expect(classifyDestination(decision.code, { isDpfCertified, on: expires }).status).toBe('adequate');
        expect(
          classifyDestination(decision.code, { isDpfCertified, on: `${Number(expires.slice(0, 4)) + 1}-01-01` }).status,
        ).toBe('safeguard-required');
      }
    },
  );

  it('asks the scope question exactly for the decisions whose scope leaves recipients out: CA, IL, KR', () => {
    for (const code of SCOPE_QUESTION_COUNTRIES) {
      expect(countries.adequacy.find((decision) => decision.code === code)?.scope?.en).toBeTruthy();
    }
    const asked = countries.adequacy.filter((decision) => hasScopeQuestion(classifyDestination(decision.code)));
    expect(asked.map((decision) => decision.code).sort()).toEqual(['CA', 'IL', 'KR']);
  });

  const judge = (facts: Partial<TransferFacts> & { country: string }, on = '2026-11-23') =>
    judgeTransfer(
      {
        kind: 'vendor',
        isDpfCertified: false,
        safeguard: null,
        safeguardDetails: '',
        transferImpactAssessment: null,
        ...facts,
      },
      on,
    ).verdict;

  it.each(['CA', 'IL', 'KR'])(
    '%s: a warning until answered, adequate within scope, a safeguard outside it',
    (country) => {
      expect(judge({ country, scopeAnswer: 'unanswered' })).toBe('scope_unconfirmed');
      expect(judge({ country, scopeAnswer: 'within_scope' })).toBe('adequate');
      expect(judge({ country, scopeAnswer: 'outside_scope' })).toBe('safeguard_missing');
      const tia = { assessedOn: '2026-03-01', reference: 'TIA Canada' };
      expect(judge({ country, scopeAnswer: 'outside_scope', safeguard: 'scc', transferImpactAssessment: tia })).toBe(
        'covered',
      );
    },
  );

  it('does not ask the scope question for Japan, the UK or Brazil', () => {
    for (const country of ['JP', 'GB', 'BR']) expect(judge({ country, scopeAnswer: 'unanswered' })).toBe('adequate');
  });
});

describe('safeguards are not all equal', () => {
  const judge = (facts: Partial<TransferFacts>) =>
    judgeTransfer(
      {
        country: 'IN',
        kind: 'storage',
        isDpfCertified: false,
        safeguard: null,
        safeguardDetails: '',
        transferImpactAssessment: null,
        ...facts,
      },
      '2026-11-23',
    ).verdict;
  const tia = { assessedOn: '2026-02-01', reference: 'TIA-2026-02 in the contract folder' };

  it('accepts an Art. 49 derogation only for an occasional transfer, never for storage or a vendor', () => {
    const derogation = { safeguard: 'derogation', safeguardDetails: 'Art. 49(1)(b): performance of a contract' };
    expect(judge({ ...derogation, kind: 'storage' })).toBe('derogation_not_occasional');
    expect(judge({ ...derogation, kind: 'vendor' })).toBe('derogation_not_occasional');
    expect(judge({ ...derogation, kind: 'occasional' })).toBe('covered');
    expect(judge({ safeguard: 'derogation', kind: 'occasional' })).toBe('derogation_undocumented');
    expect(isCoveredVerdict('derogation_not_occasional')).toBe(false);
  });

  it('counts SCCs and BCRs as covered only with a transfer impact assessment', () => {
    expect(judge({ safeguard: 'scc' })).toBe('tia_missing');
    expect(judge({ safeguard: 'bcr' })).toBe('tia_missing');
    expect(judge({ safeguard: 'scc', transferImpactAssessment: tia })).toBe('covered');
    expect(judge({ safeguard: 'bcr', transferImpactAssessment: tia })).toBe('covered');
  });

  it('judges DPF certification on the day asked, and HR data only when in its scope', () => {
    const dpf = { isDpfCertified: true, dpfCertifiedSince: '2024-05-01', isDpfHrInScope: false };
    expect(isDpfCertifiedOn(dpf, '2024-04-30')).toBe(false);
    expect(isDpfCertifiedOn(dpf, '2024-05-01')).toBe(true);
    expect(isDpfCertifiedOn(dpf, '2026-11-23', true)).toBe(false);
    expect(isDpfCertifiedOn({ ...dpf, isDpfHrInScope: true }, '2026-11-23', true)).toBe(true);
    expect(isDpfCertifiedOn({ ...dpf, dpfCertifiedSince: null }, '2026-11-23')).toBe(false);
  });

  it('flags a US recipient whose DPF flag has no date, instead of dropping it', () => {
    expect(judge({ country: 'US', kind: 'vendor', isDpfUndated: true })).toBe('dpf_undated');
    expect(transferStatusOf('US', { isDpfUndated: true })).toMatchObject({
      needsSafeguard: true,
      verdict: 'dpf_undated',
    });
  });
});
