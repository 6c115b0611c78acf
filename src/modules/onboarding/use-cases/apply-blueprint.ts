import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { parseInput } from '../../../platform/validation.ts';
import * as categories from '../../categories/service.ts';
import { ZCreateSystemRequest } from '../../inventory/contract.ts';
import * as inventory from '../../inventory/service.ts';
import { ZCreateActivityRequest } from '../../register/contract.ts';
import * as register from '../../register/service.ts';
import { ZCreateVendorRequest } from '../../vendors/contract.ts';
import * as vendors from '../../vendors/service.ts';
import { type Blueprint, type BlueprintSystem, hasNoRecipientsIn, type Locale } from '../templates/blueprint.ts';
import { categoryKeysOf, findTemplate } from '../templates/index.ts';
import { retentionInput } from '../templates/retention.ts';
import type { TemplateActivity } from '../templates/types.ts';
import { existingRegister } from './existing-register.ts';

export interface AppliedCounts {
  dataCategories: number;
  subjectCategories: number;
  vendors: number;
  systems: number;
  activities: number;
}

interface KeyMaps {
  dataIds: Map<string, string>;
  subjectIds: Map<string, string>;
  vendorIds: Map<string, string>;
  systemIds: Map<string, string>;
}

const idsOf = (keys: string[], ids: Map<string, string>) =>
  keys.map((key) => ids.get(key)).filter((id): id is string => Boolean(id));

async function applyVendors(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  blueprint: Blueprint,
  existing: Map<string, string>,
  locale: Locale,
) {
  const vendorIds = new Map<string, string>();
  let created = 0;
  for (const vendor of blueprint.vendors) {
    const found = existing.get(vendor.name.toLowerCase());
    if (found) {
      vendorIds.set(vendor.key, found);
      continue;
    }
    const input = parseInput(ZCreateVendorRequest, {
      name: vendor.name,
      kind: vendor.kind,
      country: vendor.country,
      services: vendor.services[locale],
    });
    const row = await vendors.insertVendor(ctx, tx, scope, input);
    vendorIds.set(vendor.key, row.id);
    created += 1;
  }
  return { vendorIds, created };
}

function systemInput(system: BlueprintSystem, maps: Omit<KeyMaps, 'systemIds' | 'subjectIds'>, locale: Locale) {
  return parseInput(ZCreateSystemRequest, {
    name: system.name[locale],
    kind: system.kind,
    vendorId: system.vendorKey ? (maps.vendorIds.get(system.vendorKey) ?? null) : null,
    description: system.description[locale],
    isMfaEnforced: system.isMfaEnforced ?? null,
    isEncryptedAtRest: system.isEncryptedAtRest ?? null,
    dataCategoryIds: idsOf(system.dataCategoryKeys, maps.dataIds),
    locations: system.locations,
  });
}

async function applySystems(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  blueprint: Blueprint,
  existing: Map<string, string>,
  maps: Omit<KeyMaps, 'systemIds' | 'subjectIds'>,
  locale: Locale,
) {
  const systemIds = new Map<string, string>();
  let created = 0;
  for (const system of blueprint.systems) {
    const found = existing.get(system.name[locale].toLowerCase());
    if (found) {
      systemIds.set(system.key, found);
      continue;
    }
    const row = await inventory.insertSystem(ctx, tx, scope, systemInput(system, maps, locale));
    systemIds.set(system.key, row.id);
    created += 1;
  }
  return { systemIds, created };
}

function activityInput(activity: TemplateActivity, hasNoRecipients: boolean, maps: KeyMaps, locale: Locale) {
  return parseInput(ZCreateActivityRequest, {
    name: activity.name[locale],
    description: activity.description[locale],
    role: activity.role,
    // Each controller is named by the user (a managed client or an external controller with contact details): a
    // template cannot know them, and a placeholder such as "clients (per agreement)" names no controller (Art. 30(2)(a)).
    controllers: [],
    processingCategories: activity.processingCategories?.[locale] ?? '',
    purposes: activity.purposes.map((purpose) => purpose[locale]),
    legalBasis: activity.legalBasis,
    legalBasisJustification: activity.legalBasisJustification[locale],
    specialCategoryGround: activity.specialCategoryGround ?? null,
    criminalDataGround: '',
    subjectCategoryIds: idsOf(activity.subjectCategoryKeys, maps.subjectIds),
    dataCategoryIds: idsOf(activity.dataCategoryKeys, maps.dataIds),
    systemIds: idsOf(activity.systemKeys, maps.systemIds),
    recipientVendorIds: [],
    hasNoRecipients,
    recipientCategories: activity.recipientCategories[locale],
    transfers: [],
    retention: retentionInput(activity.retention, locale),
    securityMeasures: activity.securityMeasures[locale],
    isDpiaRequired: activity.isDpiaRequired,
    dpiaReason: activity.dpiaReason[locale],
    ownerUserId: null,
    reviewDate: null,
    // Applying is the person confirming the preview: what they confirmed is the register, not a draft of it.
    status: 'active',
  });
}

/**
 * Adds a blueprint to the register in the caller's transaction. Existing entries (same name or key) are kept as they
 * are and linked to; everything new is created through its module, which audits it.
 */
export async function applyBlueprint(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  blueprint: Blueprint,
  locale: Locale,
  source: { kind: 'template' | 'guided_start'; id: string },
): Promise<AppliedCounts> {
  const existing = await existingRegister(tx, scope.orgId);
  const categoryIds = await categories.ensureDefaultCategories(tx, scope.orgId, categoryKeysOf(blueprint));
  const { vendorIds, created: vendorCount } = await applyVendors(
    ctx,
    tx,
    scope,
    blueprint,
    existing.ids.vendorsByName,
    locale,
  );
  const { systemIds, created: systemCount } = await applySystems(
    ctx,
    tx,
    scope,
    blueprint,
    existing.ids.systemsByName,
    { dataIds: categoryIds.dataIds, vendorIds },
    locale,
  );
  const maps: KeyMaps = { dataIds: categoryIds.dataIds, subjectIds: categoryIds.subjectIds, vendorIds, systemIds };
  let activityCount = 0;
  for (const activity of blueprint.activities) {
    if (existing.activityNames.has(activity.name[locale].toLowerCase())) continue;
    const input = activityInput(activity, hasNoRecipientsIn(blueprint, activity), maps, locale);
    await register.insertActivity(ctx, tx, scope, input);
    activityCount += 1;
  }
  const counts: AppliedCounts = {
    ...categoryIds.created,
    vendors: vendorCount,
    systems: systemCount,
    activities: activityCount,
  };
  await recordAudit(tx, ctx.clock.now(), {
    orgId: scope.orgId,
    actor: scope.actor,
    action: source.kind === 'template' ? 'register.template_applied' : 'register.guided_start_applied',
    ...(source.kind === 'template'
      ? { target: { type: 'template', id: source.id, name: findTemplate(source.id)?.name[locale] ?? null } }
      : {}),
    data: { source: source.id, created: { ...counts } },
  });
  return counts;
}
