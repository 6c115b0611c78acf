import type { Database } from '../../../platform/db/database.ts';
import { invalidFields } from '../../../platform/errors.ts';
import type { TClientOrganisation } from '../contract.ts';
import { clientsOf, type OrganisationRow } from '../store.ts';

/** How a controller can be reached: its privacy contact (name, e-mail, phone), then its address. */
function contactLine(org: OrganisationRow): string {
  const person = [org.privacyContactName, org.privacyContactEmail, org.privacyContactPhone].filter(Boolean).join(', ');
  const place = [org.postcode, org.city].filter(Boolean).join(' ');
  const address = [org.street, place].filter(Boolean).join(', ');
  return [person, address].filter(Boolean).join('; ');
}

/** The client organisations a provider manages, with their contact details (for its processor register). */
export async function clientOrganisations(db: Database, providerOrgId: string): Promise<TClientOrganisation[]> {
  const rows = await clientsOf(db, providerOrgId);
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, contact: contactLine(row) }));
}

/** Refuses organisation ids that are not clients of the provider (field error `unknown_reference` at each path). */
export async function assertClientsOfOrg(
  db: Database,
  providerOrgId: string,
  references: readonly { id: string; path: string }[],
): Promise<void> {
  if (references.length === 0) return;
  const clientIds = new Set((await clientsOf(db, providerOrgId)).map((row) => row.id));
  const unknown = references.filter((reference) => !clientIds.has(reference.id));
  if (unknown.length > 0) throw invalidFields(unknown.map(({ path }) => ({ path, code: 'unknown_reference' })));
}
