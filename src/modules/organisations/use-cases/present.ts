import type { TOrganisation, TPrivacyContact, TRole } from '../contract.ts';
import type { OrganisationRow } from '../store.ts';

function presentPrivacyContact(org: OrganisationRow): TPrivacyContact | null {
  if (!org.privacyContactKind || !org.privacyContactName || !org.privacyContactEmail) return null;
  return {
    kind: org.privacyContactKind === 'dpo' ? 'dpo' : 'privacy_officer',
    name: org.privacyContactName,
    email: org.privacyContactEmail,
    phone: org.privacyContactPhone,
    isExternal: org.privacyContactIsExternal,
    organisation: org.privacyContactOrganisation,
  };
}

export function presentOrganisation(org: OrganisationRow, manager: { id: string; name: string } | null): TOrganisation {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    kvkNumber: org.kvkNumber,
    street: org.street,
    postcode: org.postcode,
    city: org.city,
    country: org.country,
    defaultLocale: org.defaultLocale === 'en' ? 'en' : 'nl',
    isController: org.isController,
    isProcessor: org.isProcessor,
    requireMfa: org.requireMfa,
    managedBy: manager,
    privacyContact: presentPrivacyContact(org),
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}

/** The privacy contact as table columns (null clears it). */
export function privacyContactColumns(contact: TPrivacyContact | null) {
  return {
    privacyContactKind: contact?.kind ?? null,
    privacyContactName: contact?.name ?? null,
    privacyContactEmail: contact?.email ?? null,
    privacyContactPhone: contact?.phone ?? null,
    privacyContactIsExternal: contact?.isExternal ?? false,
    privacyContactOrganisation: contact?.organisation ?? null,
  };
}

export function asRole(value: string): TRole {
  return value === 'owner' || value === 'privacy_officer' || value === 'editor' ? value : 'viewer';
}
