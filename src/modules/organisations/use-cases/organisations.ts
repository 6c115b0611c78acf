import { changedFields, pick } from '../../../platform/audit/changes.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, conflict, invalidFields, notFound } from '../../../platform/errors.ts';
import { type Actor, type OrgScope, roleAtLeast } from '../../../platform/http/access.ts';
import * as identity from '../../identity/service.ts';
import type {
  TCreateOrganisationRequest,
  TMyOrganisation,
  TOrganisation,
  TUpdateOrganisationRequest,
} from '../contract.ts';
import { nextFreeSlug, organisationProblems, postcodeForStorage, slugFromName } from '../rules.ts';
import {
  findMembership,
  findOrganisation,
  findOrganisationsByIds,
  insertMembership,
  insertOrganisation,
  listOrganisationsOfUser,
  type OrganisationRow,
  slugsLike,
  updateOrganisation as updateOrganisationRow,
} from '../store.ts';
import { asRole, presentOrganisation, privacyContactColumns } from './present.ts';

async function managerOf(db: Database, org: OrganisationRow) {
  if (!org.managedByOrgId) return null;
  const [manager] = await findOrganisationsByIds(db, [org.managedByOrgId]);
  return manager ? { id: manager.id, name: manager.name } : null;
}

async function chooseSlug(tx: Database, requested: string | undefined, name: string): Promise<string> {
  if (requested) {
    if ((await slugsLike(tx, requested)).has(requested)) {
      throw invalidFields([{ path: 'slug', code: 'slug_taken' }]);
    }
    return requested;
  }
  const base = slugFromName(name);
  return nextFreeSlug(base, await slugsLike(tx, base));
}

/**
 * Creates an organisation with its creator as owner. A client organisation (managedByOrgId) may only be created
 * by an owner or privacy officer of the managing organisation.
 */
export async function createOrganisation(
  ctx: AppContext,
  tx: Database,
  input: TCreateOrganisationRequest,
  creator: { userId: string; actor: Actor },
): Promise<OrganisationRow> {
  if (input.managedByOrgId) {
    const managing = await findMembership(tx, input.managedByOrgId, creator.userId);
    if (!managing) throw invalidFields([{ path: 'managedByOrgId', code: 'organisation_unknown' }]);
    if (!roleAtLeast(asRole(managing.role), 'privacy_officer'))
      throw new AppError('forbidden', 'role_insufficient', { params: { role: 'privacy_officer' } });
  }
  const { privacyContact, slug, ...fields } = input;
  const org = await insertOrganisation(tx, {
    ...fields,
    slug: await chooseSlug(tx, slug, input.name),
    ...privacyContactColumns(privacyContact),
  });
  await insertMembership(tx, { orgId: org.id, userId: creator.userId, role: 'owner' });
  await ctx.hooks.emit('organisation.created', tx, { orgId: org.id });
  const now = ctx.clock.now();
  await recordAudit(tx, now, {
    orgId: org.id,
    actor: creator.actor,
    action: 'organisation.created',
    target: { type: 'organisation', id: org.id, name: org.name },
    data: { managedByOrgId: org.managedByOrgId },
  });
  if (org.managedByOrgId) {
    await recordAudit(tx, now, {
      orgId: org.managedByOrgId,
      actor: creator.actor,
      action: 'client_organisation.created',
      target: { type: 'organisation', id: org.id, name: org.name },
    });
  }
  return org;
}

export async function createOrganisationForUser(
  ctx: AppContext,
  input: TCreateOrganisationRequest,
  userId: string,
): Promise<TOrganisation> {
  return inTransaction(ctx.db, async (tx) => {
    const org = await createOrganisation(ctx, tx, input, { userId, actor: { type: 'user', id: userId } });
    return presentOrganisation(org, await managerOf(tx, org));
  });
}

export async function getOrganisation(ctx: AppContext, scope: OrgScope): Promise<TOrganisation> {
  const org = await findOrganisation(ctx.db, scope.orgId);
  if (!org) throw notFound('organisation_not_found');
  return presentOrganisation(org, await managerOf(ctx.db, org));
}

