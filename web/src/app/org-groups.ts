import type { TMyOrganisation } from '../api/organisations.ts';

export interface OrganisationGroup {
  /** The ICT service provider the group is about; null for organisations that stand alone. */
  provider: { id: string; name: string } | null;
  /** The provider itself first (when I am a member of it), then its clients by name. */
  organisations: TMyOrganisation[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * Groups my organisations for the switcher: each ICT service provider with the client organisations it looks
 * after (also when I am a member of only the clients), and the rest on their own.
 */
export function groupOrganisations(organisations: readonly TMyOrganisation[]): OrganisationGroup[] {
  const providers = new Map<string, OrganisationGroup>();
  const standalone: TMyOrganisation[] = [];
  const groupOf = (id: string, name: string) => {
    let group = providers.get(id);
    if (!group) {
      group = { provider: { id, name }, organisations: [] };
      providers.set(id, group);
    }
    return group;
  };
  for (const org of organisations) {
    if (org.managedBy) groupOf(org.managedBy.id, org.managedBy.name).organisations.push(org);
    else if (org.clientCount > 0) groupOf(org.id, org.name).organisations.push(org);
    else standalone.push(org);
  }
  const groups = [...providers.values()].map((group) => ({
    provider: group.provider,
    organisations: group.organisations.sort((a, b) => {
      const isProvider = (org: TMyOrganisation) => org.id === group.provider?.id;
      return Number(isProvider(b)) - Number(isProvider(a)) || byName(a, b);
    }),
  }));
  groups.sort((a, b) => byName(a.provider as { name: string }, b.provider as { name: string }));
  return standalone.length > 0 ? [{ provider: null, organisations: standalone.sort(byName) }, ...groups] : groups;
}

/**
 * The organisation to open when none is named: the last one used, if I am still a member; else an ICT service
 * provider of mine (the organisation whose clients I look after, as the demo presents first); else the first.
 */
export function pickHomeOrganisation(
  organisations: readonly TMyOrganisation[],
  lastUsedSlug: string | null,
): TMyOrganisation | undefined {
  const groups = groupOrganisations(organisations);
  const provider = groups.find((group) => group.provider && group.organisations[0]?.id === group.provider.id);
  return (
    organisations.find((org) => org.slug === lastUsedSlug) ?? provider?.organisations[0] ?? groups[0]?.organisations[0]
  );
}
