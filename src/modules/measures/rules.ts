/**
 * Pure rules of the register of security measures: which inventory facts are findings, which measure settles
 * which finding, what an evidence file really is, and the register's "security measures" text from the measures.
 */
import type { FieldError } from '../../platform/errors.ts';
import { CATALOGUE_KEYS, catalogueMeasure } from './catalogue.ts';
import type { TFindingKind, TMeasureStatus } from './contract.ts';

export interface SystemFacts {
  id: string;
  name: string;
  kind: string;
  status: string;
  vendorId: string | null;
  isMfaEnforced: boolean | null;
  isEncryptedAtRest: boolean | null;
}

export interface LocationFacts {
  systemId: string;
  role: string;
  providerVendorId: string | null;
  since: string | null;
  until: string | null;
}

export interface VendorFacts {
  id: string;
  name: string;
  status: string;
  /** Whether the vendor enforces two-factor sign-in (null: unknown, no finding). */
  hasMfa: boolean | null;
  certifications: { name: string; validUntil: string | null }[];
}

export interface MeasureFacts {
  id: string;
  title: string;
  catalogueKey: string | null;
  status: TMeasureStatus;
  reviewDate: string | null;
  systemIds: readonly string[];
  vendorIds: readonly string[];
  evidenceCount: number;
}

export interface RawFinding {
  kind: TFindingKind;
  target: { type: 'system' | 'vendor' | 'measure'; id: string; name: string };
  params: Record<string, string>;
}

const BACKUP_ROLES = new Set(['backup', 'offsite_backup']);

const isCurrent = (location: LocationFacts, today: string) =>
  (location.since === null || location.since <= today) && (location.until === null || location.until >= today);

/** The platform holding a copy: the vendor named on the location, otherwise the system's own vendor. */
const platformOf = (location: LocationFacts, system: SystemFacts) => location.providerVendorId ?? system.vendorId;

/**
 * A system whose current backups all sit with the same vendor as its current primary copy: one incident at that
 * vendor takes both. Unknown platforms (no vendor recorded) are no finding: the inventory cannot tell.
 */
export function hasBackupOnlyOnPrimaryPlatform(
  system: SystemFacts,
  locations: readonly LocationFacts[],
  today: string,
): boolean {
  const current = locations.filter((location) => location.systemId === system.id && isCurrent(location, today));
  const primaries = new Set(
    current.filter((location) => location.role === 'primary').map((location) => platformOf(location, system)),
  );
  const backups = current
    .filter((location) => BACKUP_ROLES.has(location.role))
    .map((location) => platformOf(location, system));
  if (backups.length === 0 || primaries.size === 0) return false;
  if (backups.some((platform) => platform === null) || primaries.has(null)) return false;
  return backups.every((platform) => primaries.has(platform));
}

/** Certifications past their last valid day, unless a certification of the same name is still valid. */
export function expiredCertifications(vendor: VendorFacts, today: string): string[] {
  const valid = new Set(
    vendor.certifications
      .filter((certification) => certification.validUntil === null || certification.validUntil >= today)
      .map((certification) => certification.name.toLowerCase()),
  );
  const expired = vendor.certifications
    .filter((certification) => certification.validUntil !== null && certification.validUntil < today)
    .filter((certification) => !valid.has(certification.name.toLowerCase()))
    .map((certification) => certification.name);
  return [...new Set(expired)];
}

