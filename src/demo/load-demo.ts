import { sql } from 'drizzle-orm';
import * as identity from '../modules/identity/service.ts';
import { ZCreateOrganisationRequest } from '../modules/organisations/contract.ts';
import * as organisations from '../modules/organisations/service.ts';
import * as statement from '../modules/statement/service.ts';
import type { AppContext } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { writeSetting } from '../platform/db/instance-settings.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import type { Actor, OrgScope } from '../platform/http/access.ts';
import {
  DEMO_EMAIL,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  type DemoOrganisation,
  type DemoPerson,
} from './data.ts';
import { loadDemoRegister } from './load-register.ts';
import { BAKERY_REGISTER, FREELANCER_REGISTER, MSP_REGISTER } from './register-data.ts';

export interface DemoSignIn {
  email: string;
  password: string;
  /** True when this call loaded the data; false when it was there already. */
  isNew: boolean;
}

/** Who the audit trail names for everything the demo loader does. */
export const DEMO_ACTOR: Actor = { type: 'system', id: 'demo' };
/** Serialises concurrent loaders (several instances starting together) so the data is loaded exactly once. */
const DEMO_LOCK_KEY = 7_303_118_501;
export const DEMO_SETTING = 'demo_data';

/** The ids the loader created, by the keys in data.ts; later loaders (register data) attach to these. */
export interface DemoIds {
  people: Map<string, string>;
  organisations: Map<string, string>;
}

/**
 * Loads the demo organisations and accounts once (see docs/demo.md); later calls only return the sign-in. Everything
 * goes through the modules' services in one transaction, so the audit trail records it with the `demo` actor and a
 * failure leaves nothing half-loaded.
 */
export async function ensureDemoData(ctx: AppContext): Promise<DemoSignIn> {
  const isNew = await inTransaction(ctx.db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK_KEY})`);
    if (await identity.hasDemoUsers(tx)) return false;
    // Use cases that open their own transaction (invitations, role changes) nest in this one as savepoints.
    const txCtx: AppContext = { ...ctx, db: tx };
    const ids: DemoIds = { people: await createPeople(txCtx, tx), organisations: new Map() };
    for (const spec of DEMO_ORGANISATIONS) await createDemoOrganisation(txCtx, tx, spec, ids);
    await loadDemoRegisters(txCtx, tx, ids);
    await writeSetting(tx, DEMO_SETTING, { loadedAt: ctx.clock.now().toISOString() });
    return true;
  });
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD, isNew };
}

const DEMO_REGISTERS = { msp: MSP_REGISTER, freelancer: FREELANCER_REGISTER, bakery: BAKERY_REGISTER } as const;

async function loadDemoRegisters(ctx: AppContext, tx: Database, ids: DemoIds): Promise<void> {
  for (const [key, spec] of Object.entries(DEMO_REGISTERS)) {
    const scope: OrgScope = { orgId: lookup(ids.organisations, key), role: 'owner', actor: DEMO_ACTOR };
    await loadDemoRegister(ctx, tx, scope, spec);
    // A published privacy statement, so /p/<slug>/privacy shows what the feature does before anyone configures it.
    await statement.publish(ctx, scope);
  }
}

async function createPeople(ctx: AppContext, tx: Database): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const person of DEMO_PEOPLE) ids.set(person.key, await createDemoUser(ctx, tx, person));
  return ids;
}

async function createDemoUser(ctx: AppContext, tx: Database, person: DemoPerson): Promise<string> {
  const input = { email: person.email, name: person.name, locale: person.locale, password: DEMO_PASSWORD };
  const user = await identity.createUser(ctx, tx, { ...input, isDemo: true }, DEMO_ACTOR);
  return user.id;
}

function lookup(map: Map<string, string>, key: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo data: unknown key ${key}`);
  return id;
}

/**
 * One organisation: the demo account creates it (becoming its owner), the other members join, invitations go out,
 * and finally the demo account takes the role data.ts gives it (the organisation then has another owner).
 */
async function createDemoOrganisation(ctx: AppContext, tx: Database, spec: DemoOrganisation, ids: DemoIds) {
  const demoUserId = lookup(ids.people, 'demo');
  const managedByOrgId = spec.managedBy ? lookup(ids.organisations, spec.managedBy) : null;
  const input = ZCreateOrganisationRequest.parse({ ...spec.input, managedByOrgId });
  const org = await organisations.createOrganisation(ctx, tx, input, { userId: demoUserId, actor: DEMO_ACTOR });
  ids.organisations.set(spec.key, org.id);

  for (const member of spec.members.filter((candidate) => candidate.person !== 'demo')) {
    const userId = lookup(ids.people, member.person);
    await organisations.addMember(ctx, tx, { orgId: org.id, userId, role: member.role }, DEMO_ACTOR);
  }
  const scope: OrgScope = { orgId: org.id, role: 'owner', actor: DEMO_ACTOR };
  for (const invitation of spec.invitations) await organisations.createInvitation(ctx, scope, invitation);

  const demoRole = spec.members.find((member) => member.person === 'demo')?.role ?? 'owner';
  if (demoRole !== 'owner') await organisations.changeMemberRole(ctx, scope, demoUserId, demoRole);
}
