import { randomBytes } from 'node:crypto';
import * as identity from '../../src/modules/identity/service.ts';
import { ZCreateOrganisationRequest } from '../../src/modules/organisations/contract.ts';
import * as organisations from '../../src/modules/organisations/service.ts';
import { listChains } from '../../src/platform/audit/store.ts';
import { type AuditEvent, recordAudit } from '../../src/platform/audit/writer.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { VACUUM_AND_ANALYZE } from '../../src/platform/db/maintenance.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import type { Actor } from '../../src/platform/http/access.ts';

export const BENCH_PASSWORD = 'benchmark-password-not-secret';
const SETUP_ACTOR: Actor = { type: 'system', id: 'bench' };
const AUDIT_BATCH = 500;
const TRAIL_START = Date.parse('2026-01-01T08:00:00Z');
const TRAIL_END = Date.parse('2026-11-20T17:00:00Z');

export interface Fixture {
  email: string;
  password: string;
  /** The organisation with the long audit trail. */
  orgId: string;
  colleagueIds: string[];
  organisationCount: number;
  auditEntries: number;
}

async function createUser(ctx: AppContext, tx: Database, email: string, name: string) {
  const input = { email, name, password: BENCH_PASSWORD, locale: 'nl' as const };
  return identity.createUser(ctx, tx, input, SETUP_ACTOR);
}

function organisationInput(index: number) {
  return ZCreateOrganisationRequest.parse({
    name: `Benchmark Klant ${String(index).padStart(3, '0')} B.V.`,
    kvkNumber: String(10_000_000 + index),
    street: `Dorpsstraat ${index + 1}`,
    postcode: '3511 AB',
    city: 'Utrecht',
  });
}

/**
 * What a year of an ICT provider's trail looks like: people changing records, invitations, API tokens, and the
 * system's automated runs. Entry i of `total`, at a time spread evenly over the year.
 */
function auditEvent(i: number, orgId: string, colleagueIds: string[]) {
  const user: Actor = { type: 'user', id: colleagueIds[i % colleagueIds.length] as string };
  const someone = { type: 'user', id: colleagueIds[(i * 7 + 3) % colleagueIds.length] as string };
  const ref = randomBytes(16).toString('hex');
  const events: Omit<AuditEvent, 'orgId'>[] = [
    {
      actor: user,
      action: 'organisation.updated',
      target: { type: 'organisation', id: orgId },
      data: { fields: ['city', 'street'] },
    },
    { actor: user, action: 'member.role_changed', target: someone, data: { from: 'viewer', to: 'editor' } },
    {
      actor: user,
      action: 'invitation.created',
      target: { type: 'invitation', id: ref },
      data: { role: 'viewer', emailHash: ref + ref },
    },
    {
      actor: user,
      action: 'activity.updated',
      target: { type: 'activity', id: ref },
      data: { fields: ['purpose', 'retention'] },
    },
    {
      actor: { type: 'system', id: 'cli' } as Actor,
      action: 'register.exported',
      target: { type: 'organisation', id: orgId },
      data: { format: 'pdf', counts: { activities: i % 40, systems: 3 } },
    },
    {
      actor: { type: 'api_token', id: ref } as Actor,
      action: 'system.updated',
      target: { type: 'system', id: ref, name: 'Exact Online' },
      data: { fields: ['isMfaEnforced'] },
    },
    { actor: user, action: 'member.added', target: someone, data: { role: 'editor' } },
  ];
  return events[i % events.length] as Omit<AuditEvent, 'orgId'>;
}

async function writeAuditTrail(ctx: AppContext, orgId: string, colleagueIds: string[], count: number) {
  for (let start = 0; start < count; start += AUDIT_BATCH) {
    await inTransaction(ctx.db, async (tx) => {
      for (let i = start; i < Math.min(start + AUDIT_BATCH, count); i++) {
        const occurredAt = new Date(TRAIL_START + ((TRAIL_END - TRAIL_START) * i) / count);
        await recordAudit(tx, occurredAt, { orgId, ...auditEvent(i, orgId, colleagueIds) });
      }
    });
  }
}

/**
 * The data the API benchmarks read: one person in `organisationCount` organisations, the first of which has
 * five colleagues and an audit trail of `auditEntries` entries written through recordAudit.
 */
export async function buildFixture(
  ctx: AppContext,
  options: { organisationCount: number; auditEntries: number; analyze: boolean },
): Promise<Fixture> {
  const email = 'bench-owner@privacydesk.test';
  const { owner, colleagueIds, orgIds } = await inTransaction(ctx.db, async (tx) => {
    const owner = await createUser(ctx, tx, email, 'Bram Benchmark');
    const orgIds: string[] = [];
    for (let index = 0; index < options.organisationCount; index++) {
      const org = await organisations.createOrganisation(ctx, tx, organisationInput(index), {
        userId: owner.id,
        actor: SETUP_ACTOR,
      });
      orgIds.push(org.id);
    }
    const colleagueIds = [owner.id];
    for (let index = 1; index <= 4; index++) {
      const colleague = await createUser(ctx, tx, `collega-${index}@privacydesk.test`, `Collega ${index}`);
      await organisations.addMember(
        ctx,
        tx,
        { orgId: orgIds[0] as string, userId: colleague.id, role: 'editor' },
        SETUP_ACTOR,
      );
      colleagueIds.push(colleague.id);
    }
    return { owner, colleagueIds, orgIds };
  });
  const orgId = orgIds[0] as string;
  const [head] = await listChains(ctx.db, orgId);
  await writeAuditTrail(ctx, orgId, colleagueIds, options.auditEntries - (head?.seq ?? 0));
  // Statistics and visibility as autovacuum keeps them on PostgreSQL and the app's hourly maintenance on PGlite;
  // without it, PGlite's planner never learns the table sizes (see bench/README.md, --skip-analyze).
  if (options.analyze) await ctx.db.execute(VACUUM_AND_ANALYZE);
  return {
    email: owner.email,
    password: BENCH_PASSWORD,
    orgId,
    colleagueIds,
    organisationCount: options.organisationCount,
    auditEntries: options.auditEntries,
  };
}
