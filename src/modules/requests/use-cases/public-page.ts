/**
 * The public request page (`/p/<org-slug>/request`): a person without an account submits a request, confirms the
 * e-mail address by a link, and the request lands on the desk with its legal deadline. Protected without any
 * third-party service: a proof of work per submission, a limit per address and a ceiling per organisation; a
 * refused submission writes nothing and sends nothing.
 */
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { generateToken, hashToken, sha256Hex } from '../../../platform/crypto/tokens.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { isUniqueViolation, retryOnUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/access.ts';
import * as organisations from '../../organisations/service.ts';
import {
  REQUEST_RIGHTS,
  type TConfirmedRequest,
  type TPublicRequestPage,
  type TSubmitPublicRequest,
} from '../contract.ts';
import { confirmationLetter, receiptLetter } from '../letters.ts';
import { issueChallenge, verifyProof } from '../proof-of-work.ts';
import { CONFIRMATION_HOURS, dueDatesOf, normaliseEmail, throttleVerdict } from '../rules.ts';
import * as store from '../store.ts';
import { addEvent, sendLetter } from './events.ts';
import { openContent, referenceOf, sealContent } from './present.ts';

const PUBLIC_ACTOR: Actor = { type: 'system', id: 'request_page' };

async function organisationOfPage(ctx: AppContext, slug: string) {
  const org = await organisations.organisationByRef(ctx, slug);
  if (!org || org.slug !== slug) throw notFound('request_page_not_found');
  return org;
}

export async function getRequestPage(ctx: AppContext, slug: string): Promise<TPublicRequestPage> {
  const org = await organisationOfPage(ctx, slug);
  return {
    organisation: {
      slug: org.slug,
      name: org.name,
      defaultLocale: org.defaultLocale === 'en' ? 'en' : 'nl',
      privacyContactName: org.privacyContactName,
      privacyContactEmail: org.privacyContactEmail,
    },
    rights: [...REQUEST_RIGHTS],
    confirmationHours: CONFIRMATION_HOURS,
    proof: issueChallenge(ctx.identifiers, org.id, ctx.clock.now(), ctx.config.requestProofDifficulty),
  };
}

/**
 * Takes a submission: checks the proof and the limits, stores it unconfirmed (sealed) and mails the confirmation
 * link. Bots that fill in the hidden field get the same answer and nothing happens.
 */
export async function submitPublicRequest(ctx: AppContext, slug: string, input: TSubmitPublicRequest): Promise<void> {
  const org = await organisationOfPage(ctx, slug);
  const now = ctx.clock.now();
  const verdict = verifyProof(ctx.identifiers, input.proof, {
    orgId: org.id,
    now,
    minimumDifficulty: ctx.config.requestProofDifficulty,
  });
  if (verdict !== 'valid') throw new AppError('invalid', 'request_proof_invalid');
  if (input.website) return;
  const emailHash = ctx.identifiers.hash(normaliseEmail(input.email));
  const throttle = throttleVerdict(await store.submissionCounts(ctx.db, org.id, emailHash, now));
  if (throttle === 'address_limit') throw new AppError('rate_limited', 'request_throttled');
  if (throttle === 'organisation_limit') throw new AppError('rate_limited', 'request_busy');

  const token = generateToken('', 32);
  const { originalDue } = dueDatesOf(now);
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const row = await store.insertRequest(tx, {
      orgId: org.id,
      right: input.right,
      channel: 'web',
      status: 'unconfirmed',
      locale: input.locale,
      contentSealed: sealContent(ctx, {
        name: input.name,
        email: input.email,
        phone: input.phone || null,
        postalAddress: null,
        description: input.description || null,
      }),
      emailHash,
      receivedAt: now,
      originalDueOn: originalDue,
      dueOn: originalDue,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(now.getTime() + CONFIRMATION_HOURS * 60 * 60 * 1000),
      proofHash: sha256Hex(input.proof.challenge),
    });
    await addEvent(ctx, tx, row, 'submitted', PUBLIC_ACTOR, { data: { right: input.right, channel: 'web' } });
    const link = `${ctx.config.publicUrl}/p/${org.slug}/request/confirm?token=${encodeURIComponent(token)}`;
    const letter = confirmationLetter(input.locale, {
      name: input.name,
      organisation: org.name,
      right: input.right,
      link,
    });
    await sendLetter(
      ctx,
      tx,
      row,
      { to: input.email, locale: input.locale, letter, isSensitive: true },
      PUBLIC_ACTOR,
      afterCommit,
    );
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError('invalid', 'request_proof_invalid');
    throw error;
  });
}

/**
 * Confirms the e-mail address: the request gets its number, joins the desk and the person gets a receipt with the
 * due date. The deadline counts from the submission (the earliest moment of receipt, so following it is never late).
 * Confirming twice shows the same request again.
 */
export async function confirmRequest(ctx: AppContext, token: string): Promise<TConfirmedRequest> {
  const tokenHash = hashToken(token);
  const found = await store.findByConfirmToken(ctx.db, tokenHash);
  const org = found ? await organisations.organisationByRef(ctx, found.orgId) : null;
  if (!found || !org) throw new AppError('not_found', 'request_confirm_invalid');
  if (found.status !== 'unconfirmed') {
    if (found.number === null) throw new AppError('not_found', 'request_confirm_invalid');
    return present(found, org.name);
  }
  const now = ctx.clock.now();
  const content = openContent(ctx, found);
  if (!found.confirmExpiresAt || found.confirmExpiresAt < now || !content) {
    throw new AppError('not_found', 'request_confirm_invalid');
  }
  return retryOnUniqueViolation(() =>
    inTransaction(ctx.db, async (tx, afterCommit) => {
      const row = await store.lockByConfirmToken(tx, tokenHash);
      if (!row) throw new AppError('not_found', 'request_confirm_invalid');
      if (row.status !== 'unconfirmed') return present(row, org.name);
      const number = await store.nextRequestNumber(tx, row.orgId);
      await store.updateRequest(tx, row.orgId, row.id, { status: 'open', number, confirmedAt: now });
      const confirmed = { ...row, number };
      const reference = referenceOf(confirmed) as string;
      await addEvent(ctx, tx, row, 'confirmed', PUBLIC_ACTOR);
      await recordAudit(tx, now, {
        orgId: row.orgId,
        actor: PUBLIC_ACTOR,
        action: 'subject_request.received',
        target: { type: 'subject_request', id: row.id, name: reference },
        data: { right: row.right, channel: row.channel },
      });
      const locale = row.locale === 'en' ? 'en' : 'nl';
      const letter = receiptLetter(locale, {
        name: content.name,
        organisation: org.name,
        reference,
        right: row.right as TConfirmedRequest['right'],
        receivedOn: dueDatesOf(row.receivedAt).receivedOn,
        due: row.dueOn,
      });
      if (content.email) {
        await sendLetter(ctx, tx, row, { to: content.email, locale, letter }, PUBLIC_ACTOR, afterCommit);
      }
      return present(confirmed, org.name);
    }),
  );
}

function present(row: store.RequestRow, organisationName: string): TConfirmedRequest {
  return {
    reference: referenceOf(row) as string,
    organisationName,
    right: row.right as TConfirmedRequest['right'],
    receivedOn: dueDatesOf(row.receivedAt).receivedOn,
    due: row.dueOn,
  };
}
