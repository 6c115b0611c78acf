import type { TCreateOrganisationInput, TOrganisation, TPrivacyContact } from '../../api/organisations.ts';

/** What the organisation forms edit; text fields are strings (empty when not filled in). */
export interface OrganisationValues {
  name: string;
  kvkNumber: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
  defaultLocale: 'nl' | 'en';
  isController: boolean;
  isProcessor: boolean;
}

export interface PrivacyContactValues {
  hasContact: boolean;
  kind: TPrivacyContact['kind'];
  name: string;
  email: string;
  phone: string;
  isExternal: boolean;
  organisation: string;
}

export const emptyOrganisation = (defaultLocale: 'nl' | 'en'): OrganisationValues => ({
  name: '',
  kvkNumber: '',
  street: '',
  postcode: '',
  city: '',
  country: 'NL',
  defaultLocale,
  isController: true,
  isProcessor: false,
});

export function organisationValuesOf(org: TOrganisation): OrganisationValues {
  return {
    name: org.name,
    kvkNumber: org.kvkNumber ?? '',
    street: org.street,
    postcode: org.postcode,
    city: org.city,
    country: org.country,
    defaultLocale: org.defaultLocale,
    isController: org.isController,
    isProcessor: org.isProcessor,
  };
}

export function privacyContactValuesOf(contact: TPrivacyContact | null): PrivacyContactValues {
  return {
    hasContact: contact !== null,
    kind: contact?.kind ?? 'privacy_officer',
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    isExternal: contact?.isExternal ?? false,
    organisation: contact?.organisation ?? '',
  };
}

/** The request body's organisation fields: an empty KvK number means none. */
export function toOrganisationInput(values: OrganisationValues): TCreateOrganisationInput {
  return { ...values, kvkNumber: values.kvkNumber.trim() === '' ? null : values.kvkNumber };
}

export function toPrivacyContact(values: PrivacyContactValues): TPrivacyContact | null {
  if (!values.hasContact) return null;
  return {
    kind: values.kind,
    name: values.name,
    email: values.email,
    phone: values.phone.trim() === '' ? null : values.phone,
    isExternal: values.isExternal,
    organisation: values.isExternal && values.organisation.trim() !== '' ? values.organisation : null,
  };
}

/** Only what changed, so a privacy officer's save never touches the owner-only fields. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key];
  }
  return changed;
}