/** Everything the inventory and the register say that needs a measure (or a review), before coverage. */
export function inventoryFindings(
  facts: { systems: readonly SystemFacts[]; locations: readonly LocationFacts[]; vendors: readonly VendorFacts[] },
  measures: readonly MeasureFacts[],
  today: string,
): RawFinding[] {
  const findings: RawFinding[] = [];
  const systemTarget = (system: SystemFacts) => ({ type: 'system' as const, id: system.id, name: system.name });
  for (const system of facts.systems.filter((candidate) => candidate.status === 'active')) {
    if (system.isMfaEnforced === false)
      findings.push({ kind: 'system_without_mfa', target: systemTarget(system), params: {} });
    if (system.kind === 'backup' && system.isEncryptedAtRest === false)
      findings.push({ kind: 'backup_unencrypted', target: systemTarget(system), params: {} });
    if (hasBackupOnlyOnPrimaryPlatform(system, facts.locations, today))
      findings.push({ kind: 'backup_same_platform', target: systemTarget(system), params: {} });
  }
  for (const vendor of facts.vendors.filter((candidate) => candidate.status === 'active')) {
    if (vendor.hasMfa === false)
      findings.push({
        kind: 'vendor_without_mfa',
        target: { type: 'vendor', id: vendor.id, name: vendor.name },
        params: {},
      });
    const expired = expiredCertifications(vendor, today);
    if (expired.length > 0)
      findings.push({
        kind: 'vendor_certification_expired',
        target: { type: 'vendor', id: vendor.id, name: vendor.name },
        params: { certifications: expired.join(', ') },
      });
  }
  for (const measure of measures) {
    if (measure.status !== 'not_applicable' && measure.reviewDate !== null && measure.reviewDate < today)
      findings.push({
        kind: 'measure_review_overdue',
        target: { type: 'measure', id: measure.id, name: measure.title },
        params: { reviewDate: measure.reviewDate },
      });
  }
  return findings;
}

/** The catalogue measure that settles a kind of finding; null for an overdue review (review the measure). */
export function settlingMeasureKey(kind: TFindingKind): string | null {
  return (
    {
      system_without_mfa: 'mfa',
      vendor_without_mfa: 'mfa',
      backup_unencrypted: 'encrypted_backups',
      backup_same_platform: 'offsite_backups',
      vendor_certification_expired: 'supplier_security',
      measure_review_overdue: null,
    } as const
  )[kind];
}

/**
 * A measure settles a finding when it is of the catalogue kind that covers the finding, names the finding's
 * system or vendor, and either is in place with at least one piece of evidence (a claim needs proof), or is
 * marked not applicable (which always carries its reason). A planned measure settles nothing.
 */
export function measureCovers(measure: MeasureFacts, finding: RawFinding): boolean {
  const covers = catalogueMeasure(measure.catalogueKey)?.covers ?? [];
  if (!covers.includes(finding.kind)) return false;
  const linked =
    finding.target.type === 'system'
      ? measure.systemIds.includes(finding.target.id)
      : finding.target.type === 'vendor' && measure.vendorIds.includes(finding.target.id);
  if (!linked) return false;
  return measure.status === 'not_applicable' || (measure.status === 'in_place' && measure.evidenceCount > 0);
}

/** Findings split into open ones and those settled, with the measures that settle each. */
export function splitFindings(findings: readonly RawFinding[], measures: readonly MeasureFacts[]) {
  const open: RawFinding[] = [];
  const covered: (RawFinding & { measureIds: string[] })[] = [];
  for (const finding of findings) {
    const measureIds = measures.filter((measure) => measureCovers(measure, finding)).map((measure) => measure.id);
    if (measureIds.length > 0) covered.push({ ...finding, measureIds });
    else open.push(finding);
  }
  return { open, covered };
}

