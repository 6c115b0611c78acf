import { describe, expect, it } from 'vitest';
import countries from '../../reference/countries.json' with { type: 'json' };
import { classifyDestination, needsSafeguard } from './transfer-check.ts';

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
