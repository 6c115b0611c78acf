import { ZCreateLocationRequest } from '../modules/inventory/contract.ts';
import * as inventory from '../modules/inventory/service.ts';
import * as onboarding from '../modules/onboarding/service.ts';
import * as organisations from '../modules/organisations/service.ts';
import type { TActivityControllerInput } from '../modules/register/contract.ts';
import * as register from '../modules/register/service.ts';
import { ZCreateVendorRequest } from '../modules/vendors/contract.ts';
import * as vendors from '../modules/vendors/service.ts';
import type { AppContext } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import type { OrgScope } from '../platform/http/access.ts';
import { parseInput } from '../platform/validation.ts';
import type { DemoControllers, DemoRegister, DemoSystemDetails, DemoVendor } from './register-data.ts';

const vendorKey = (name: string) => `vendor:${name.toLowerCase()}`;

async function insertDemoVendor(ctx: AppContext, tx: Database, scope: OrgScope, vendor: DemoVendor) {
  const input = parseInput(ZCreateVendorRequest, {
    ...vendor,
    status: vendor.retiredOn ? 'retired' : 'active',
    retiredOn: vendor.retiredOn ?? null,
  });
  await vendors.insertVendor(ctx, tx, scope, input);
}

/** The template as a blueprint whose systems run on the demo's vendors, at the demo's current locations. */
function demoBlueprint(spec: DemoRegister) {
  const template = onboarding.findTemplate(spec.template);
  if (!template) throw new Error(`demo data: unknown template ${spec.template}`);
  // The demo organisations answered yes to both security questions; their systems' flags below agree.
  const blueprint = onboarding.withConfirmedSecurity(onboarding.blueprintOf(template), {
    mfaOnAllAccounts: true,
    backupsEncrypted: true,
  });
  return {
    ...blueprint,
    vendors: spec.vendors.map((vendor) => ({
      key: vendorKey(vendor.name),
      name: vendor.name,
      kind: vendor.kind,
      country: vendor.country,
      services: { nl: vendor.services, en: vendor.services },
    })),
    systems: blueprint.systems.map((system) => {
      const details: DemoSystemDetails | undefined = spec.systems[system.key];
      return details ? { ...system, vendorKey: vendorKey(details.vendor) } : system;
    }),
  };
}

/** Past locations (with an end date) and the security facts the template leaves open. */
async function completeSystems(ctx: AppContext, tx: Database, scope: OrgScope, spec: DemoRegister) {
  const template = onboarding.findTemplate(spec.template);
  const systems = await inventory.systemsOfOrg(tx, scope.orgId);
  for (const [key, details] of Object.entries(spec.systems)) {
    const name = template?.systems.find((system) => system.key === key)?.name.nl;
    const system = systems.find((candidate) => candidate.name === name);
    if (!system) continue;
    await inventory.updateSystem(ctx, scope, system.id, {
      isMfaEnforced: details.isMfaEnforced,
      isEncryptedAtRest: details.isEncryptedAtRest,
    });
    for (const location of details.locations) {
      await inventory.insertLocation(ctx, tx, scope, system.id, parseInput(ZCreateLocationRequest, location));
    }
  }
}

/** Links the vendors that receive an activity's data beyond its systems (the template leaves them out). */
async function linkRecipients(ctx: AppContext, tx: Database, scope: OrgScope, spec: DemoRegister) {
  const activities = await register.activitiesOfOrg(tx, scope.orgId);
  const vendorRows = await vendors.vendorsOfOrg(tx, scope.orgId);
  for (const link of spec.recipients ?? []) {
    const activity = activities.find((row) => row.name === link.activity);
    if (!activity) throw new Error(`demo data: unknown activity ${link.activity}`);
    const recipientVendorIds = link.vendors.map((name) => {
      const vendor = vendorRows.find((row) => row.name === name);
      if (!vendor) throw new Error(`demo data: unknown vendor ${name}`);
      return vendor.id;
    });
    await register.updateActivity(ctx, scope, activity.id, { recipientVendorIds, hasNoRecipients: false }, 'nl');
  }
}

/** Names the controllers of the template's processor activity: our managed clients and external controllers. */
async function linkControllers(ctx: AppContext, tx: Database, scope: OrgScope, spec: DemoControllers) {
  const activity = (await register.activitiesOfOrg(tx, scope.orgId)).find((row) => row.name === spec.activity);
  if (!activity) throw new Error(`demo data: no activity ${spec.activity}`);
  const clients = spec.hasManagedClients ? await organisations.clientOrganisations(tx, scope.orgId) : [];
  const controllers: TActivityControllerInput[] = [
    ...clients.map((client) => ({ kind: 'managed_org' as const, organisationId: client.id })),
    ...spec.external.map((controller) => ({ kind: 'external' as const, ...controller })),
  ];
  await register.updateActivity({ ...ctx, db: tx }, scope, activity.id, { controllers }, 'nl');
}

/**
 * Builds one demo organisation's register through the modules: its vendors in full, then the sector template linked
 * to them, then the systems' dated locations (with their history) and security facts.
 */
export async function loadDemoRegister(ctx: AppContext, tx: Database, scope: OrgScope, spec: DemoRegister) {
  for (const vendor of spec.vendors) await insertDemoVendor(ctx, tx, scope, vendor);
  await onboarding.applyBlueprint(ctx, tx, scope, demoBlueprint(spec), 'nl', { kind: 'template', id: spec.template });
  await completeSystems(ctx, tx, scope, spec);
  await linkRecipients(ctx, tx, scope, spec);
  if (spec.controllers) await linkControllers(ctx, tx, scope, spec.controllers);
}