/** A measure's own consistency: a reason when not applicable, a title when it is not from the catalogue. */
export function measureErrors(measure: {
  catalogueKey: string | null;
  title: string;
  status: string;
  notApplicableReason: string | null;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (measure.catalogueKey !== null && !catalogueMeasure(measure.catalogueKey))
    errors.push({ path: 'catalogueKey', code: 'measure_catalogue_unknown' });
  if (measure.catalogueKey === null && measure.title.trim() === '') errors.push({ path: 'title', code: 'required' });
  if (measure.status === 'not_applicable' && !measure.notApplicableReason?.trim())
    errors.push({ path: 'notApplicableReason', code: 'measure_reason_required' });
  return errors;
}

/** Catalogue measures in the catalogue's order, then the organisation's own in the order they were added. */
export function inRegisterOrder<T extends { id: string; catalogueKey: string | null; createdAt: Date }>(
  rows: readonly T[],
): T[] {
  const position = (row: T) => {
    const index = row.catalogueKey ? CATALOGUE_KEYS.indexOf(row.catalogueKey) : -1;
    return index >= 0 ? index : CATALOGUE_KEYS.length;
  };
  return [...rows].sort(
    (a, b) => position(a) - position(b) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
}

export type EvidenceMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

const EXTENSIONS: Record<EvidenceMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

/** What the bytes are, by their magic number: PDF, PNG or JPEG; null for anything else. */
export function sniffMediaType(bytes: Uint8Array): EvidenceMediaType | null {
  const starts = (signature: readonly number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

/**
 * Checks an evidence file: not empty, not over the limit, a PDF, PNG or JPEG by its bytes, and neither its name's
 * extension nor the media type it was sent with claims something else. Returns the media type or an error code.
 */
export function checkEvidenceFile(
  file: { bytes: Uint8Array; fileName: string; claimedType: string | null },
  maxBytes: number,
):
  | { mediaType: EvidenceMediaType }
  | { error: 'evidence_empty' | 'evidence_too_large' | 'evidence_type_not_allowed' | 'evidence_type_mismatch' } {
  if (file.bytes.length === 0) return { error: 'evidence_empty' };
  if (file.bytes.length > maxBytes) return { error: 'evidence_too_large' };
  const mediaType = sniffMediaType(file.bytes);
  if (!mediaType) return { error: 'evidence_type_not_allowed' };
  const extension = file.fileName.toLowerCase().split('.').pop() ?? '';
  if (!EXTENSIONS[mediaType].includes(extension)) return { error: 'evidence_type_mismatch' };
  const claimed = file.claimedType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (claimed !== '' && claimed !== 'application/octet-stream' && claimed !== mediaType)
    return { error: 'evidence_type_mismatch' };
  return { mediaType };
}

/** A file name safe to store and to send back: no path, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((character) => character.charCodeAt(0) >= 0x20 && character !== '\u007f');
  return printable.join('').trim().slice(0, 200) || 'bewijs';
}

export interface TextMeasure {
  title: { nl: string; en: string };
  systemNames: string[];
}

/**
 * The register's "security measures" text for an activity: each in-place measure, with the activity's systems it
 * covers in brackets (none for a measure of the whole organisation), joined into one sentence per language.
 */
export function securityMeasuresText(measures: readonly TextMeasure[]): { nl: string; en: string } {
  const render = (locale: 'nl' | 'en') =>
    measures
      .map((measure) =>
        measure.systemNames.length > 0
          ? `${measure.title[locale]} (${measure.systemNames.join(', ')})`
          : measure.title[locale],
      )
      .join('; ');
  const finish = (text: string) => (text === '' ? '' : `${text}.`);
  return { nl: finish(render('nl')), en: finish(render('en')) };
}

/** How many days before its review date a measure's owner is reminded. */
export const REVIEW_REMINDER_DAYS = 14;

/**
 * A reminder is due when the review date is at most REVIEW_REMINDER_DAYS away (or past) and none went out for this
 * review date yet; a measure that does not apply is not reviewed.
 */
export function reviewReminderDue(
  measure: { status: string; reviewDate: string | null; reviewRemindedFor: string | null },
  today: string,
): boolean {
  if (measure.status === 'not_applicable' || measure.reviewDate === null) return false;
  if (measure.reviewRemindedFor === measure.reviewDate) return false;
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const horizon = new Date(Date.UTC(year, month - 1, day + REVIEW_REMINDER_DAYS)).toISOString().slice(0, 10);
  return measure.reviewDate <= horizon;
}
