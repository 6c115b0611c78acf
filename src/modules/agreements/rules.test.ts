import { describe, expect, it } from 'vitest';
import { gdprItems } from '../../reference/index.ts';
import {
  agreementErrors,
  checklistOf,
  coverage,
  effectiveStatus,
  missingItems,
  ownCounterparty,
  unknownChecklistIds,
} from './rules.ts';

const ITEMS = gdprItems.art28_3_processor_agreement;
const TODAY = '2026-11-23';

describe('the status people read', () => {
  it('derives expiring and expired from the end date of a signed agreement', () => {
    expect(effectiveStatus({ status: 'signed', endDate: null }, TODAY)).toBe('signed');
    expect(effectiveStatus({ status: 'signed', endDate: '2027-06-01' }, TODAY)).toBe('signed');
    expect(effectiveStatus({ status: 'signed', endDate: '2027-01-22' }, TODAY)).toBe('expiring');
    expect(effectiveStatus({ status: 'signed', endDate: '2027-01-23' }, TODAY)).toBe('signed');
    expect(effectiveStatus({ status: 'signed', endDate: TODAY }, TODAY)).toBe('expiring');
    expect(effectiveStatus({ status: 'signed', endDate: '2026-11-22' }, TODAY)).toBe('expired');
  });

  it('leaves other statuses as set, whatever the end date', () => {
    expect(effectiveStatus({ status: 'draft', endDate: '2020-01-01' }, TODAY)).toBe('draft');
    expect(effectiveStatus({ status: 'terminated', endDate: '2026-12-01' }, TODAY)).toBe('terminated');
  });
});

describe('the Art. 28(3) checklist', () => {
  it('has a line for every item of the reference list, in its order and the reader’s language', () => {
    const list = checklistOf(ITEMS, { b: { isPresent: true, reference: 'art. 5' } }, 'en');
    expect(list.map((item) => item.id)).toEqual(ITEMS.map((item) => item.id));
    expect(list.find((item) => item.id === 'b')).toEqual({
      id: 'b',
      text: ITEMS.find((item) => item.id === 'b')?.en,
      isPresent: true,
      reference: 'art. 5',
    });
    expect(checklistOf(ITEMS, {}, 'nl')[0]?.text).toBe(ITEMS[0]?.nl);
  });

  it('shows every item missing until it is ticked, so a new reference item is missing everywhere', () => {
    expect(missingItems(ITEMS, {})).toEqual(ITEMS.map((item) => item.id));
    const allButLast = Object.fromEntries(ITEMS.slice(0, -1).map((item) => [item.id, { isPresent: true }]));
    expect(missingItems(ITEMS, allButLast)).toEqual([ITEMS.at(-1)?.id]);
    expect(missingItems(ITEMS, { ...allButLast, [ITEMS.at(-1)?.id as string]: { isPresent: false } })).toHaveLength(1);
    const added = [...ITEMS, { id: 'new', nl: 'Nieuw', en: 'New' }];
    const all = Object.fromEntries(ITEMS.map((item) => [item.id, { isPresent: true }]));
    expect(missingItems(added, all)).toEqual(['new']);
  });

  it('knows the reference ids only', () => {
    expect(unknownChecklistIds(ITEMS, ['subject', 'a', 'z'])).toEqual(['z']);
  });
});

const facts: {
  direction: string;
  vendorId: string | null;
  clientOrgId: string | null;
  externalName: string;
  startDate: string | null;
  endDate: string | null;
  status: string;
  signedOn: string | null;
} = {
  direction: 'supplier',
  vendorId: 'v1',
  clientOrgId: null,
  externalName: '',
  startDate: null,
  endDate: null,
  status: 'draft',
  signedOn: null,
};

describe('an agreement’s own rules', () => {
  it('needs a counterparty that fits its direction', () => {
    expect(agreementErrors(facts)).toEqual([]);
    expect(agreementErrors({ ...facts, vendorId: null })).toEqual([
      { path: 'vendorId', code: 'agreement_counterparty_required' },
    ]);
    expect(agreementErrors({ ...facts, direction: 'client', vendorId: null, externalName: 'Klant BV' })).toEqual([]);
    expect(agreementErrors({ ...facts, direction: 'client' })).toEqual([
      { path: 'clientOrgId', code: 'agreement_counterparty_required' },
    ]);
  });

  it('keeps only the counterparty of its direction', () => {
    const all = { ...facts, clientOrgId: 'c1', externalName: 'Klant', externalContact: 'x' };
    expect(ownCounterparty(all)).toMatchObject({ vendorId: 'v1', clientOrgId: null, externalName: '' });
    expect(ownCounterparty({ ...all, direction: 'client' })).toMatchObject({
      vendorId: null,
      clientOrgId: 'c1',
      externalName: '',
    });
    expect(ownCounterparty({ ...all, direction: 'client', clientOrgId: null })).toMatchObject({
      vendorId: null,
      externalName: 'Klant',
    });
  });

  it('ends after it starts and is signed on a day', () => {
    expect(agreementErrors({ ...facts, startDate: '2026-01-01', endDate: '2025-12-31' })).toEqual([
      { path: 'endDate', code: 'agreement_end_before_start' },
    ]);
    expect(agreementErrors({ ...facts, status: 'signed' })).toEqual([
      { path: 'signedOn', code: 'agreement_signed_on_required' },
    ]);
  });
});

describe('coverage', () => {
  const agreement = (values: Partial<typeof facts> & { id: string; name: string }) => ({ ...facts, ...values });
  it('lists processors and clients without an agreement in force and agreements ending within 60 days', () => {
    const result = coverage({
      processors: [
        { id: 'v1', name: 'Hoster' },
        { id: 'v2', name: 'Boekhouder' },
        { id: 'v3', name: 'Mailer' },
      ],
      clients: [
        { id: 'c1', name: 'Klant A' },
        { id: 'c2', name: 'Klant B' },
      ],
      agreements: [
        agreement({ id: 'a1', name: 'Hoster', status: 'signed', signedOn: '2025-01-01', endDate: '2027-01-10' }),
        agreement({ id: 'a2', name: 'Boekhouder', vendorId: 'v2', status: 'signed', endDate: '2026-11-01' }),
        agreement({ id: 'a3', name: 'Mailer', vendorId: 'v3', status: 'draft' }),
        agreement({
          id: 'a4',
          name: 'Klant A',
          direction: 'client',
          vendorId: null,
          clientOrgId: 'c1',
          status: 'signed',
        }),
      ],
      today: TODAY,
    });
    expect(result.vendorsWithoutAgreement.map((vendor) => vendor.name)).toEqual(['Boekhouder', 'Mailer']);
    expect(result.clientsWithoutAgreement).toEqual([{ id: 'c2', name: 'Klant B' }]);
    expect(result.expiringSoon).toEqual([{ id: 'a1', name: 'Hoster', endDate: '2027-01-10' }]);
  });
});
