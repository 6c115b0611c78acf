import { randomBytes } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import * as identity from '../src/modules/identity/service.ts';
import type { TCreateOrganisationRequest, TRole } from '../src/modules/organisations/contract.ts';
import { ZCreateOrganisationRequest } from '../src/modules/organisations/contract.ts';
import * as organisations from '../src/modules/organisations/service.ts';
import { currentTotpCode } from '../src/platform/crypto/totp.ts';
import { inTransaction } from '../src/platform/db/transaction.ts';
import { mailMessages } from '../src/platform/mail/tables.ts';
import type { TestApp } from './app.ts';
import { TestClient } from './client.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

const unique = () => randomBytes(4).toString('hex');

export interface TestPerson {
  id: string;
  email: string;
  name: string;
  password: string;
  totpSecret?: string;
  client: TestClient;
}

/** A person with an account, signed in through the API (with TOTP enrolled through the API when asked). */
export async function createPerson(
  app: TestApp,
  options: { email?: string; name?: string; locale?: 'nl' | 'en'; withTotp?: boolean } = {},
): Promise<TestPerson> {
  const email = options.email ?? `person-${unique()}@example.nl`;
  const name = options.name ?? `Test Person ${unique()}`;
  const user = await inTransaction(app.ctx.db, (tx) =>
    identity.createUser(
      app.ctx,
      tx,
      { email, name, password: TEST_PASSWORD, locale: options.locale ?? 'nl' },
      { type: 'system', id: 'test' },
    ),
  );
  const client = new TestClient(app.http, { locale: options.locale ?? 'nl' });
  await client.signIn(email, TEST_PASSWORD);
  const person: TestPerson = { id: user.id, email, name, password: TEST_PASSWORD, client };
  if (options.withTotp) person.totpSecret = await enrolTotp(app, client);
  return person;
}

/** Enrols TOTP through the API and returns the secret (as the person's authenticator app would hold it). */
export async function enrolTotp(app: TestApp, client: TestClient): Promise<string> {
  return (await enrolTwoFactor(app, client)).secret;
}

/** Enrols TOTP through the API: the secret and the ten recovery codes the person was shown once. */
export async function enrolTwoFactor(
  app: TestApp,
  client: TestClient,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrolment = await client.post('/api/me/totp/enrolment');
  if (enrolment.status !== 200) throw new Error(`enrolment failed: ${JSON.stringify(enrolment.body)}`);
  const secret = enrolment.body.secret as string;
  const confirmed = await client.post('/api/me/totp/enrolment/confirm', {
    code: currentTotpCode(secret, app.clock.now()),
  });
  if (confirmed.status !== 200) throw new Error(`confirm failed: ${JSON.stringify(confirmed.body)}`);
  app.clock.advance(30_000);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes };
}

/** Creates an API token through the API as the organisation's owner; the secret as the response showed it once. */
export async function createApiToken(
  org: TestOrganisation,
  options: { scopes?: ('read' | 'write' | 'webhook')[]; name?: string; expiresOn?: string | null } = {},
): Promise<{ id: string; token: string }> {
  const response = await org.owner.client.post(`/api/orgs/${org.id}/api-tokens`, {
    name: options.name ?? `Token ${unique()}`,
    scopes: options.scopes ?? ['read'],
    expiresOn: options.expiresOn ?? null,
  });
  if (response.status !== 201) throw new Error(`token creation failed: ${JSON.stringify(response.body)}`);
  return { id: response.body.apiToken.id, token: response.body.token };
}

export function organisationInput(
  overrides: Partial<Record<keyof TCreateOrganisationRequest, unknown>> = {},
): TCreateOrganisationRequest {
  return ZCreateOrganisationRequest.parse({
    name: `Test Organisatie ${unique()}`,
    kvkNumber: '12345678',
    street: 'Stationsplein 1',
    postcode: '3811 AB',
    city: 'Amersfoort',
    ...overrides,
  });
}

export interface TestOrganisation {
  id: string;
  slug: string;
  owner: TestPerson;
}

/** An organisation with a fresh owner. */
export async function createOrganisation(
  app: TestApp,
  options: { owner?: TestPerson; input?: Partial<Record<keyof TCreateOrganisationRequest, unknown>> } = {},
): Promise<TestOrganisation> {
  const owner = options.owner ?? (await createPerson(app));
  const org = await organisations.createOrganisationForUser(app.ctx, organisationInput(options.input), owner.id);
  return { id: org.id, slug: org.slug, owner };
}

/** Adds a person to an organisation with a role (as an accepted invitation would). */
export async function addMember(
  app: TestApp,
  org: TestOrganisation,
  role: TRole,
  person?: TestPerson,
): Promise<TestPerson> {
  const member = person ?? (await createPerson(app));
  const invite = await org.owner.client.post(`/api/orgs/${org.id}/invitations`, { email: member.email, role });
  if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  const token = await invitationTokenFromOutbox(app, member.email);
  const accepted = await member.client.post(`/api/invitations/${token}/accept`, {});
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return member;
}

/** Reads the latest invitation link sent to an address out of the outbox, as the recipient would from their mail. */
export async function invitationTokenFromOutbox(app: TestApp, email: string): Promise<string> {
  return linkTokenFromOutbox(app, email, /\/invitations\/([\w-]+)/);
}

export async function linkTokenFromOutbox(app: TestApp, email: string, pattern: RegExp): Promise<string> {
  const [message] = await app.ctx.db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.recipient, email))
    .orderBy(desc(mailMessages.createdAt))
    .limit(1);
  if (!message) throw new Error(`no mail to ${email}`);
  const match = app.ctx.secrets.open(message.bodySealed).match(pattern);
  if (!match?.[1]) throw new Error(`no link in mail to ${email}`);
  return decodeURIComponent(match[1]);
}
