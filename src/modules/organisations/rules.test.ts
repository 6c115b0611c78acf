import { describe, expect, it } from 'vitest';
import { ZSlug } from './contract.ts';
import {
  invitationStatus,
  keepsAnOwner,
  nextFreeSlug,
  organisationProblems,
  postcodeForStorage,
  slugFromName,
} from './rules.ts';

describe('slugFromName', () => {
  it.each([
    ['Bakkerij Één & Zn.', 'bakkerij-een-zn'],
    ['  ICT Beheer  Amersfoort B.V. ', 'ict-beheer-amersfoort-b-v'],
    ['Café Ødegård', 'cafe-degard'],
    ['AB', 'org-ab'],
    ['X', 'org-x'],
    ['!!!', 'org'],
    ['Een heel erg lange naam van een organisatie die niet ophoudt', 'een-heel-erg-lange-naam-van-een-organisa'],
    ['Naam met streepje aan het eind van veertig-', 'naam-met-streepje-aan-het-eind-van-veert'],
    ['abcdefghij abcdefghij abcdefghij abcdefghi-x', 'abcdefghij-abcdefghij-abcdefghij-abcdefg'],
    ['abcdefghij abcdefghij abcdefghij abcdefg -x', 'abcdefghij-abcdefghij-abcdefghij-abcdefg'],
  ])('%s → %s', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it('always yields a slug the contract accepts', () => {
    const names = ['Één', '-', 'a-', '12', 'Zorg & Welzijn', 'x'.repeat(300), '---abc---', 'Ωmega'];
    for (const name of names) {
      expect(ZSlug.safeParse(slugFromName(name)).success, `slug of "${name}"`).toBe(true);
    }
  });
});

describe('nextFreeSlug', () => {
  it('takes the base when free, else the first free numbered variant', () => {
    expect(nextFreeSlug('bakkerij', new Set())).toBe('bakkerij');
    expect(nextFreeSlug('bakkerij', new Set(['bakkerij']))).toBe('bakkerij-2');
    expect(nextFreeSlug('bakkerij', new Set(['bakkerij', 'bakkerij-2', 'bakkerij-4']))).toBe('bakkerij-3');
  });
});

describe('organisationProblems', () => {
  const valid = { country: 'NL', postcode: '3811 AB', isController: true, isProcessor: false };

  it('accepts a Dutch address with a valid postcode, and no postcode at all', () => {
    expect(organisationProblems(valid)).toEqual([]);
    expect(organisationProblems({ ...valid, postcode: '' })).toEqual([]);
  });

  it('refuses an invalid Dutch postcode, but any postcode abroad', () => {
    expect(organisationProblems({ ...valid, postcode: '1234 SS' })).toEqual([
      { path: 'postcode', code: 'postcode_format' },
    ]);
    expect(organisationProblems({ ...valid, country: 'DE', postcode: '10115' })).toEqual([]);
  });

  it('needs at least one role', () => {
    expect(organisationProblems({ ...valid, isController: false, isProcessor: true })).toEqual([]);
    expect(organisationProblems({ ...valid, isController: false })).toEqual([
      { path: 'isController', code: 'role_required' },
    ]);
  });
});

describe('postcodeForStorage', () => {
  it('stores Dutch postcodes as "1234 AB", others as given', () => {
    expect(postcodeForStorage('NL', '1011ab')).toBe('1011 AB');
    expect(postcodeForStorage('NL', ' 1011  AB ')).toBe('1011 AB');
    expect(postcodeForStorage('NL', '')).toBe('');
    expect(postcodeForStorage('BE', '1000ab')).toBe('1000ab');
  });
});

describe('keepsAnOwner', () => {
  it.each([
    [1, 'owner', 'owner', true],
    [1, 'owner', 'privacy_officer', false],
    [1, 'owner', null, false],
    [2, 'owner', 'viewer', true],
    [2, 'owner', null, true],
    [1, 'editor', null, true],
    [1, 'viewer', 'owner', true],
  ] as const)('%i owner(s): %s → %s keeps an owner: %s', (ownerCount, current, next, expected) => {
    expect(keepsAnOwner(ownerCount, current, next)).toBe(expected);
  });
});

describe('invitationStatus', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  const pending = { acceptedAt: null, revokedAt: null, expiresAt: new Date(now.getTime() + 1) };

  it('is pending until it expires, then expired (at the expiry instant itself)', () => {
    expect(invitationStatus(pending, now)).toBe('pending');
    expect(invitationStatus({ ...pending, expiresAt: now }, now)).toBe('expired');
  });

  it('says accepted or revoked before looking at the expiry', () => {
    const past = new Date(now.getTime() - 1);
    expect(invitationStatus({ ...pending, acceptedAt: past, expiresAt: past }, now)).toBe('accepted');
    expect(invitationStatus({ ...pending, revokedAt: past, expiresAt: past }, now)).toBe('revoked');
    expect(invitationStatus({ ...pending, acceptedAt: past, revokedAt: past }, now)).toBe('accepted');
  });
});
