import type { Blueprint, BlueprintLocation, BlueprintSystem, BlueprintVendor, ConfirmedSecurity } from './blueprint.ts';
import { blueprintOf, forClients, withConfirmedSecurity } from './blueprint.ts';
import { freelancerTemplate } from './freelancer.ts';
import { ictProviderTemplate } from './ict-provider.ts';
import { STAFF_ACTIVITIES } from './staff.ts';
import type { TemplateActivity, TemplateSystem } from './types.ts';
import { webshopTemplate } from './webshop.ts';

export interface ProviderAnswer {
  name: string;
  country: string;
  region: string;
  /** Since when the provider keeps the data there; null: not known yet, to fill in later. */
  since?: string | null;
}

export interface GuidedStartAnswers {
  businessKind: 'ict_provider' | 'freelancer' | 'webshop' | 'other';
  hasStaff: boolean;
  hasApplicants: boolean;
  hasWebshop: boolean;
  hasNewsletter: boolean;
  /** The newsletter also goes to existing customers (soft opt-in, Art. 11.7(3) Telecommunicatiewet). */
  mailsExistingCustomers?: boolean;
  /** Business clients (contact persons act for them) or consumers and sole traders (party to the contract). */
  clients?: 'business' | 'private';
  security?: ConfirmedSecurity;
  mailProvider: ProviderAnswer | null;
  accountingPackage: ProviderAnswer | null;
  crm: ProviderAnswer | null;
  hostingProvider: ProviderAnswer | null;
  backupProvider:
    | (ProviderAnswer & { offsiteCountry: string | null; offsiteRegion: string; since: string | null })
    | null;
}

const byName = (template: { activities: TemplateActivity[] }, englishName: string): TemplateActivity => {
  const activity = template.activities.find((candidate) => candidate.name.en === englishName);
  if (!activity) throw new Error(`Template activity "${englishName}" is missing`);
  return activity;
};

const systemOf = (template: { systems: TemplateSystem[] }, key: string): TemplateSystem => {
  const system = template.systems.find((candidate) => candidate.key === key);
  if (!system) throw new Error(`Template system "${key}" is missing`);
  return system;
};

const RECRUITMENT = byName(ictProviderTemplate, 'Recruitment');
const STAFF_ACTIVITY_NAMES = STAFF_ACTIVITIES.map((activity) => activity.name.en);
const SECURITY_MONITORING = byName(ictProviderTemplate, 'Security monitoring and phishing training');
const NEWSLETTER = byName(webshopTemplate, 'Newsletter with consent');
const SOFT_OPT_IN = byName(webshopTemplate, 'Newsletter to existing customers');
const WEBSHOP_ACTIVITIES = ['Orders, delivery and returns', 'Payments and invoices', 'Customer service'].map((name) =>
  byName(webshopTemplate, name),
);

function baseBlueprint(kind: GuidedStartAnswers['businessKind']): Blueprint {
  if (kind === 'ict_provider') return blueprintOf(ictProviderTemplate);
  if (kind === 'webshop') return blueprintOf(webshopTemplate);
  const freelancer = blueprintOf(freelancerTemplate);
  if (kind === 'freelancer') return freelancer;
  const keep = ['Client administration and invoicing', 'E-mail and contact form'];
  const activities = freelancer.activities.filter((activity) => keep.includes(activity.name.en));
  const systemKeys = new Set(activities.flatMap((activity) => activity.systemKeys));
  return { ...freelancer, activities, systems: freelancer.systems.filter((system) => systemKeys.has(system.key)) };
}

function withActivity(blueprint: Blueprint, activity: TemplateActivity, systems: TemplateSystem[]): Blueprint {
  if (blueprint.activities.some((existing) => existing.name.en === activity.name.en)) return blueprint;
  const known = new Set(blueprint.systems.map((system) => system.key));
  const added = systems
    .filter((system) => !known.has(system.key))
    .map((system) => ({ ...system, vendorKey: null, locations: [] }));
  return { ...blueprint, activities: [...blueprint.activities, activity], systems: [...blueprint.systems, ...added] };
}

function withoutActivity(blueprint: Blueprint, englishName: string): Blueprint {
  return { ...blueprint, activities: blueprint.activities.filter((activity) => activity.name.en !== englishName) };
}

/** Systems no remaining activity uses are left out, so the register holds nothing unexplained. */
function dropUnusedSystems(blueprint: Blueprint): Blueprint {
  const used = new Set(blueprint.activities.flatMap((activity) => activity.systemKeys));
  return { ...blueprint, systems: blueprint.systems.filter((system) => used.has(system.key)) };
}

function adjustActivities(blueprint: Blueprint, answers: GuidedStartAnswers): Blueprint {
  let result = blueprint;
  const mailbox = systemOf(ictProviderTemplate, 'mailbox');
  result = answers.hasApplicants
    ? withActivity(result, RECRUITMENT, [mailbox])
    : withoutActivity(result, RECRUITMENT.name.en);
  if (answers.hasStaff) {
    for (const activity of STAFF_ACTIVITIES)
      result = withActivity(result, activity, [systemOf(ictProviderTemplate, 'hr')]);
  } else {
    for (const name of [...STAFF_ACTIVITY_NAMES, SECURITY_MONITORING.name.en]) result = withoutActivity(result, name);
  }
  if (answers.hasWebshop) {
    for (const activity of WEBSHOP_ACTIVITIES) {
      result = withActivity(
        result,
        activity,
        activity.systemKeys.map((key) => systemOf(webshopTemplate, key)),
      );
    }
  }
  const newsletter = [systemOf(webshopTemplate, 'newsletter')];
  result = answers.hasNewsletter
    ? withActivity(result, NEWSLETTER, newsletter)
    : withoutActivity(result, NEWSLETTER.name.en);
  result =
    answers.hasNewsletter && answers.mailsExistingCustomers
      ? withActivity(result, SOFT_OPT_IN, newsletter)
      : withoutActivity(result, SOFT_OPT_IN.name.en);
  return dropUnusedSystems(result);
}