/** Requiring two-factor sign-in without using it yourself would lock you out of your own organisation. */
async function assertActorUsesMfa(ctx: AppContext, scope: OrgScope): Promise<void> {
  if (scope.actor.type !== 'user') return;
  const user = await identity.findUserById(ctx.db, scope.actor.id);
  if (!user?.totpSecretSealed) throw conflict('enable_own_mfa_first');
}

/** Fields only an owner may change: who the organisation is (slug) and its security rule. */
const OWNER_ONLY_FIELDS = ['slug', 'requireMfa'] as const;

/** The request fields an update changes; the privacy contact's columns count as the one field `privacyContact`. */
function changedOrganisationFields(current: OrganisationRow, values: Partial<OrganisationRow>): string[] {
  const columns = Object.keys(values) as (keyof OrganisationRow)[];
  const changed = changedFields(pick(current, columns), values);
  return [...new Set(changed.map((column) => (column.startsWith('privacyContact') ? 'privacyContact' : column)))];
}

export async function updateOrganisation(
  ctx: AppContext,
  scope: OrgScope,
  input: TUpdateOrganisationRequest,
): Promise<TOrganisation> {
  if (scope.role !== 'owner' && OWNER_ONLY_FIELDS.some((field) => input[field] !== undefined)) {
    throw new AppError('forbidden', 'role_insufficient', { params: { role: 'owner' } });
  }
  if (input.requireMfa === true) await assertActorUsesMfa(ctx, scope);
  return inTransaction(ctx.db, async (tx) => {
    const current = await findOrganisation(tx, scope.orgId);
    if (!current) throw notFound('organisation_not_found');
    const { privacyContact, slug, ...fields } = input;
    const merged = { ...current, ...fields };
    const problems = organisationProblems(merged);
    if (problems.length > 0) throw invalidFields(problems);
    if (slug && slug !== current.slug && (await slugsLike(tx, slug)).has(slug)) {
      throw invalidFields([{ path: 'slug', code: 'slug_taken' }]);
    }
    const values = {
      ...fields,
      postcode: postcodeForStorage(merged.country, merged.postcode),
      ...(slug ? { slug } : {}),
      ...(privacyContact !== undefined ? privacyContactColumns(privacyContact) : {}),
    };
    const changed = changedOrganisationFields(current, values);
    if (changed.length === 0) return presentOrganisation(current, await managerOf(tx, current));
    const now = ctx.clock.now();
    const updated = await updateOrganisationRow(tx, scope.orgId, { ...values, updatedAt: now });
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'organisation.updated',
      target: { type: 'organisation', id: scope.orgId, name: updated.name },
      data: { fields: changed },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { wholeOrganisation: true } });
    // A client's name and contact details are the controller details of its provider's processor activities.
    if (updated.managedByOrgId) {
      const provider = { orgId: updated.managedByOrgId, changed: { wholeOrganisation: true } };
      await ctx.hooks.emit('register.inputs_changed', tx, provider);
    }
    return presentOrganisation(updated, await managerOf(tx, updated));
  });
}

export async function listMyOrganisations(ctx: AppContext, userId: string): Promise<TMyOrganisation[]> {
  const rows = await listOrganisationsOfUser(ctx.db, userId);
  return rows.map((row) => ({
    id: row.org.id,
    slug: row.org.slug,
    name: row.org.name,
    role: asRole(row.role),
    requireMfa: row.org.requireMfa,
    managedBy: row.org.managedByOrgId && row.managerName ? { id: row.org.managedByOrgId, name: row.managerName } : null,
    clientCount: row.clientCount,
  }));
}

/** A person's rights in an organisation, for the access check; null when they are no member. */
export async function membershipFor(ctx: AppContext, orgRef: string, userId: string) {
  const row = await findMembership(ctx.db, orgRef, userId);
  return row ? { orgId: row.orgId, role: asRole(row.role), requireMfa: row.requireMfa } : null;
}

export async function organisationByRef(ctx: AppContext, orgRef: string) {
  return findOrganisation(ctx.db, orgRef);
}
