import { describe, expect, it } from 'vitest';
import countries from '../../../reference/countries.json' with { type: 'json' };
import {
  isCertificationExpired,
  isVendorInUse,
  lastDayInUse,
  settleRetirement,
  vendorTransfer,
  wouldCreateCycle,
} from './rules.ts';

const today = '2026-11-23';
type VendorFacts = Parameters<typeof vendorTransfer>[0];
const vendor = (overrides: Partial<VendorFacts> = {}): VendorFacts => ({
  country: 'NL',
  isDpfCertified: false,
  dpfCertifiedSince: null,
  isDpfHrInScope: false,
  transferSafeguard: null,
  safeguardDetails: '',
  tiaAssessedOn: null,
  tiaReference: null,
  status: 'active',
  retiredOn: null,
  ...overrides,
});
const certifiedSince = (dpfCertifiedSince: string) => ({ isDpfCertified: true, dpfCertifiedSince });

describe('isCertificationExpired', () => {
  it('counts the validUntil day itself as valid', () => {
    expect(isCertificationExpired('2026-11-23', today)).toBe(false);
    expect(isCertificationExpired('2026-11-22', today)).toBe(true);
    expect(isCertificationExpired('2027-01-01', today)).toBe(false);
  });

  it('never expires a certification without a date', () => {
    expect(isCertificationExpired(null, today)).toBe(false);
  });
});

describe('vendorTransfer (reference/countries.json test cases)', () => {
  it.each(countries.testCases)('$country (DPF $dpfCertified) → $expect', (testCase) => {
    const isCertified = (testCase as { dpfCertified?: boolean }).dpfCertified === true;
    const check = vendorTransfer(
      vendor({ country: testCase.country, ...(isCertified ? certifiedSince('2023-07-17') : {}) }),
      today,
    );
    expect(check.status).toBe(testCase.expect);
    expect(check.needsSafeguard).toBe(testCase.expect === 'safeguard-required');
  });

  it('stops asking for a safeguard once one is recorded; SCCs count as covered only with a TIA', () => {
    expect(vendorTransfer(vendor({ country: 'IN', transferSafeguard: 'scc' }), today)).toEqual({
      status: 'safeguard-required',
      needsSafeguard: false,
      adequacyScope: null,
      verdict: 'tia_missing',
    });
    const assessed = vendor({
      country: 'IN',
      transferSafeguard: 'scc',
      tiaAssessedOn: '2026-02-01',
      tiaReference: 'TIA India 2026',
    });
    expect(vendorTransfer(assessed, today).verdict).toBe('covered');
  });

  it('never counts an Art. 49 derogation as covering a vendor: it holds data lastingly', () => {
    const derogation = vendor({ country: 'IN', transferSafeguard: 'derogation', safeguardDetails: 'Art. 49(1)(a)' });
    expect(vendorTransfer(derogation, today)).toMatchObject({
      needsSafeguard: false,
      verdict: 'derogation_not_occasional',
    });
  });

  it('judges DPF certification on the day: before the vendor was certified a US transfer needed a safeguard', () => {
    const certified2025 = vendor({ country: 'US', ...certifiedSince('2025-06-01') });
    expect(vendorTransfer(certified2025, today).verdict).toBe('adequate');
    const retiredBefore = { ...certified2025, status: 'retired', retiredOn: '2025-01-31' };
    expect(vendorTransfer(retiredBefore, today)).toMatchObject({ needsSafeguard: true, verdict: 'safeguard_missing' });
  });

  it('keeps a DPF flag recorded before certifications were dated, as a finding to fix', () => {
    const undated = vendor({ country: 'US', isDpfCertified: true, dpfCertifiedSince: null });
    expect(vendorTransfer(undated, today)).toMatchObject({ needsSafeguard: true, verdict: 'dpf_undated' });
  });

  it('shows the DPF scope note for a US vendor without certification', () => {
    const check = vendorTransfer(vendor({ country: 'US' }), today);
    expect(check.needsSafeguard).toBe(true);
    expect(check.adequacyScope?.en).toMatch(/Data Privacy Framework/);
  });

  it('judges a retired vendor on its last day: a Brazilian one retired before the 2026 decision needed a safeguard', () => {
    const retiredEarly = vendor({ country: 'BR', status: 'retired', retiredOn: '2025-12-31' });
    expect(vendorTransfer(retiredEarly, today).status).toBe('safeguard-required');
    expect(vendorTransfer(vendor({ country: 'BR' }), today).status).toBe('adequate');
  });
});

