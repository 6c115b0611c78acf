import { describe, expect, it } from 'vitest';
import { type DestinationFacts, transferFindings, unlinkedVendorFindings } from './transfer-rules.ts';

const TODAY = '2026-11-23';
const destination = (overrides: Partial<DestinationFacts>): DestinationFacts => ({
  label: 'Offsite back-up van Mail',
  country: 'IN',
  kind: 'storage',
  safeguard: null,
  safeguardDetails: '',
  transferImpactAssessment: null,
  dpf: null,
  isHrData: false,
  scopeAnswer: 'unanswered',
  ...overrides,
});
const findings = (destinations: DestinationFacts[]) =>
  transferFindings('30.1.e', '30(1)(e)', 'Klantenservice', destinations, TODAY).map((item) => [item.status, item.code]);

describe('transferFindings (Art. 30(1)(e) with Chapter V)', () => {
  it('a derogation for a storage location is a warning, never "covered"', () => {
    const backup = destination({ safeguard: 'derogation', safeguardDetails: 'Art. 49(1)(a) toestemming' });
    expect(findings([backup])).toEqual([['warning', 'transfer_derogation_not_occasional']]);
  });

  it('SCCs without a TIA are a warning; with one, the transfer is covered', () => {
    expect(findings([destination({ safeguard: 'scc' })])).toEqual([['warning', 'transfer_tia_missing']]);
    const assessed = destination({
      safeguard: 'scc',
      transferImpactAssessment: { assessedOn: '2026-01-10', reference: 'TIA 2026-01' },
    });
    expect(findings([assessed])).toEqual([['complete', 'transfers_covered']]);
  });

  it('an unanswered scope question (Canada) is a warning; answered within scope it is covered', () => {
    expect(findings([destination({ country: 'CA' })])).toEqual([['warning', 'transfer_scope_unconfirmed']]);
    expect(findings([destination({ country: 'CA', scopeAnswer: 'within_scope' })])).toEqual([
      ['complete', 'transfers_covered'],
    ]);
    expect(findings([destination({ country: 'CA', scopeAnswer: 'outside_scope' })])).toEqual([
      ['missing', 'transfer_safeguard_missing'],
    ]);
  });

  it('a US vendor certified under the DPF without HR data in scope does not cover an HR activity', () => {
    const dpf = { isDpfCertified: true, dpfCertifiedSince: '2024-01-01', isDpfHrInScope: false };
    const us = destination({ country: 'US', kind: 'vendor', dpf });
    expect(findings([us])).toEqual([['complete', 'transfers_covered']]);
    expect(findings([{ ...us, isHrData: true }])).toEqual([['missing', 'transfer_dpf_hr_not_in_scope']]);
    expect(findings([{ ...us, isHrData: true, dpf: { ...dpf, isDpfHrInScope: true } }])).toEqual([
      ['complete', 'transfers_covered'],
    ]);
  });

  it('judges the DPF on the day: a vendor certified later did not cover the transfer before', () => {
    const us = destination({
      country: 'US',
      kind: 'vendor',
      dpf: { isDpfCertified: true, dpfCertifiedSince: '2027-01-01', isDpfHrInScope: true },
    });
    expect(findings([us])).toEqual([['missing', 'transfer_safeguard_missing']]);
  });

  it('a DPF flag without a date is a finding to fix', () => {
    const us = destination({
      country: 'US',
      kind: 'vendor',
      dpf: { isDpfCertified: true, dpfCertifiedSince: null, isDpfHrInScope: false },
    });
    expect(findings([us])).toEqual([['missing', 'transfer_dpf_undated']]);
  });
});

describe('unlinkedVendorFindings', () => {
  it('names each vendor holding data outside the EEA that no activity uses', () => {
    expect(unlinkedVendorFindings('30.1.e', '30(1)(e)', [{ name: 'PhishDrill Labs LLC', country: 'US' }])).toEqual([
      {
        itemId: '30.1.e',
        article: '30(1)(e)',
        status: 'warning',
        code: 'vendor_outside_eea_unlinked',
        params: { vendor: 'PhishDrill Labs LLC', country: 'US' },
      },
    ]);
  });
});
