import { ZCreateLocationRequest } from '../modules/inventory/contract.ts';
import * as inventory from '../modules/inventory/service.ts';
import * as onboarding from '../modules/onboarding/service.ts';
import { ZCreateVendorRequest } from '../modules/vendors/contract.ts';
import * as vendors from '../modules/vendors/service.ts';
import type { AppContext } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import type { OrgScope } from '../platform/http/access.ts';
import { parseInput } from '../platform/validation.ts';
import type { DemoRegister, DemoSystemDetails, DemoVendor } from './register-data.ts';

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

/**
 * Builds one demo organisation's register through the modules: its vendors in full, then the sector template linked
 * to them, then the systems' dated locations (with their history) and security facts.
 */
export async function loadDemoRegister(ctx: AppContext, tx: Database, scope: OrgScope, spec: DemoRegister) {
  for (const vendor of spec.vendors) await insertDemoVendor(ctx, tx, scope, vendor);
  await onboarding.applyBlueprint(ctx, tx, scope, demoBlueprint(spec), 'nl', { kind: 'template', id: spec.template });
  await completeSystems(ctx, tx, scope, spec);
}
