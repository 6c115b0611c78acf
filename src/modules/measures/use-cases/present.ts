import type { Locale } from '../../../platform/i18n/index.ts';
import { catalogueMeasure } from '../catalogue.ts';
import type { TEvidence, TMeasure } from '../contract.ts';
import type { EvidenceHead, MeasureRow } from '../store.ts';

/** What presenting a measure needs besides its row: names of systems and vendors, its evidence, today. */
export interface PresentContext {
  systemNames: ReadonlyMap<string, string>;
  vendorNames: ReadonlyMap<string, string>;
  evidence: readonly EvidenceHead[];
  today: string;
  locale: Locale;
}

/** The title a person reads: a catalogue measure's in their language, unless the organisation gave its own. */
export function measureTitle(row: Pick<MeasureRow, 'catalogueKey' | 'title'>, locale: Locale): string {
  if (row.title !== '') return row.title;
  return catalogueMeasure(row.catalogueKey)?.title[locale] ?? '';
}

export function presentEvidence(row: EvidenceHead): TEvidence {
  return {
    id: row.id,
    kind: row.kind as TEvidence['kind'],
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    url: row.url,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Links to systems or vendors deleted since are left out. */
const refs = (ids: readonly string[], names: ReadonlyMap<string, string>) =>
  ids.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id) as string }));

export function presentMeasure(row: MeasureRow, context: PresentContext): TMeasure {
  const catalogue = catalogueMeasure(row.catalogueKey);
  return {
    id: row.id,
    catalogueKey: row.catalogueKey,
    title: measureTitle(row, context.locale),
    description: row.description !== '' ? row.description : (catalogue?.description[context.locale] ?? ''),
    status: row.status as TMeasure['status'],
    notApplicableReason: row.notApplicableReason,
    ownerUserId: row.ownerUserId,
    reviewDate: row.reviewDate,
    isReviewOverdue: row.status !== 'not_applicable' && row.reviewDate !== null && row.reviewDate < context.today,
    controls: row.controls,
    systems: refs(row.systemIds, context.systemNames),
    vendors: refs(row.vendorIds, context.vendorNames),
    evidence: context.evidence.filter((evidence) => evidence.measureId === row.id).map(presentEvidence),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
