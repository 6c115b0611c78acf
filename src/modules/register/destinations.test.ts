import { describe, expect, it } from 'vitest';
import countries from '../../../reference/countries.json' with { type: 'json' };
import { isInForceOn } from '../../shared/locations.ts';
import { classifyDestination, isDpfCertifiedOn } from '../../shared/transfer-check.ts';
import {
  type Destination,
  type LocationFacts,
  locationDestinations,
  onwardDestinations,
  transferDestination,
  type VendorFacts,
  vendorDestination,
  vendorsReached,
} from './destinations.ts';

const vendor = (
  id: string,
  country: string,
  isDpfCertified = false,
  extra: Partial<VendorFacts> = {},
): VendorFacts => ({
  id,
  name: `Vendor ${id}`,
  country,
  isDpfCertified,
  dpfCertifiedSince: isDpfCertified ? '2023-07-17' : null,
  isDpfHrInScope: false,
  transferSafeguard: null,
  safeguardDetails: '',
  tiaAssessedOn: null,
  tiaReference: null,
  parentVendorId: null,
  status: 'active',
  ...extra,
});

const statusOf = (destination: Destination, on = '2026-11-23') =>
  classifyDestination(destination.country, { isDpfCertified: isDpfCertifiedOn(destination.dpf, on), on }).status;

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
  tiaAssessedOn: null,
  tiaReference: null,
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
      statusOf(destination),
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
    const transfer = {
      id: 't',
      country: 'IN',
      recipient: 'Support desk',
      safeguard: 'scc',
      safeguardDetails: '',
      tiaAssessedOn: '2026-01-10',
      tiaReference: 'TIA support desk',
    };
    expect(transferDestination({ id: 'a', name: 'Helpdesk' }, transfer)).toMatchObject({
      source: 'activity_transfer',
      kind: 'occasional',
      transferImpactAssessment: { assessedOn: '2026-01-10', reference: 'TIA support desk' },
      activity: { id: 'a', name: 'Helpdesk' },
      detail: 'Support desk',
    });
  });

  it('agree with the reference file on the US: adequate only with DPF', () => {
    const us = countries.testCases.filter((testCase) => testCase.country === 'US');
    expect(us.length).toBeGreaterThan(0);
    for (const testCase of us) {
      const destination = vendorDestination(vendor('v', 'US', (testCase as { dpfCertified?: boolean }).dpfCertified));
      expect(statusOf(destination)).toBe(testCase.expect);
    }
  });
});

describe('onward transfers (Art. 44): sub-processors to any depth', () => {
  // A Dutch host → its Irish sub-processor → a US sub-sub-processor without DPF; a retired one is left out.
  const vendors = new Map(
    [
      vendor('nl-host', 'NL'),
      vendor('ie-sub', 'IE', false, { parentVendorId: 'nl-host' }),
      vendor('us-subsub', 'US', false, { parentVendorId: 'ie-sub' }),
      vendor('in-old', 'IN', false, { parentVendorId: 'nl-host', status: 'retired' }),
      vendor('unrelated', 'CN'),
    ].map((item) => [item.id, item]),
  );

  it('reaches the vendors of the systems, the providers of their copies and the recipients', () => {
    const systems = [{ id: 'mail', name: 'Mail', vendorId: 'nl-host' }];
    const locations = [location({ id: 'copy', providerVendorId: 'backup-de' })];
    expect([...vendorsReached(['recipient'], systems, locations, '2026-11-23')].sort()).toEqual([
      'backup-de',
      'nl-host',
      'recipient',
    ]);
  });

  it('follows the chain to the US sub-sub-processor, naming the vendor that engages each', () => {
    const found = onwardDestinations(new Set(['nl-host']), vendors);
    expect(found.map((destination) => [destination.vendor?.id, destination.via?.id, destination.country])).toEqual([
      ['ie-sub', 'nl-host', 'IE'],
      ['us-subsub', 'ie-sub', 'US'],
    ]);
    expect(statusOf(found[1] as Destination)).toBe('safeguard-required');
  });

  it('stops on a loop and does not repeat a vendor that is reached directly', () => {
    const looped = new Map(vendors);
    looped.set('nl-host', { ...(vendors.get('nl-host') as VendorFacts), parentVendorId: 'us-subsub' });
    const found = onwardDestinations(new Set(['nl-host', 'ie-sub']), looped);
    expect(found.map((destination) => destination.vendor?.id)).toEqual(['us-subsub']);
  });
});
