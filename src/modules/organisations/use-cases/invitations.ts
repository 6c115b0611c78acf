import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { generateToken, hashToken } from '../../../platform/crypto/tokens.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import type { OrgScope, Principal } from '../../../platform/http/access.ts';
import { isLocale, type Locale, translate } from '../../../platform/i18n/index.ts';
import { composeText } from '../../../platform/mail/layout.ts';
import * as identity from '../../identity/service.ts';
import type { TAcceptInvitationRequest, TInvitation, TMyOrganisation, TRole } from '../contract.ts';
import { INVITATION_DAYS, invitationStatus } from '../rules.ts';
import {
  findInvitationByTokenHash,
  findMembership,
  findOrganisation,
  insertInvitation,
  insertMembership,
  listInvitations as listInvitationRows,
  markInvitationAccepted,
  revokeInvitation as revokeInvitationRow,
  revokePendingInvitationsTo,
} from '../store.ts';
import { listMyOrganisations } from './organisations.ts';
import { asRole } from './present.ts';

function invitationMail(locale: Locale, input: { orgName: string; inviter: string; role: TRole; link: string }) {
  const role = translate(locale, `roles.${input.role}`);
  return {
    subject: translate(locale, 'mail.invitation.subject', { organisation: input.orgName }),
    text: composeText(locale, [
      translate(locale, 'mail.invitation.body', { inviter: input.inviter, organisation: input.orgName, role }),
      input.link,
      translate(locale, 'mail.invitation.expiry', { days: INVITATION_DAYS }),
    ]),
  };
}

/** Invites someone by e-mail: a one-time link, valid for a week, mailed in the chosen language. */
export async function createInvitation(
  ctx: AppContext,
  scope: OrgScope,
  input: { email: string; role: TRole; locale?: Locale | undefined },
): Promise<TInvitation> {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const org = await findOrganisation(tx, scope.orgId);
    if (!org) throw notFound('organisation_not_found');
    const existing = await identity.findUserByEmail(tx, input.email);
    if (existing && (await findMembership(tx, org.id, existing.id))) throw conflict('already_member');
    const now = ctx.clock.now();
    const token = generateToken('', 32);
    const inviterName =
      scope.actor.type === 'user' ? ((await identity.findUserById(tx, scope.actor.id))?.name ?? '') : org.name;
    await revokePendingInvitationsTo(tx, org.id, input.email, now);
    const invitation = await insertInvitation(tx, {
      orgId: org.id,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedByUserId: scope.actor.type === 'user' ? scope.actor.id : null,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    });
    const locale = input.locale ?? (isLocale(org.defaultLocale) ? org.defaultLocale : 'nl');
    const link = `${ctx.config.publicUrl}/invitations/${encodeURIComponent(token)}`;
    const mail = invitationMail(locale, { orgName: org.name, inviter: inviterName, role: input.role, link });
    await ctx.outbox.queue(
      tx,
      { orgId: org.id, to: input.email, locale, template: 'organisations.invitation', ...mail, isSensitive: true },
      afterCommit,
    );
    await recordAudit(tx, now, {
      orgId: org.id,
      actor: scope.actor,
      action: 'invitation.created',
      target: { type: 'invitation', id: invitation.id },
      data: { role: input.role, emailHash: ctx.identifiers.hash(input.email) },
    });
    return { ...presentInvitation(invitation, inviterName || null, now) };
  });
}

function presentInvitation(
  invitation: {
    id: string;
    email: string;
    role: string;
    createdAt: Date;
    expiresAt: Date;
    acceptedAt: Date | null;
    revokedAt: Date | null;
  },
  invitedBy: string | null,
  now: Date,
): TInvitation {
  return {
    id: invitation.id,
    email: invitation.email,
    role: asRole(invitation.role),
    invitedBy,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    status: invitationStatus(invitation, now),
  };
}

