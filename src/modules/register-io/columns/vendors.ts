import type { TVendor } from '../../vendors/contract.ts';
import { writeBoolean, writeItems } from '../formats/cells.ts';
import { enumLabel } from '../labels/enums.ts';
import { type Column, YES_NO } from './types.ts';

/** Certification items: name | reference | valid until. */
export const CERTIFICATION_FIELDS = ['name', 'reference', 'validUntil'] as const;

export const VENDOR_COLUMNS: Column<TVendor>[] = [
  { id: 'name', label: { nl: 'Naam', en: 'Name' }, write: (vendor) => vendor.name },
  {
    id: 'kind',
    label: { nl: 'Soort', en: 'Kind' },
    write: (vendor, { locale }) => enumLabel('vendorKind', vendor.kind, locale),
  },
  {
    id: 'parentVendor',
    label: { nl: 'Hoofdverwerker', en: 'Parent processor' },
    write: (vendor) => vendor.parentVendor?.name ?? '',
  },
  { id: 'services', label: { nl: 'Diensten', en: 'Services' }, write: (vendor) => vendor.services },
  { id: 'country', label: { nl: 'Land', en: 'Country' }, write: (vendor) => vendor.country },
  { id: 'website', label: { nl: 'Website', en: 'Website' }, write: (vendor) => vendor.website ?? '' },
  {
    id: 'contactEmail',
    label: { nl: 'E-mailadres contact', en: 'Contact e-mail' },
    write: (vendor) => vendor.contactEmail ?? '',
  },
  {
    id: 'isDpfCertified',
    label: { nl: 'Gecertificeerd onder het DPF', en: 'DPF certified' },
    write: (vendor, { locale }) => writeBoolean(vendor.isDpfCertified, YES_NO[locale]),
  },
  {
    id: 'dpfCertifiedSince',
    label: { nl: 'DPF-gecertificeerd sinds', en: 'DPF certified since' },
    write: (vendor) => vendor.dpfCertifiedSince ?? '',
  },
  {
    id: 'isDpfHrInScope',
    label: { nl: 'DPF geldt voor HR-gegevens', en: 'DPF covers HR data' },
    write: (vendor, { locale }) => writeBoolean(vendor.isDpfHrInScope, YES_NO[locale]),
  },
  {
    id: 'transferSafeguard',
    label: { nl: 'Waarborg doorgifte', en: 'Transfer safeguard' },
    write: (vendor, { locale }) => enumLabel('safeguard', vendor.transferSafeguard, locale),
  },
  {
    id: 'safeguardDetails',
    label: { nl: 'Toelichting waarborg', en: 'Safeguard details' },
    write: (vendor) => vendor.safeguardDetails,
  },
  {
    id: 'tiaAssessedOn',
    label: { nl: 'Doorgiftetoetsing (TIA) op', en: 'Transfer impact assessment on' },
    write: (vendor) => vendor.transferImpactAssessment?.assessedOn ?? '',
  },
  {
    id: 'tiaReference',
    label: { nl: 'Doorgiftetoetsing: document of notitie', en: 'Transfer impact assessment: document or note' },
    write: (vendor) => vendor.transferImpactAssessment?.reference ?? '',
  },
  {
    id: 'transfer',
    label: { nl: 'Doorgifte (beoordeling)', en: 'Transfer (assessment)' },
    write: (vendor, { locale }) => enumLabel('transferStatus', vendor.transfer.status, locale),
    isExportOnly: true,
  },
  {
    id: 'hasMfa',
    label: { nl: 'Tweestapsverificatie', en: 'Two-factor authentication' },
    write: (vendor, { locale }) => writeBoolean(vendor.hasMfa, YES_NO[locale]),
  },
  {
    id: 'canAccessClientInfrastructure',
    label: { nl: 'Toegang tot klantomgeving', en: 'Access to client infrastructure' },
    write: (vendor, { locale }) => writeBoolean(vendor.canAccessClientInfrastructure, YES_NO[locale]),
  },
  {
    id: 'clientAccessDescription',
    label: { nl: 'Toelichting toegang', en: 'Access description' },
    write: (vendor) => vendor.clientAccessDescription,
  },
  {
    id: 'status',
    label: { nl: 'Status', en: 'Status' },
    write: (vendor, { locale }) => enumLabel('entryStatus', vendor.status, locale),
  },
  { id: 'retiredOn', label: { nl: 'Beëindigd op', en: 'Retired on' }, write: (vendor) => vendor.retiredOn ?? '' },
  {
    id: 'certifications',
    label: {
      nl: 'Certificeringen (naam | kenmerk | geldig tot)',
      en: 'Certifications (name | reference | valid until)',
    },
    write: (vendor) =>
      writeItems(vendor.certifications.map((item) => [item.name, item.reference, item.validUntil ?? ''])),
  },
  { id: 'notes', label: { nl: 'Notities', en: 'Notes' }, write: (vendor) => vendor.notes },
];
