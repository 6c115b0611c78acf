import type { RegisterTemplate, TemplateActivity, TemplateSystem, Text } from './types.ts';

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
  since: string;
}

export interface BlueprintSystem extends TemplateSystem {
  vendorKey: string | null;
  locations: BlueprintLocation[];
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
