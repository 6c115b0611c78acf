import type { Locale } from '../../../platform/i18n/index.ts';
import { REGISTER_DOCUMENT_FORMAT, REGISTER_DOCUMENT_VERSION, type TRegisterDocument } from '../contract.ts';
import type { RegisterSnapshot } from '../snapshot.ts';

/** The register as a versioned JSON document (see contract.ts); completeness messages are in `locale`. */
export function registerDocument(snapshot: RegisterSnapshot, locale: Locale): TRegisterDocument {
  return {
    format: REGISTER_DOCUMENT_FORMAT,
    version: REGISTER_DOCUMENT_VERSION,
    exportedAt: snapshot.exportedAt.toISOString(),
    locale,
    organisation: snapshot.organisation,
    dataCategories: snapshot.dataCategories,
    subjectCategories: snapshot.subjectCategories,
    vendors: snapshot.vendors,
    systems: snapshot.systems,
    activities: snapshot.activities,
    completeness: snapshot.completeness,
  };
}

export function registerJson(snapshot: RegisterSnapshot, locale: Locale): Buffer {
  return Buffer.from(`${JSON.stringify(registerDocument(snapshot, locale), null, 2)}\n`, 'utf8');
}
