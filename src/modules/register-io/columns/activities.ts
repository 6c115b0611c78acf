import type { TActivity } from '../../register/contract.ts';
import { writeBoolean, writeItems, writeList } from '../formats/cells.ts';
import { enumLabel } from '../labels/enums.ts';
import { type Column, YES_NO } from './types.ts';

/** Transfer items in an activity's row: country | recipient | safeguard | details | TIA on | TIA document. */
export const TRANSFER_FIELDS = [
  'country',
  'recipient',
  'safeguard',
  'safeguardDetails',
  'tiaAssessedOn',
  'tiaReference',
] as const;

const names = (refs: readonly { name: string }[]) => writeList(refs.map((ref) => ref.name));

export const ACTIVITY_COLUMNS: Column<TActivity>[] = [
  { id: 'name', label: { nl: 'Naam', en: 'Name' }, write: (activity) => activity.name },
  {
    id: 'role',
    label: { nl: 'Rol', en: 'Role' },
    write: (activity, { locale }) => enumLabel('activityRole', activity.role, locale),
  },
  {
    id: 'status',
    label: { nl: 'Status', en: 'Status' },
    write: (activity, { locale }) => enumLabel('activityStatus', activity.status, locale),
  },
  { id: 'description', label: { nl: 'Omschrijving', en: 'Description' }, write: (activity) => activity.description },
  {
    // A client organisation we manage is written by its name and imported again as that organisation.
    id: 'controllers',
    label: {
      nl: 'Verwerkingsverantwoordelijken (naam | contactgegevens)',
      en: 'Controllers (name | contact details)',
    },
    write: (activity) => writeItems(activity.controllers.map((controller) => [controller.name, controller.contact])),
  },
  // Files exported before controllers became a list had one free-text controller in two columns.
  {
    id: 'controllerName',
    label: { nl: 'Verwerkingsverantwoordelijke', en: 'Controller' },
    write: () => '',
    isImportOnly: true,
  },
  {
    id: 'controllerContact',
    label: { nl: 'Contactgegevens verwerkingsverantwoordelijke', en: 'Controller contact details' },
    write: () => '',
    isImportOnly: true,
  },
  {
    id: 'jointControllers',
    label: {
      nl: 'Gezamenlijke verwerkingsverantwoordelijken (naam | contactgegevens | regeling)',
      en: 'Joint controllers (name | contact details | arrangement)',
    },
    write: (activity) =>
      writeItems(activity.jointControllers.map((joint) => [joint.name, joint.contact, joint.arrangement])),
  },
  {
    id: 'processingCategories',
    label: { nl: 'Categorieën verwerkingen', en: 'Categories of processing' },
    write: (activity) => activity.processingCategories,
  },
  { id: 'purposes', label: { nl: 'Doeleinden', en: 'Purposes' }, write: (activity) => writeList(activity.purposes) },
  {
    id: 'legalBasis',
    label: { nl: 'Rechtsgrond (art. 6 lid 1)', en: 'Legal basis (Art. 6(1))' },
    write: (activity, { locale }) => enumLabel('legalBasis', activity.legalBasis, locale),
  },
  {
    id: 'legalBasisJustification',
    label: { nl: 'Onderbouwing rechtsgrond', en: 'Legal basis justification' },
    write: (activity) => activity.legalBasisJustification,
  },
  {
    id: 'specialCategoryGround',
    label: { nl: 'Uitzonderingsgrond (art. 9 lid 2)', en: 'Special-category ground (Art. 9(2))' },
    write: (activity, { locale }) => enumLabel('specialCategoryGround', activity.specialCategoryGround, locale),
  },
  {
    id: 'criminalDataGround',
    label: { nl: 'Grondslag strafrechtelijke gegevens (art. 10)', en: 'Criminal-data ground (Art. 10)' },
    write: (activity) => activity.criminalDataGround,
  },
  {
    id: 'subjectCategories',
    label: { nl: 'Categorieën betrokkenen', en: 'Categories of data subjects' },
    write: (activity, context) =>
      writeList(activity.subjectCategories.map((ref) => context.subjectCategoryName(ref.id))),
  },
  {
    id: 'dataCategories',
    label: { nl: 'Categorieën persoonsgegevens', en: 'Categories of personal data' },
    write: (activity, context) => writeList(activity.dataCategories.map((ref) => context.dataCategoryName(ref.id))),
  },
  { id: 'systems', label: { nl: 'Systemen', en: 'Systems' }, write: (activity) => names(activity.systems) },
  { id: 'recipients', label: { nl: 'Ontvangers', en: 'Recipients' }, write: (activity) => names(activity.recipients) },
  {
    id: 'hasNoRecipients',
    label: { nl: 'Geen ontvangers', en: 'No recipients' },
    write: (activity, { locale }) => writeBoolean(activity.hasNoRecipients, YES_NO[locale]),
  },
  {
    id: 'recipientCategories',
    label: { nl: 'Categorieën ontvangers', en: 'Categories of recipients' },
    write: (activity) => activity.recipientCategories,
  },
  {
    id: 'transfers',
    label: {
      nl: 'Doorgiften (land | ontvanger | waarborg | toelichting | TIA op | TIA-document)',
      en: 'Transfers (country | recipient | safeguard | details | TIA on | TIA document)',
    },
    write: (activity, { locale }) =>
      writeItems(
        activity.transfers.map((transfer) => [
          transfer.country,
          transfer.recipient,
          enumLabel('safeguard', transfer.safeguard, locale),
          transfer.safeguardDetails,
          transfer.transferImpactAssessment?.assessedOn ?? '',
          transfer.transferImpactAssessment?.reference ?? '',
        ]),
      ),
  },
  {
    id: 'retentionKind',
    label: { nl: 'Bewaartermijn: soort', en: 'Retention: kind' },
    write: (activity, { locale }) => enumLabel('retentionKind', activity.retention.kind, locale),
  },
  {
    id: 'retentionAmount',
    label: { nl: 'Bewaartermijn: aantal', en: 'Retention: amount' },
    write: (activity) => (activity.retention.amount === null ? '' : String(activity.retention.amount)),
  },
  {
    id: 'retentionUnit',
    label: { nl: 'Bewaartermijn: eenheid', en: 'Retention: unit' },
    write: (activity, { locale }) => enumLabel('retentionUnit', activity.retention.unit, locale),
  },
  {
    id: 'retentionStartEvent',
    label: { nl: 'Bewaartermijn: vanaf', en: 'Retention: starts at' },
    write: (activity) => activity.retention.startEvent,
  },
  {
    id: 'retentionReference',
    label: { nl: 'Bewaartermijn: grondslag', en: 'Retention: reference' },
    write: (activity) => activity.retention.reference,
  },
  {
    id: 'retentionPresetId',
    label: { nl: 'Bewaartermijn: standaard', en: 'Retention: preset' },
    write: (activity) => activity.retention.presetId ?? '',
  },
  {
    id: 'securityMeasures',
    label: { nl: 'Beveiligingsmaatregelen', en: 'Security measures' },
    write: (activity) => activity.securityMeasures,
  },
  {
    id: 'isDpiaRequired',
    label: { nl: 'DPIA nodig', en: 'DPIA required' },
    write: (activity, { locale }) => writeBoolean(activity.isDpiaRequired, YES_NO[locale]),
  },
  {
    id: 'dpiaReason',
    label: { nl: 'Toelichting DPIA', en: 'DPIA reasoning' },
    write: (activity) => activity.dpiaReason,
  },
  { id: 'owner', label: { nl: 'Eigenaar', en: 'Owner' }, write: (activity) => activity.owner?.name ?? '' },
  { id: 'reviewDate', label: { nl: 'Herzien op', en: 'Review date' }, write: (activity) => activity.reviewDate ?? '' },
  {
    id: 'completeness',
    label: { nl: 'Volledigheid', en: 'Completeness' },
    write: (activity, { locale }) => completenessText(activity.completeness, locale),
    isExportOnly: true,
  },
];

function completenessText(summary: TActivity['completeness'], locale: 'nl' | 'en'): string {
  if (summary.isComplete) return locale === 'nl' ? 'volledig' : 'complete';
  return locale === 'nl'
    ? `${summary.missing} ontbrekend, ${summary.warnings} waarschuwingen`
    : `${summary.missing} missing, ${summary.warnings} warnings`;
}
