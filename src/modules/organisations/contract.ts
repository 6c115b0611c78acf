import { z } from 'zod';
import { normaliseCountryCode } from '../../shared/countries.ts';
import { ZEmail, ZLocale, ZPassword, ZPersonName } from '../../shared/fields.ts';
import { isValidKvkNumber, isValidPostcode, normalisePostcode } from '../../shared/identifiers-nl.ts';

export const ZRole = z.enum(['viewer', 'editor', 'privacy_officer', 'owner']);
export type TRole = z.infer<typeof ZRole>;

export const ZCountryCode = z
  .string()
  .trim()
  .transform((value, context) => {
    const code = normaliseCountryCode(value);
    if (!code) {
      context.addIssue({ code: 'custom', message: 'validation.country_code' });
      return z.NEVER;
    }
    return code;
  });

const ZKvkNumber = z.string().trim().refine(isValidKvkNumber, { error: 'validation.kvk_format' });

export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])$/, { error: 'validation.slug_format' })
  // A slug shaped like an id would be read as an id wherever an organisation is named by either.
  .refine((slug) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(slug), {
    error: 'validation.slug_format',
  });

export const ZPrivacyContact = z.strictObject({
  kind: z.enum(['dpo', 'privacy_officer']),
  name: ZPersonName,
  email: ZEmail,
  phone: z.string().trim().max(40).nullable().default(null),
  isExternal: z.boolean().default(false),
  /** The firm an external DPO works for. */
  organisation: z.string().trim().max(200).nullable().default(null),
});
export type TPrivacyContact = z.infer<typeof ZPrivacyContact>;

/** The privacy contact as responses show it: plain output types, since responses are encoded (no transforms). */
const ZPrivacyContactView = z.object({
  kind: z.enum(['dpo', 'privacy_officer']),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  isExternal: z.boolean(),
  organisation: z.string().nullable(),
});

const organisationFields = {
  name: z.string().trim().min(2, { error: 'validation.too_short' }).max(200),
  kvkNumber: ZKvkNumber.nullable(),
  street: z.string().trim().max(200),
  postcode: z.string().trim().max(20),
  city: z.string().trim().max(100),
  country: ZCountryCode,
  defaultLocale: ZLocale,
  isController: z.boolean(),
  isProcessor: z.boolean(),
  requireMfa: z.boolean(),
};

/** A Dutch address needs a valid postcode; abroad, any format goes. At least one role must be chosen. */
function refineOrganisation(
  value: { postcode?: string | undefined; country?: string | undefined; isController?: boolean; isProcessor?: boolean },
  context: z.RefinementCtx,
) {
  if (value.country === 'NL' && value.postcode && !isValidPostcode(value.postcode)) {
    context.addIssue({ code: 'custom', path: ['postcode'], message: 'validation.postcode_format' });
  }
  if (value.isController === false && value.isProcessor === false) {
    context.addIssue({ code: 'custom', path: ['isController'], message: 'validation.role_required' });
  }
}

export const ZCreateOrganisationRequest = z
  .strictObject({
    ...organisationFields,
    slug: ZSlug.optional(),
    kvkNumber: organisationFields.kvkNumber.default(null),
    street: organisationFields.street.default(''),
    postcode: organisationFields.postcode.default(''),
    city: organisationFields.city.default(''),
    country: organisationFields.country.default('NL'),
    defaultLocale: ZLocale.default('nl'),
    isController: z.boolean().default(true),
    isProcessor: z.boolean().default(false),
    requireMfa: z.boolean().default(false),
    /** Create it as a client organisation looked after by this one (which the creator must own). */
    managedByOrgId: z.uuid().nullable().default(null),
    privacyContact: ZPrivacyContact.nullable().default(null),
  })
  .superRefine(refineOrganisation)
  .transform((value) => ({
    ...value,
    postcode: value.country === 'NL' && value.postcode ? normalisePostcode(value.postcode) : value.postcode,
  }));
export type TCreateOrganisationRequest = z.output<typeof ZCreateOrganisationRequest>;

export const ZUpdateOrganisationRequest = z
  .strictObject({ ...organisationFields, slug: ZSlug, privacyContact: ZPrivacyContact.nullable() })
  .partial()
  .superRefine(refineOrganisation)
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateOrganisationRequest = z.output<typeof ZUpdateOrganisationRequest>;

export const ZOrganisation = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kvkNumber: z.string().nullable(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  country: z.string(),
  defaultLocale: ZLocale,
  isController: z.boolean(),
  isProcessor: z.boolean(),
  requireMfa: z.boolean(),
  managedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  privacyContact: ZPrivacyContactView.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

/** One of my organisations, as the switcher lists it. */
export const ZMyOrganisation = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  role: ZRole,
  requireMfa: z.boolean(),
  managedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** How many client organisations this one looks after (for ICT service providers). */
  clientCount: z.number().int(),
});
export type TMyOrganisation = z.infer<typeof ZMyOrganisation>;
export const ZMyOrganisationList = z.object({ organisations: z.array(ZMyOrganisation) });

export const ZMember = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  hasTotp: z.boolean(),
  joinedAt: z.iso.datetime(),
});
export type TMember = z.infer<typeof ZMember>;
export const ZMemberList = z.object({ members: z.array(ZMember) });

export const ZChangeRoleRequest = z.strictObject({ role: ZRole });

export const ZInvitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: ZRole,
  invitedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export type TInvitation = z.infer<typeof ZInvitation>;
export const ZInvitationList = z.object({ invitations: z.array(ZInvitation) });

export const ZCreateInvitationRequest = z.strictObject({
  email: ZEmail,
  role: ZRole,
  /** Language of the invitation mail; the organisation's default when omitted. */
  locale: ZLocale.optional(),
});

/** What the invitation page shows before accepting; nothing beyond what the link's holder was told by mail. */
export const ZInvitationPreview = z.object({
  organisationName: z.string(),
  role: ZRole,
  email: z.string(),
  hasAccount: z.boolean(),
  locale: ZLocale,
});

/**
 * Accepting an invitation: signed in as the invited address, send nothing; without an account, send a name and a
 * password to create one (both, or neither).
 */
export const ZAcceptInvitationRequest = z
  .strictObject({ name: ZPersonName.optional(), password: ZPassword.optional(), locale: ZLocale.optional() })
  .superRefine((value, context) => {
    if (value.name !== undefined && value.password === undefined) {
      context.addIssue({ code: 'custom', path: ['password'], message: 'validation.required' });
    }
    if (value.password !== undefined && value.name === undefined) {
      context.addIssue({ code: 'custom', path: ['name'], message: 'validation.required' });
    }
  });
export type TAcceptInvitationRequest = z.infer<typeof ZAcceptInvitationRequest>;

export const ZAcceptInvitationResponse = z.object({ organisation: ZMyOrganisation });

/** First start without demo data: the first owner and their organisation. */
export const ZSetupRequest = z.strictObject({
  user: z.strictObject({ name: ZPersonName, email: ZEmail, password: ZPassword, locale: ZLocale.default('nl') }),
  organisation: ZCreateOrganisationRequest,
});
export type TSetupRequest = z.output<typeof ZSetupRequest>;

/**
 * A client organisation a provider manages, as the provider's register names it when acting as its processor
 * (Art. 30(2)(a)): name and contact details, read from the client's own settings.
 */
export const ZClientOrganisation = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  /** The client's privacy contact (name and e-mail) and address, as one line; empty when it has recorded neither. */
  contact: z.string(),
});
export type TClientOrganisation = z.infer<typeof ZClientOrganisation>;
export const ZClientOrganisationList = z.object({ clients: z.array(ZClientOrganisation) });
