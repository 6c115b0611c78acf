import type { FieldError } from '../../platform/errors.ts';
import { isValidPostcode, normalisePostcode } from '../../shared/identifiers-nl.ts';
import type { TRole } from './contract.ts';

export const INVITATION_DAYS = 7;

/** A URL name from an organisation name: "Bakkerij Één & Zn." → "bakkerij-een-zn". */
export function slugFromName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return base.length >= 3 ? base : `org-${base}`.replace(/-+$/, '').padEnd(3, '0');
}

/** The next free variant of a slug: `name`, `name-2`, `name-3`, … */
export function nextFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Checks the whole organisation after an update, since a postcode rule depends on the country. */
export function organisationProblems(org: {
  country: string;
  postcode: string;
  isController: boolean;
  isProcessor: boolean;
}): FieldError[] {
  const problems: FieldError[] = [];
  if (org.country === 'NL' && org.postcode && !isValidPostcode(org.postcode)) {
    problems.push({ path: 'postcode', code: 'postcode_format' });
  }
  if (!org.isController && !org.isProcessor) problems.push({ path: 'isController', code: 'role_required' });
  return problems;
}

/** How a (valid) postcode is stored: a Dutch one as "1234 AB", any other as given. */
export function postcodeForStorage(country: string, postcode: string): string {
  return country === 'NL' && postcode ? normalisePostcode(postcode) : postcode;
}

/**
 * Whether a membership may change from `current` to `next` (null: removed) without leaving the organisation
 * without an owner.
 */
export function keepsAnOwner(ownerCount: number, current: TRole, next: TRole | null): boolean {
  const losesOwner = current === 'owner' && next !== 'owner';
  return !losesOwner || ownerCount > 1;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}