describe('lastDayInUse', () => {
  it('is the retirement day for a retired vendor and today otherwise', () => {
    expect(lastDayInUse({ status: 'active', retiredOn: null }, today)).toBe(today);
    expect(lastDayInUse({ status: 'retired', retiredOn: '2024-05-01' }, today)).toBe('2024-05-01');
    expect(lastDayInUse({ status: 'retired', retiredOn: null }, today)).toBe(today);
  });
});

describe('isVendorInUse', () => {
  const unused = { systems: 0, locations: 0, activities: 0, subProcessors: 0 };
  it('counts every kind of reference', () => {
    expect(isVendorInUse(unused)).toBe(false);
    for (const key of Object.keys(unused) as (keyof typeof unused)[]) {
      expect(isVendorInUse({ ...unused, [key]: 1 })).toBe(true);
    }
  });
});

describe('settleRetirement', () => {
  const active = { status: 'active', retiredOn: null } as const;
  const retired = { status: 'retired', retiredOn: '2025-03-01' } as const;

  it('retires today when no day is given', () => {
    expect(settleRetirement(active, { status: 'retired' }, today)).toEqual({ status: 'retired', retiredOn: today });
    expect(settleRetirement(null, { status: 'retired', retiredOn: null }, today)).toEqual({
      status: 'retired',
      retiredOn: today,
    });
  });

  it('keeps a given day in the past, and refuses one in the future', () => {
    expect(settleRetirement(active, { status: 'retired', retiredOn: '2026-01-31' }, today)).toEqual({
      status: 'retired',
      retiredOn: '2026-01-31',
    });
    expect(settleRetirement(active, { status: 'retired', retiredOn: '2026-11-24' }, today)).toBe('date_in_future');
  });

  it('keeps the recorded day when other fields change, and lets it be corrected', () => {
    expect(settleRetirement(retired, {}, today)).toEqual(retired);
    expect(settleRetirement(retired, { retiredOn: '2025-02-01' }, today)).toEqual({
      status: 'retired',
      retiredOn: '2025-02-01',
    });
  });

  it('clears the day when a vendor becomes active again, and refuses a day on an active vendor', () => {
    expect(settleRetirement(retired, { status: 'active' }, today)).toEqual(active);
    expect(settleRetirement(active, { retiredOn: '2025-01-01' }, today)).toBe('retired_on_needs_retired_status');
    expect(settleRetirement(null, {}, today)).toEqual(active);
  });
});

describe('wouldCreateCycle', () => {
  // microsoft ← mailprovider ← backupco (backupco is a sub-processor of mailprovider, which is one of microsoft)
  const parentOf = new Map<string, string | null>([
    ['microsoft', null],
    ['mailprovider', 'microsoft'],
    ['backupco', 'mailprovider'],
    ['other', null],
  ]);

  it('refuses the vendor itself and any of its own sub-processors as its parent', () => {
    expect(wouldCreateCycle('microsoft', 'microsoft', parentOf)).toBe(true);
    expect(wouldCreateCycle('microsoft', 'backupco', parentOf)).toBe(true);
    expect(wouldCreateCycle('mailprovider', 'backupco', parentOf)).toBe(true);
  });

  it('allows any vendor outside its own chain', () => {
    expect(wouldCreateCycle('backupco', 'microsoft', parentOf)).toBe(false);
    expect(wouldCreateCycle('microsoft', 'other', parentOf)).toBe(false);
  });

  it('terminates on a loop that already exists in the data', () => {
    const looped = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(wouldCreateCycle('c', 'a', looped)).toBe(false);
  });
});
