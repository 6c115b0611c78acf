import type {
  TCreateSystemInput,
  TLocation,
  TLocationInput,
  TLocationRole,
  TSystem,
  TSystemKind,
} from '../../../api/inventory.ts';
import type { TTransferSafeguard } from '../../../api/vendors.ts';
import { emptyTia, type TiaValues, tiaValuesOf, toTiaInput } from '../shared/tia.ts';

export interface LocationValues extends TiaValues {
  role: TLocationRole;
  country: string;
  region: string;
  providerVendorId: string | null;
  /** Empty: not known yet, to be filled in later. */
  since: string;
  until: string;
  transferSafeguard: TTransferSafeguard | null;
  safeguardDetails: string;
  notes: string;
}

export interface SystemValues {
  name: string;
  kind: TSystemKind;
  vendorId: string | null;
  description: string;
  isMfaEnforced: boolean | null;
  isEncryptedAtRest: boolean | null;
  status: 'active' | 'retired';
  ownerUserId: string | null;
  dataCategoryIds: string[];
  /** Only for a new system: locations recorded together with it. */
  locations: LocationValues[];
}

export const emptyLocation = (today: string): LocationValues => ({
  role: 'primary',
  country: 'NL',
  region: '',
  providerVendorId: null,
  since: today,
  until: '',
  transferSafeguard: null,
  safeguardDetails: '',
  ...emptyTia(),
  notes: '',
});

export function locationValuesOf(location: TLocation): LocationValues {
  return {
    role: location.role,
    country: location.country,
    region: location.region,
    providerVendorId: location.providerVendor?.id ?? null,
    since: location.since ?? '',
    until: location.until ?? '',
    transferSafeguard: location.transferSafeguard,
    safeguardDetails: location.safeguardDetails,
    ...tiaValuesOf(location.transferImpactAssessment),
    notes: location.notes,
  };
}

/** An empty last day means the copy is still there. */
export function toLocationInput(values: LocationValues): TLocationInput {
  const { tiaAssessedOn: _day, tiaReference: _reference, ...fields } = values;
  return {
    ...fields,
    since: values.since === '' ? null : values.since,
    until: values.until === '' ? null : values.until,
    transferImpactAssessment: toTiaInput(values, values.transferSafeguard),
  };
}

export const emptySystem = (): SystemValues => ({
  name: '',
  kind: 'other',
  vendorId: null,
  description: '',
  isMfaEnforced: null,
  isEncryptedAtRest: null,
  status: 'active',
  ownerUserId: null,
  dataCategoryIds: [],
  locations: [],
});

export function systemValuesOf(system: TSystem): SystemValues {
  return {
    name: system.name,
    kind: system.kind,
    vendorId: system.vendor?.id ?? null,
    description: system.description,
    isMfaEnforced: system.isMfaEnforced,
    isEncryptedAtRest: system.isEncryptedAtRest,
    status: system.status,
    ownerUserId: system.owner?.id ?? null,
    dataCategoryIds: system.dataCategoryIds,
    locations: [],
  };
}

export function toCreateSystemInput(values: SystemValues): TCreateSystemInput {
  return { ...values, locations: values.locations.map(toLocationInput) };
}

/** The fields a change sends: locations of an existing system are saved one by one, not with the system. */
export function toUpdateSystemInput(values: SystemValues): Omit<TCreateSystemInput, 'locations'> {
  const { locations: _, ...fields } = values;
  return fields;
}
