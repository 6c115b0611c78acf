import type { TLocation, TSystem } from '../inventory/contract.ts';
import type { TActivity, TRegisterCompleteness } from '../register/contract.ts';
import type { TVendor } from '../vendors/contract.ts';
import type { TRegisterDocument } from './contract.ts';

/** The organisation as the register document names it (Art. 30(1)(a) / 30(2)(a)). */
export type SnapshotOrganisation = TRegisterDocument['organisation'];
export type SnapshotDataCategory = TRegisterDocument['dataCategories'][number];
export type SnapshotSubjectCategory = TRegisterDocument['subjectCategories'][number];

/** Everything of one organisation's register at one moment, as the modules present it. */
export interface RegisterSnapshot {
  exportedAt: Date;
  /** The export's calendar day in Europe/Amsterdam. */
  exportDate: string;
  organisation: SnapshotOrganisation;
  dataCategories: SnapshotDataCategory[];
  subjectCategories: SnapshotSubjectCategory[];
  vendors: TVendor[];
  systems: TSystem[];
  activities: TActivity[];
  completeness: TRegisterCompleteness;
}

export type RegisterEntity =
  | 'activities'
  | 'systems'
  | 'locations'
  | 'vendors'
  | 'data_categories'
  | 'subject_categories';

export const REGISTER_ENTITIES: readonly RegisterEntity[] = [
  'activities',
  'systems',
  'locations',
  'vendors',
  'data_categories',
  'subject_categories',
];

export function locationsOf(snapshot: RegisterSnapshot): TLocation[] {
  return snapshot.systems.flatMap((system) => system.locations);
}

export function countsOf(snapshot: RegisterSnapshot): Record<RegisterEntity, number> {
  return {
    activities: snapshot.activities.length,
    systems: snapshot.systems.length,
    locations: locationsOf(snapshot).length,
    vendors: snapshot.vendors.length,
    data_categories: snapshot.dataCategories.length,
    subject_categories: snapshot.subjectCategories.length,
  };
}
