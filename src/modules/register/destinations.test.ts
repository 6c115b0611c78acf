import { describe, expect, it } from 'vitest';
import countries from '../../../reference/countries.json' with { type: 'json' };
import { isInForceOn } from '../../shared/locations.ts';
import { classifyDestination } from '../../shared/transfer-check.ts';
import {
  type LocationFacts,
  locationDestinations,
  transferDestination,
  type VendorFacts,
  vendorDestination,
} from './destinations.ts';

const vendor = (id: string, country: string, isDpfCertified = false): VendorFacts => ({
  id,
  name: `Vendor ${id}`,
  country,
  isDpfCertified,
  transferSafeguard: null,
  safeguardDetails: '',
});

const location = (overrides: Partial<LocationFacts>): LocationFacts => ({
  id: 'loc',
  systemId: 'mail',
  role: 'primary',
  country: 'NL',
  providerVendorId: null,
  since: '2018-01-01',
  until: null,
  transferSafeguard: null,
  safeguardDetails: '',
  ...overrides,
});

describe('location on a date', () => {
  it('counts since and until as inclusive calendar days', () => {
    const dated = { since: '2020-01-01', until: '2022-12-31' };
    expect(isInForceOn(dated, '2019-12-31')).toBe(false);
    expect(isInForceOn(dated, '2020-01-01')).toBe(true);
    expect(isInForceOn(dated, '2022-12-31')).toBe(true);
    expect(isInForceOn(dated, '2023-01-01')).toBe(false);
    expect(isInForceOn({ since: '2020-01-01', until: null }, '2099-01-01')).toBe(true);
  });
});

describe('locationDestinations', () => {
  const systems = [
    { id: 'mail', name: 'Mail', vendorId: 'us-host' },
    { id: 'crm', name: 'CRM', vendorId: null },
  ];
  const vendors = new Map([
    ['us-host', vendor('us-host', 'US', true)],
    ['backup-in', vendor('backup-in', 'IN')],
  ]);

  it('keeps only the locations in force that day, of the given systems', () => {
    const locations = [
      location({ id: 'old', country: 'US', until: '2025-12-31' }),
      location({ id: 'now', country: 'DE', since: '2026-01-01' }),
      location({ id: 'other', systemId: 'unknown' }),
    ];
    const found = locationDestinations(systems, locations, vendors, '2026-11-23');
    expect(found.map((destination) => destination.id)).toEqual(['now']);
    expect(found[0]).toMatchObject({ source: 'location', system: { id: 'mail', name: 'Mail' }, detail: 'primary' });
  });

  it('takes DPF certification from the provider of the copy, else from the system vendor', () => {
    const locations = [
      location({ id: 'own', country: 'US' }),
      location({
        id: 'offsite',
        country: 'IN',
        role: 'offsite_backup',
        providerVendorId: 'backup-in',
        transferSafeguard: 'scc',
      }),
      location({ id: 'crm', systemId: 'crm', country: 'US' }),
    ];
    const found = locationDestinations(systems, locations, vendors, '2026-11-23');
    const checks = found.map((destination) => [
      destination.id,
      destination.vendor?.id ?? null,
      classifyDestination(destination.country, { isDpfCertified: destination.isDpfCertified }).status,
      destination.safeguard,
    ]);
    expect(checks).toEqual([
      ['own', 'us-host', 'adequate', null],
      ['offsite', 'backup-in', 'safeguard-required', 'scc'],
      ['crm', null, 'safeguard-required', null],
    ]);
  });
});

describe('vendor and transfer destinations', () => {
  it('carry the safeguard and the references a person recognises', () => {
    expect(vendorDestination({ ...vendor('v', 'US'), transferSafeguard: 'scc' })).toMatchObject({
      source: 'vendor',
      country: 'US',
      safeguard: 'scc',
      vendor: { id: 'v', name: 'Vendor v' },
    });
    const transfer = { id: 't', country: 'IN', recipient: 'Support desk', safeguard: null, safeguardDetails: '' };
    expect(transferDestination({ id: 'a', name: 'Helpdesk' }, transfer)).toMatchObject({
      source: 'activity_transfer',
      activity: { id: 'a', name: 'Helpdesk' },
      detail: 'Support desk',
    });
  });

  it('agree with the reference file on the US: adequate only with DPF', () => {
    const us = countries.testCases.filter((testCase) => testCase.country === 'US');
    expect(us.length).toBeGreaterThan(0);
    for (const testCase of us) {
      const destination = vendorDestination(vendor('v', 'US', (testCase as { dpfCertified?: boolean }).dpfCertified));
      const check = classifyDestination(destination.country, { isDpfCertified: destination.isDpfCertified });
      expect(check.status).toBe(testCase.expect);
    }
  });
});
