import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { hashPassword } from '../../../platform/crypto/passwords.ts';
import type { Database } from '../../../platform/db/database.ts';
import { conflict, invalidFields } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { TCreateUserRequest } from '../contract.ts';
import { passwordProblems } from '../rules.ts';
import { findUserByEmail, insertUser, type UserRow } from '../store.ts';

/** Rejects a new password that breaks the rules, naming the field it came from. */
export function assertAcceptablePassword(password: string, person: { email: string; name?: string }, field: string) {
  const problems = passwordProblems(password, person);
  if (problems.length > 0) throw invalidFields(problems.map((code) => ({ path: field, code })));
}

/** Creates a person's account (setup, an accepted invitation, the CLI, demo data). */
export async function createUser(
  ctx: AppContext,
  tx: Database,
  input: TCreateUserRequest & { isDemo?: boolean },
  actor: Actor,
): Promise<UserRow> {
  assertAcceptablePassword(input.password, input, 'password');
  if (await findUserByEmail(tx, input.email)) throw conflict('email_taken');
  const user = await insertUser(tx, {
    email: input.email,
    name: input.name,
    locale: input.locale,
    passwordHash: await hashPassword(input.password),
    isDemo: input.isDemo ?? false,
  });
  await recordAudit(tx, ctx.clock.now(), {
    orgId: null,
    actor,
    action: 'user.created',
    target: { type: 'user', id: user.id },
  });
  return user;
}
