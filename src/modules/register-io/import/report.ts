import { hasMessage, type Locale, translate } from '../../../platform/i18n/index.ts';
import type { TImportReport } from '../../register/contract.ts';
import type { Text } from '../labels/enums.ts';
import type { RowError } from './row-reader.ts';

/** The fields of structured items (a location, a certification, a transfer), named in messages about them. */
const ITEM_FIELDS: Record<string, Text> = {
  role: { nl: 'rol', en: 'role' },
  country: { nl: 'land', en: 'country' },
  region: { nl: 'regio', en: 'region' },
  since: { nl: 'sinds', en: 'since' },
  until: { nl: 'tot en met', en: 'until' },
  providerVendorId: { nl: 'aanbieder', en: 'provider' },
  transferSafeguard: { nl: 'waarborg', en: 'safeguard' },
  safeguard: { nl: 'waarborg', en: 'safeguard' },
  safeguardDetails: { nl: 'toelichting', en: 'details' },
  notes: { nl: 'notities', en: 'notes' },
  name: { nl: 'naam', en: 'name' },
  reference: { nl: 'kenmerk', en: 'reference' },
  validUntil: { nl: 'geldig tot', en: 'valid until' },
  recipient: { nl: 'ontvanger', en: 'recipient' },
  transferImpactAssessment: { nl: 'doorgiftetoetsing (TIA)', en: 'transfer impact assessment (TIA)' },
};

function messageOf(error: RowError, locale: Locale): string {
  const params = error.params ?? {};
  const ownKey = `registerIo.import.${error.messageKey ?? error.code}`;
  const key = hasMessage(ownKey)
    ? ownKey
    : hasMessage(`validation.${error.code}`)
      ? `validation.${error.code}`
      : 'validation.invalid_value';
  const message = translate(locale, key, params);
  if (params.item === undefined) return message;
  const field = typeof params.field === 'string' ? (ITEM_FIELDS[params.field]?.[locale] ?? params.field) : '';
  const prefixKey = field ? 'registerIo.import.item_field_prefix' : 'registerIo.import.item_prefix';
  return `${translate(locale, prefixKey, { item: params.item, field })} ${message}`;
}

/** Row errors as the report shows them: in file order, each with its message in the caller's language. */
export function presentErrors(errors: readonly RowError[], locale: Locale): TImportReport['errors'] {
  return errors.map((error) => ({
    row: error.row,
    column: error.column,
    code: error.code,
    message: messageOf(error, locale),
  }));
}
