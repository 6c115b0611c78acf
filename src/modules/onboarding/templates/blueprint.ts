import {
  type RegisterTemplate,
  SECURITY_CLAIMS,
  type TemplateActivity,
  type TemplateSystem,
  type Text,
} from './types.ts';

/**
 * A blueprint is what a template or the guided start would add to a register: systems (with their vendor and dated
 * locations), vendors and activities, referring to each other by key and to categories by their default keys.
 */
export interface BlueprintVendor {
  key: string;
  name: string;
  kind: 'processor' | 'sub_processor' | 'recipient' | 'joint_controller';
  country: string;
  services: Text;
}

export interface BlueprintLocation {
  role: 'primary' | 'replica' | 'backup' | 'offsite_backup';
  country: string;
  region: string;
  /** Null: not known yet ("fill in later"); never guessed as today. */
  since: string | null;
}

export interface BlueprintSystem extends TemplateSystem {
  vendorKey: string | null;
  locations: BlueprintLocation[];
  /** What the person confirmed; null (unknown) unless they did. */
  isMfaEnforced?: boolean | null;
  isEncryptedAtRest?: boolean | null;
}

export interface Blueprint {
  vendors: BlueprintVendor[];
  systems: BlueprintSystem[];
  activities: TemplateActivity[];
}

export function blueprintOf(template: RegisterTemplate): Blueprint {
  return {
    vendors: [],
    systems: template.systems.map((system) => ({ ...system, vendorKey: null, locations: [] })),
    activities: template.activities,
  };
}

/** What the person confirmed about security: true, false, or null when they do not know. */
export interface ConfirmedSecurity {
  mfaOnAllAccounts: boolean | null;
  backupsEncrypted: boolean | null;
}

const joinText = (claims: Text[], rest: Text): Text => ({
  nl: [...claims.map((claim) => claim.nl), rest.nl].join(' '),
  en: [...claims.map((claim) => claim.en), rest.en].join(' '),
});

/**
 * Records the person's answers on the systems (two-factor sign-in on every system, encryption on the backups) and
 * states in the activities' security measures only what they confirmed.
 */
export function withConfirmedSecurity(blueprint: Blueprint, confirmed: ConfirmedSecurity): Blueprint {
  const claims: Text[] = [];
  if (confirmed.mfaOnAllAccounts === true) claims.push(SECURITY_CLAIMS.mfa);
  if (confirmed.backupsEncrypted === true) claims.push(SECURITY_CLAIMS.encryptedBackups);
  return {
    ...blueprint,
    systems: blueprint.systems.map((system) => ({
      ...system,
      isMfaEnforced: confirmed.mfaOnAllAccounts,
      isEncryptedAtRest: system.kind === 'backup' ? confirmed.backupsEncrypted : (system.isEncryptedAtRest ?? null),
    })),
    activities: blueprint.activities.map((activity) => ({
      ...activity,
      securityMeasures: joinText(claims, activity.securityMeasures),
    })),
  };
}

/** Consumers and sole traders are party to the contract (Art. 6(1)(b)); business contacts are not (the default). */
export function forClients(blueprint: Blueprint, clients: 'business' | 'private'): Blueprint {
  if (clients === 'business') return blueprint;
  return {
    ...blueprint,
    activities: blueprint.activities.map((activity) =>
      activity.forPrivateClients ? { ...activity, ...activity.forPrivateClients } : activity,
    ),
  };
}

/** "No recipients" only holds when no system of the activity has a vendor: a processor is a recipient (Art. 4(9)). */
export function hasNoRecipientsIn(blueprint: Blueprint, activity: TemplateActivity): boolean {
  if (!activity.hasNoRecipients) return false;
  const systems = blueprint.systems.filter((system) => activity.systemKeys.includes(system.key));
  return systems.every((system) => system.vendorKey === null);
}

export type Locale = 'nl' | 'en';

/** What already exists in the register, to decide per entry: create, or skip and link to what is there. */
export interface ExistingRegister {
  dataCategoryKeys: ReadonlySet<string>;
  subjectCategoryKeys: ReadonlySet<string>;
  /** Lower-cased names. */
  vendorNames: ReadonlySet<string>;
  systemNames: ReadonlySet<string>;
  activityNames: ReadonlySet<string>;
}

/** How categories are named in the preview, by key (the organisation's own name, else the default's). */
export interface CategoryNames {
  data: (key: string) => string;
  subject: (key: string) => string;
}

export interface PlanEntry {
  name: string;
  action: 'create' | 'skip';
  reason: string | null;
}

export interface RegisterPlan {
  dataCategories: PlanEntry[];
  subjectCategories: PlanEntry[];
  vendors: PlanEntry[];
  systems: PlanEntry[];
  activities: PlanEntry[];
}

const planEntry = (name: string, exists: boolean): PlanEntry => ({
  name,
  action: exists ? 'skip' : 'create',
  reason: exists ? 'exists' : null,
});

/** The categories a blueprint relies on, by key. */
export function categoryKeysOf(blueprint: Blueprint) {
  const dataKeys = new Set<string>();
  const subjectKeys = new Set<string>();
  for (const system of blueprint.systems) for (const key of system.dataCategoryKeys) dataKeys.add(key);
  for (const activity of blueprint.activities) {
    for (const key of activity.dataCategoryKeys) dataKeys.add(key);
    for (const key of activity.subjectCategoryKeys) subjectKeys.add(key);
  }
  return { dataKeys: [...dataKeys].sort(), subjectKeys: [...subjectKeys].sort() };
}

/**
 * The preview: every entry the blueprint holds, marked create or skip. Nothing existing is ever overwritten; a skipped
 * system or vendor is still linked to by the new activities (by name).
 */
export function planBlueprint(
  blueprint: Blueprint,
  existing: ExistingRegister,
  locale: Locale,
  categoryNames: CategoryNames = { data: (key) => key, subject: (key) => key },
): RegisterPlan {
  const { dataKeys, subjectKeys } = categoryKeysOf(blueprint);
  return {
    dataCategories: dataKeys.map((key) => planEntry(categoryNames.data(key), existing.dataCategoryKeys.has(key))),
    subjectCategories: subjectKeys.map((key) =>
      planEntry(categoryNames.subject(key), existing.subjectCategoryKeys.has(key)),
    ),
    vendors: blueprint.vendors.map((vendor) =>
      planEntry(vendor.name, existing.vendorNames.has(vendor.name.toLowerCase())),
    ),
    systems: blueprint.systems.map((system) =>
      planEntry(system.name[locale], existing.systemNames.has(system.name[locale].toLowerCase())),
    ),
    activities: blueprint.activities.map((activity) =>
      planEntry(activity.name[locale], existing.activityNames.has(activity.name[locale].toLowerCase())),
    ),
  };
}
