import type {
  TActivity,
  TActivityRole,
  TActivityStatus,
  TCreateActivityInput,
  TLegalBasis,
  TSpecialCategoryGround,
} from '../../../api/activities.ts';
import type { TTransferSafeguard } from '../../../api/vendors.ts';
import { emptyTia, type TiaValues, tiaValuesOf, toTiaInput } from '../shared/tia.ts';

export type RetentionUnit = 'days' | 'weeks' | 'months' | 'years';

export interface RetentionValues {
  kind: 'period' | 'until_event' | null;
  /** Empty while not filled in (a number input's empty value). */
  amount: number | '';
  unit: RetentionUnit | null;
  startEvent: string;
  reference: string;
  presetId: string | null;
}

/** A controller outside privacydesk, named with its contact details. */
export interface ExternalControllerValues {
  name: string;
  contact: string;
}

export interface JointControllerValues {
  name: string;
  contact: string;
  arrangement: string;
}

export interface TransferValues extends TiaValues {
  country: string;
  recipient: string;
  safeguard: TTransferSafeguard | null;
  safeguardDetails: string;
}

export const emptyTransfer = (): TransferValues => ({
  country: '',
  recipient: '',
  safeguard: null,
  safeguardDetails: '',
  ...emptyTia(),
});

/** What the activity form edits: the request's fields, with texts as strings and dates as YYYY-MM-DD or ''. */
export interface ActivityValues {
  name: string;
  description: string;
  role: TActivityRole;
  status: TActivityStatus;
  ownerUserId: string | null;
  reviewDate: string;
  /** Client organisations we manage that are controllers of this (processor) activity. */
  managedControllerIds: string[];
  externalControllers: ExternalControllerValues[];
  jointControllers: JointControllerValues[];
  processingCategories: string;
  purposes: string[];
  legalBasis: TLegalBasis | null;
  legalBasisJustification: string;
  specialCategoryGround: TSpecialCategoryGround | null;
  criminalDataGround: string;
  subjectCategoryIds: string[];
  dataCategoryIds: string[];
  systemIds: string[];
  recipientVendorIds: string[];
  hasNoRecipients: boolean;
  recipientCategories: string;
  transfers: TransferValues[];
  retention: RetentionValues;
  securityMeasures: string;
  isDpiaRequired: boolean | null;
  dpiaReason: string;
}

export const emptyRetention = (): RetentionValues => ({
  kind: null,
  amount: '',
  unit: null,
  startEvent: '',
  reference: '',
  presetId: null,
});

export const emptyActivity = (): ActivityValues => ({
  name: '',
  description: '',
  role: 'controller',
  status: 'draft',
  ownerUserId: null,
  reviewDate: '',
  managedControllerIds: [],
  externalControllers: [],
  jointControllers: [],
  processingCategories: '',
  purposes: [''],
  legalBasis: null,
  legalBasisJustification: '',
  specialCategoryGround: null,
  criminalDataGround: '',
  subjectCategoryIds: [],
  dataCategoryIds: [],
  systemIds: [],
  recipientVendorIds: [],
  hasNoRecipients: false,
  recipientCategories: '',
  transfers: [],
  retention: emptyRetention(),
  securityMeasures: '',
  isDpiaRequired: null,
  dpiaReason: '',
});

const ids = (refs: { id: string }[]) => refs.map((ref) => ref.id);

export function activityValuesOf(activity: TActivity): ActivityValues {
  return {
    name: activity.name,
    description: activity.description,
    role: activity.role,
    status: activity.status,
    ownerUserId: activity.owner?.id ?? null,
    reviewDate: activity.reviewDate ?? '',
    // A linked organisation that is no longer our client has no id to pick: the check reports it until replaced.
    managedControllerIds: activity.controllers.flatMap((controller) =>
      controller.kind === 'managed_org' && controller.organisation ? [controller.organisation.id] : [],
    ),
    externalControllers: activity.controllers
      .filter((controller) => controller.kind === 'external')
      .map(({ name, contact }) => ({ name, contact })),
    jointControllers: activity.jointControllers.map(({ name, contact, arrangement }) => ({
      name,
      contact,
      arrangement,
    })),
    processingCategories: activity.processingCategories,
    purposes: activity.purposes.length > 0 ? activity.purposes : [''],
    legalBasis: activity.legalBasis,
    legalBasisJustification: activity.legalBasisJustification,
    specialCategoryGround: activity.specialCategoryGround,
    criminalDataGround: activity.criminalDataGround,
    subjectCategoryIds: ids(activity.subjectCategories),
    dataCategoryIds: ids(activity.dataCategories),
    systemIds: ids(activity.systems),
    recipientVendorIds: ids(activity.recipients),
    hasNoRecipients: activity.hasNoRecipients,
    recipientCategories: activity.recipientCategories,
    transfers: activity.transfers.map(
      ({ country, recipient, safeguard, safeguardDetails, transferImpactAssessment }) => ({
        country,
        recipient,
        safeguard,
        safeguardDetails,
        ...tiaValuesOf(transferImpactAssessment),
      }),
    ),
    retention: { ...activity.retention, amount: activity.retention.amount ?? '' },
    securityMeasures: activity.securityMeasures,
    isDpiaRequired: activity.isDpiaRequired,
    dpiaReason: activity.dpiaReason,
  };
}

/** The request body: empty purposes are dropped, an empty date or amount is null. */
export function toActivityInput(values: ActivityValues): TCreateActivityInput {
  const { managedControllerIds, externalControllers, ...rest } = values;
  return {
    ...rest,
    transfers: rest.transfers.map(({ tiaAssessedOn: _day, tiaReference: _reference, ...transfer }, index) => ({
      ...transfer,
      transferImpactAssessment: toTiaInput(rest.transfers[index] as TransferValues, transfer.safeguard),
    })),
    controllers: [
      ...managedControllerIds.map((organisationId) => ({ kind: 'managed_org' as const, organisationId })),
      ...externalControllers.map((controller) => ({ kind: 'external' as const, ...controller })),
    ],
    reviewDate: values.reviewDate === '' ? null : values.reviewDate,
    purposes: values.purposes.map((purpose) => purpose.trim()).filter((purpose) => purpose !== ''),
    retention: { ...values.retention, amount: values.retention.amount === '' ? null : values.retention.amount },
  };
}
