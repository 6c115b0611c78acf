import type { TestClient } from '../../test/client.ts';
import type { E2eServer } from './server.ts';

export const PASSWORD = 'een lange zin als wachtwoord';

/** Fictional people and companies (no real names). */
export const OWNER = { name: 'Anouk de Wit', email: 'anouk@dewit-ict.example', password: PASSWORD };

export interface SeededOwner {
  client: TestClient;
  orgId: string;
  orgSlug: string;
}

/** First start through the API: the first owner and their organisation; the client is signed in as the owner. */
export async function setupFirstOwner(
  server: E2eServer,
  organisation: Record<string, unknown> = { name: 'De Wit ICT-beheer', kvkNumber: '12345678', isProcessor: true },
  owner = OWNER,
): Promise<SeededOwner> {
  const client = server.client();
  const setup = await client.post('/api/setup', { user: { ...owner, locale: 'nl' }, organisation });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  await client.get('/api/auth/session');
  const organisations = await client.get('/api/orgs');
  const [org] = organisations.body.organisations;
  return { client, orgId: org.id, orgSlug: org.slug };
}

/** Creates an organisation as the client's person; returns its slug. */
export async function createOrganisation(
  client: TestClient,
  body: Record<string, unknown>,
): Promise<{ id: string; slug: string }> {
  const response = await client.post('/api/orgs', body);
  if (response.status !== 201) throw new Error(`create organisation failed: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, slug: response.body.slug };
}
