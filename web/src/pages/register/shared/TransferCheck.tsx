import { Alert, Text } from '@mantine/core';
import { IconWorldExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES_VALID_AS_OF, transferStatusOf } from '../../../../../src/shared/transfer-check.ts';
import type { TTransferStatus } from '../../../api/transfer.ts';
import { countryName } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { formatDay } from './dates.ts';
import { Tag } from './Tag.tsx';

const COLOURS: Record<TTransferStatus['status'], string> = {
  eea: 'teal',
  adequate: 'blue',
  'safeguard-required': 'orange',
  'invalid-country-code': 'gray',
};

/** The transfer check's verdict as a small badge: red when a safeguard is missing, teal once one is recorded. */
export function TransferBadge({ transfer }: { transfer: TTransferStatus }) {
  const { t } = useTranslation();
  const isCovered = transfer.status === 'safeguard-required' && !transfer.needsSafeguard;
  const colour = transfer.needsSafeguard ? 'red' : isCovered ? 'teal' : COLOURS[transfer.status];
  const label = transfer.needsSafeguard
    ? t('register.transfer.missingSafeguard')
    : isCovered
      ? t('register.transfer.safeguardRecorded')
      : t(`register.enums.transferStatus.${transfer.status}`);
  return (
    <Tag color={colour} variant="light">
      {label}
    </Tag>
  );
}

/**
 * The transfer check while a person types a country (the same rule the server applies): inside the EEA nothing,
 * with an adequacy decision a note, otherwise a warning that a safeguard must be recorded. Names the date of the
 * country list, because adequacy decisions come and go.
 */
export function TransferCheck({
  country,
  isDpfCertified = false,
  safeguard,
  on,
}: {
  country: string | null;
  isDpfCertified?: boolean;
  safeguard: string | null;
  on?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!country) return null;
  const transfer = transferStatusOf(country, { isDpfCertified, on, recordedSafeguard: safeguard });
  if (transfer.status === 'eea' || transfer.status === 'invalid-country-code') return null;
  const name = countryName(country, locale);
  const validAsOf = t('register.common.countriesValidAsOf', { date: formatDay(COUNTRIES_VALID_AS_OF, locale) });
  const scope = transfer.adequacyScope?.[locale];
  if (transfer.status === 'adequate') {
    return (
      <Alert color="blue" variant="light" title={t('register.transfer.adequateTitle', { country: name })}>
        {scope && <Text size="sm">{scope}</Text>}
        <Text size="xs" c="dimmed">
          {validAsOf}
        </Text>
      </Alert>
    );
  }
  const title = transfer.needsSafeguard
    ? t('register.transfer.needsSafeguardTitle', { country: name })
    : t('register.transfer.coveredTitle', { country: name });
  return (
    <Alert
      color={transfer.needsSafeguard ? 'red' : 'teal'}
      variant="light"
      icon={<IconWorldExclamation size={18} />}
      title={title}
      role={transfer.needsSafeguard ? 'alert' : undefined}
    >
      <Text size="sm">
        {t(transfer.needsSafeguard ? 'register.transfer.needsSafeguardText' : 'register.transfer.coveredText')}
      </Text>
      {scope && <Text size="sm">{scope}</Text>}
      <Text size="xs" c="dimmed">
        {validAsOf}
      </Text>
    </Alert>
  );
}