export async function listInvitations(ctx: AppContext, scope: OrgScope): Promise<TInvitation[]> {
  const rows = await listInvitationRows(ctx.db, scope.orgId);
  const now = ctx.clock.now();
  return rows.map((row) => presentInvitation(row.invitation, row.invitedBy, now));
}

export async function revokeInvitation(ctx: AppContext, scope: OrgScope, invitationId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    if (!(await revokeInvitationRow(tx, scope.orgId, invitationId, ctx.clock.now())))
      throw notFound('invitation_not_found');
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'invitation.revoked',
      target: { type: 'invitation', id: invitationId },
    });
  });
}

async function pendingInvitation(db: Database, token: string, now: Date) {
  const found = await findInvitationByTokenHash(db, hashToken(token));
  if (!found || invitationStatus(found.invitation, now) !== 'pending') throw notFound('invitation_invalid');
  return found;
}

export async function previewInvitation(ctx: AppContext, token: string) {
  const { invitation, org } = await pendingInvitation(ctx.db, token, ctx.clock.now());
  return {
    organisationName: org.name,
    role: asRole(invitation.role),
    email: invitation.email,
    hasAccount: (await identity.findUserByEmail(ctx.db, invitation.email)) !== undefined,
    locale: isLocale(org.defaultLocale) ? org.defaultLocale : ('nl' as const),
  };
}

export interface AcceptedInvitation {
  organisation: TMyOrganisation;
  /** Set when a new account was made: the session to sign it in with. */
  newSession: Awaited<ReturnType<typeof identity.startSession>> | null;
}

/**
 * Accepts an invitation. Signed in as the invited address: joins. No account yet: creates one with the given name
 * and password and signs it in. An existing account must sign in first, so nobody joins on another's behalf.
 */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  principal: Principal | null,
  input: TAcceptInvitationRequest,
  device: identity.Device,
): Promise<AcceptedInvitation> {
  const result = await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const { invitation, org } = await pendingInvitation(tx, token, now);
    const signedIn = principal?.kind === 'session' && principal.isFullyAuthenticated ? principal : null;
    let userId: string;
    let newSession: AcceptedInvitation['newSession'] = null;
    if (signedIn) {
      const user = await identity.findUserById(tx, signedIn.userId);
      if (user?.email !== invitation.email) throw new AppError('forbidden', 'invitation_email_mismatch');
      if (await findMembership(tx, org.id, signedIn.userId)) throw conflict('already_member');
      userId = signedIn.userId;
    } else {
      if (input.password === undefined || input.name === undefined) {
        throw new AppError('unauthenticated', 'invitation_sign_in_required');
      }
      if (await identity.findUserByEmail(tx, invitation.email))
        throw new AppError('unauthenticated', 'invitation_sign_in_required');
      const user = await identity.createUser(
        ctx,
        tx,
        {
          email: invitation.email,
          name: input.name,
          password: input.password,
          locale: input.locale ?? (isLocale(org.defaultLocale) ? org.defaultLocale : 'nl'),
        },
        { type: 'anonymous', id: null },
      );
      userId = user.id;
      newSession = await identity.startSession(ctx, tx, user, { isFullyAuthenticated: true, device });
    }
    if (!(await markInvitationAccepted(tx, invitation.id, now))) throw notFound('invitation_invalid');
    await insertMembership(tx, { orgId: org.id, userId, role: invitation.role });
    await recordAudit(tx, now, {
      orgId: org.id,
      actor: { type: 'user', id: userId },
      action: 'invitation.accepted',
      target: { type: 'invitation', id: invitation.id },
      data: { role: invitation.role, userId },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: org.id, changed: { memberIds: [userId] } });
    return { orgId: org.id, userId, newSession };
  });
  const organisations = await listMyOrganisations(ctx, result.userId);
  const organisation = organisations.find((org) => org.id === result.orgId);
  if (!organisation) throw notFound('organisation_not_found');
  return { organisation, newSession: result.newSession };
}
