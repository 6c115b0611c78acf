import { addDays } from '../../shared/dates.ts';
import { EXPIRING_WITHIN_DAYS, type TAgreementStatus } from './contract.ts';

/** An Art. 28(3) item from the reference list. */
export interface ChecklistReferenceItem {
  id: string;
  nl: string;
  en: string;
}

/**
 * The status people read: a signed agreement whose end date has passed is expired, one that ends within
 * EXPIRING_WITHIN_DAYS is expiring; every other status is as set.
 */
export function effectiveStatus(
  agreement: { status: string; endDate: string | null },
  today: string,
): TAgreementStatus {
  const status = agreement.status as TAgreementStatus;
  if (status !== 'signed' || agreement.endDate === null) return status;
  if (agreement.endDate < today) return 'expired';
  if (agreement.endDate <= addDays(today, EXPIRING_WITHIN_DAYS)) return 'expiring';
  return 'signed';
}

/** Whether the agreement covers the processing today: signed, and not past its end. */
export const isInForce = (status: TAgreementStatus) => status === 'signed' || status === 'expiring';

/** Every item of the reference list with what the agreement records for it, in the reader's language. */
export function checklistOf(
  items: readonly ChecklistReferenceItem[],
  recorded: Record<string, { isPresent: boolean; reference: string }>,
  locale: 'nl' | 'en',
) {
  return items.map((item) => ({
    id: item.id,
    text: item[locale],
    isPresent: recorded[item.id]?.isPresent ?? false,
    reference: recorded[item.id]?.reference ?? '',
  }));
}

/** The ids of the reference items the agreement does not show, in the reference list's order. */
export function missingItems(
  items: readonly ChecklistReferenceItem[],
  recorded: Record<string, { isPresent: boolean }>,
): string[] {
  return items.filter((item) => !recorded[item.id]?.isPresent).map((item) => item.id);
}

/** Ids in a checklist update that the reference list does not know. */
export function unknownChecklistIds(items: readonly ChecklistReferenceItem[], ids: readonly string[]): string[] {
  const known = new Set(items.map((item) => item.id));
  return ids.filter((id) => !known.has(id));
}

export interface AgreementFacts {
  direction: string;
  vendorId: string | null;
  clientOrgId: string | null;
  externalName: string;
  startDate: string | null;
  endDate: string | null;
  status: string;
  signedOn: string | null;
}

/**
 * Only the counterparty of the agreement's direction is kept: a vendor for a supplier, a client organisation or an
 * external name and contact for a client.
 */
export function ownCounterparty<T extends AgreementFacts & { externalContact: string }>(agreement: T): T {
  if (agreement.direction === 'supplier')
    return { ...agreement, clientOrgId: null, externalName: '', externalContact: '' };
  if (agreement.clientOrgId) return { ...agreement, vendorId: null, externalName: '', externalContact: '' };
  return { ...agreement, vendorId: null };
}

/** Field errors of an agreement as a whole: a counterparty for its direction, its dates, a signature day for a signed one. */
export function agreementErrors(agreement: AgreementFacts): { path: string; code: string }[] {
  const errors: { path: string; code: string }[] = [];
  if (agreement.direction === 'supplier' && !agreement.vendorId)
    errors.push({ path: 'vendorId', code: 'agreement_counterparty_required' });
  if (agreement.direction === 'client' && !agreement.clientOrgId && !agreement.externalName)
    errors.push({ path: 'clientOrgId', code: 'agreement_counterparty_required' });
  if (agreement.startDate && agreement.endDate && agreement.endDate < agreement.startDate)
    errors.push({ path: 'endDate', code: 'agreement_end_before_start' });
  if (agreement.status === 'signed' && !agreement.signedOn)
    errors.push({ path: 'signedOn', code: 'agreement_signed_on_required' });
  return errors;
}

interface Named {
  id: string;
  name: string;
}

/**
 * What is not covered: processors (active vendors of kind processor) without an agreement in force, clients we
 * process for without one, and agreements in force that end within EXPIRING_WITHIN_DAYS.
 */
export function coverage(input: {
  processors: readonly Named[];
  clients: readonly Named[];
  agreements: readonly (AgreementFacts & Named)[];
  today: string;
}) {
  const inForce = input.agreements.filter((agreement) => isInForce(effectiveStatus(agreement, input.today)));
  const coveredVendors = new Set(inForce.filter((a) => a.direction === 'supplier').map((a) => a.vendorId));
  const coveredClients = new Set(inForce.filter((a) => a.direction === 'client').map((a) => a.clientOrgId));
  const byName = (a: Named, b: Named) => a.name.localeCompare(b.name);
  return {
    vendorsWithoutAgreement: input.processors.filter((vendor) => !coveredVendors.has(vendor.id)).sort(byName),
    clientsWithoutAgreement: input.clients.filter((client) => !coveredClients.has(client.id)).sort(byName),
    expiringSoon: input.agreements
      .filter((agreement) => effectiveStatus(agreement, input.today) === 'expiring')
      .map((agreement) => ({ id: agreement.id, name: agreement.name, endDate: agreement.endDate as string }))
      .sort((a, b) => a.endDate.localeCompare(b.endDate)),
  };
}
