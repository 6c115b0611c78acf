import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { conflict } from '../../../platform/errors.ts';
import * as identity from '../../identity/service.ts';
import type { TSetupRequest } from '../contract.ts';
import { createOrganisation } from './organisations.ts';

/** Any fixed number: serialises concurrent first-visit setups so exactly one becomes the first owner. */
const SETUP_LOCK_KEY = 7_303_118_422;

/**
 * A fresh installation's first visit: creates the first owner and their organisation, and signs them in.
 * Refused as soon as any account exists.
 */
export async function setupFirstOwner(ctx: AppContext, input: TSetupRequest, device: identity.Device) {
  return inTransaction(ctx.db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if ((await identity.countUsers(tx)) > 0) throw conflict('setup_done');
    const user = await identity.createUser(ctx, tx, input.user, { type: 'anonymous', id: null });
    await createOrganisation(ctx, tx, input.organisation, { userId: user.id, actor: { type: 'user', id: user.id } });
    return identity.startSession(ctx, tx, user, { isFullyAuthenticated: true, device });
  });
}
