import { describe, expect, it } from 'vitest';
import type { TMyOrganisation } from '../api/organisations.ts';
import { groupOrganisations, pickHomeOrganisation } from './org-groups.ts';

let sequence = 0;
function org(name: string, options: Partial<TMyOrganisation> = {}): TMyOrganisation {
  sequence += 1;
  const id = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  return {
    id,
    slug: name.toLowerCase().replace(/\s+/g, '-'),
    name,
    role: 'owner',
    requireMfa: false,
    managedBy: null,
    clientCount: 0,
    ...options,
  };
}

const names = (groups: ReturnType<typeof groupOrganisations>) =>
  groups.map((group) => [group.provider?.name ?? null, group.organisations.map((o) => o.name)]);

describe('groupOrganisations', () => {
  it('puts an ICT service provider first in its group, then its clients by name', () => {
    const provider = org('De Wit ICT', { clientCount: 2 });
    const bakery = org('Bakkerij Jansen', { managedBy: { id: provider.id, name: provider.name } });
    const dentist = org('Atelier Smit', { managedBy: { id: provider.id, name: provider.name } });
    expect(names(groupOrganisations([bakery, provider, dentist]))).toEqual([
      ['De Wit ICT', ['De Wit ICT', 'Atelier Smit', 'Bakkerij Jansen']],
    ]);
  });

  it('groups clients under their provider also when I am no member of the provider', () => {
    const client = org('Bakkerij Jansen', { managedBy: { id: 'provider-id', name: 'Elders ICT' } });
    expect(names(groupOrganisations([client]))).toEqual([['Elders ICT', ['Bakkerij Jansen']]]);
  });

  it('lists organisations on their own first, by name, and providers by name', () => {
    const zeta = org('Zeta Advies');
    const alpha = org('Alpha Zorg');
    const providerB = org('B ICT', { clientCount: 1 });
    const providerA = org('A ICT', { clientCount: 1 });
    expect(names(groupOrganisations([zeta, providerB, alpha, providerA]))).toEqual([
      [null, ['Alpha Zorg', 'Zeta Advies']],
      ['A ICT', ['A ICT']],
      ['B ICT', ['B ICT']],
    ]);
  });

  it('gives no groups for no organisations', () => {
    expect(groupOrganisations([])).toEqual([]);
  });
});

describe('pickHomeOrganisation', () => {
  const first = org('Alpha Zorg');
  const second = org('Zeta Advies');

  it('opens the organisation used last', () => {
    expect(pickHomeOrganisation([first, second], second.slug)).toBe(second);
  });

  it('opens the first one when the last one is no longer mine', () => {
    expect(pickHomeOrganisation([second, first], 'verlaten-organisatie')).toBe(first);
  });

  it('opens the ICT service provider rather than an organisation on its own when none was used before', () => {
    const freelancer = org('Eemcode Softwareontwikkeling');
    const provider = org('Domstad ICT Beheer', { clientCount: 1 });
    const client = org('Bakkerij De Zoete Korst', { managedBy: { id: provider.id, name: provider.name } });
    expect(pickHomeOrganisation([freelancer, client, provider], null)).toBe(provider);
  });

  it('opens nothing without organisations', () => {
    expect(pickHomeOrganisation([], null)).toBeUndefined();
  });
});