const PROVIDER_SERVICES = {
  mail: { nl: 'E-mail', en: 'E-mail' },
  accounting: { nl: 'Boekhoudpakket', en: 'Accounting package' },
  crm: { nl: 'CRM', en: 'CRM' },
  hosting: { nl: 'Hosting', en: 'Hosting' },
  backup: { nl: 'Back-up', en: 'Backup' },
} as const;

function vendorKeyOf(name: string): string {
  return `vendor:${name.trim().toLowerCase()}`;
}

/** Attaches a provider to the systems of the given kinds: the vendor, and where it keeps the data. */
function attachProvider(
  blueprint: Blueprint,
  provider: ProviderAnswer,
  service: keyof typeof PROVIDER_SERVICES,
  systemKinds: TemplateSystem['kind'][],
  locations: BlueprintLocation[],
): Blueprint {
  const key = vendorKeyOf(provider.name);
  const vendor: BlueprintVendor = {
    key,
    name: provider.name.trim(),
    kind: 'processor',
    country: provider.country,
    services: PROVIDER_SERVICES[service],
  };
  const existing = blueprint.vendors.find((candidate) => candidate.key === key);
  const vendors = existing
    ? blueprint.vendors.map((candidate) =>
        candidate.key === key
          ? {
              ...candidate,
              services: {
                nl: `${candidate.services.nl}, ${vendor.services.nl}`,
                en: `${candidate.services.en}, ${vendor.services.en}`,
              },
            }
          : candidate,
      )
    : [...blueprint.vendors, vendor];
  const systems = blueprint.systems.map(
    (system): BlueprintSystem =>
      systemKinds.includes(system.kind)
        ? { ...system, vendorKey: key, locations: [...system.locations, ...locations] }
        : system,
  );
  return { ...blueprint, vendors, systems };
}

function ensureCrmSystem(blueprint: Blueprint): Blueprint {
  if (blueprint.systems.some((system) => system.kind === 'crm')) return blueprint;
  const crm = { ...systemOf(ictProviderTemplate, 'crm'), vendorKey: null, locations: [] };
  const activities = blueprint.activities.map((activity) =>
    activity.role === 'controller' && activity.subjectCategoryKeys.includes('client-contacts')
      ? { ...activity, systemKeys: [...activity.systemKeys, crm.key] }
      : activity,
  );
  return { ...blueprint, systems: [...blueprint.systems, crm], activities };
}

function primaryAt(provider: ProviderAnswer): BlueprintLocation[] {
  return [{ role: 'primary', country: provider.country, region: provider.region, since: provider.since ?? null }];
}

const UNCONFIRMED: ConfirmedSecurity = { mfaOnAllAccounts: null, backupsEncrypted: null };

/**
 * Builds a first register from a few plain answers: the sector template, adjusted for staff, applicants, a webshop,
 * a newsletter and the kind of clients, with the named providers as vendors and their countries as the systems'
 * locations (dated only when the person knows since when), and only the security measures the person confirmed.
 */
export function composeGuidedStart(answers: GuidedStartAnswers): Blueprint {
  const adjusted = adjustActivities(baseBlueprint(answers.businessKind), answers);
  let blueprint = forClients(adjusted, answers.clients ?? 'business');
  if (answers.crm) blueprint = ensureCrmSystem(blueprint);
  const { mailProvider, accountingPackage, crm, hostingProvider, backupProvider } = answers;
  if (mailProvider) blueprint = attachProvider(blueprint, mailProvider, 'mail', ['mailbox'], primaryAt(mailProvider));
  if (accountingPackage) {
    blueprint = attachProvider(
      blueprint,
      accountingPackage,
      'accounting',
      ['administration', 'hr'],
      primaryAt(accountingPackage),
    );
  }
  if (crm) blueprint = attachProvider(blueprint, crm, 'crm', ['crm'], primaryAt(crm));
  if (hostingProvider) {
    blueprint = attachProvider(
      blueprint,
      hostingProvider,
      'hosting',
      ['hosting', 'website', 'webshop'],
      primaryAt(hostingProvider),
    );
  }
  if (backupProvider) {
    const since = backupProvider.since ?? null;
    const locations: BlueprintLocation[] = [
      { role: 'backup', country: backupProvider.country, region: backupProvider.region, since },
    ];
    if (backupProvider.offsiteCountry) {
      locations.push({
        role: 'offsite_backup',
        country: backupProvider.offsiteCountry,
        region: backupProvider.offsiteRegion,
        since,
      });
    }
    blueprint = attachProvider(blueprint, backupProvider, 'backup', ['backup'], locations);
  }
  return withConfirmedSecurity(blueprint, answers.security ?? UNCONFIRMED);
}
