import { Alert, Text } from '@mantine/core';
import { IconWorldExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { calendarDateIn } from '../../../../../src/shared/dates.ts';
import type { TTransferImpactAssessment } from '../../../../../src/shared/lists.ts';
import {
  COUNTRIES_VALID_AS_OF,
  type DpfFacts,
  isDpfCertifiedOn,
  isDpfUndated,
  scopeQuestionCountry,
  type TransferKind,
  transferStatusOf,
} from '../../../../../src/shared/transfer-check.ts';
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

/** Verdicts that record something but do not cover the transfer: a warning, not "covered". */
const WARNING_VERDICTS = new Set<TTransferStatus['verdict']>([
  'tia_missing',
  'derogation_not_occasional',
  'derogation_undocumented',
  'scope_unconfirmed',
]);

/** The transfer check's verdict as a small badge: red when a safeguard is missing, yellow when it is incomplete. */
export function TransferBadge({ transfer }: { transfer: TTransferStatus }) {
  const { t } = useTranslation();
  if (WARNING_VERDICTS.has(transfer.verdict)) {
    return (
      <Tag color="yellow" variant="light">
        {t(`register.transfer.verdicts.${transfer.verdict}`)}
      </Tag>
    );
  }
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

export interface TransferCheckProps {
  country: string | null;
  /** The holder's DPF certification (US only). */
  dpf?: DpfFacts | null;
  safeguard: string | null;
  safeguardDetails?: string;
  tia?: TTransferImpactAssessment | null;
  /** A storage location, a vendor, or an activity's own (possibly occasional) transfer. */
  kind: TransferKind;
  on?: string;
}

/** The same judgement the server makes, on the day given (default: today). */
function judge({ country, dpf, safeguard, safeguardDetails = '', tia = null, kind, on }: TransferCheckProps) {
  const day = on ?? calendarDateIn(new Date());
  return transferStatusOf(country ?? '', {
    isDpfCertified: isDpfCertifiedOn(dpf, day),
    isDpfUndated: isDpfUndated(dpf),
    on: day,
    recordedSafeguard: safeguard,
    safeguardDetails,
    transferImpactAssessment: tia,
    kind,
  });
}

/**
 * The transfer check while a person types a country (the same rule the server applies): inside the EEA nothing,
 * with an adequacy decision a note, otherwise what is still needed: a safeguard, a TIA beside SCCs or BCRs, a
 * safeguard instead of a derogation for lasting storage. Names the date of the country list, because adequacy
 * decisions come and go.
 */
export function TransferCheck(props: TransferCheckProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { country } = props;
  if (!country) return null;
  const transfer = judge(props);
  if (transfer.status === 'eea' || transfer.status === 'invalid-country-code') return null;
  const name = countryName(country, locale);
  const validAsOf = t('register.common.countriesValidAsOf', { date: formatDay(COUNTRIES_VALID_AS_OF, locale) });
  const scope = transfer.adequacyScope?.[locale];
  const hasScopeQuestion = scopeQuestionCountry(country) !== undefined;
  if (transfer.status === 'adequate' && !props.safeguard) {
    return (
      <Alert color="blue" variant="light" title={t('register.transfer.adequateTitle', { country: name })}>
        {scope && <Text size="sm">{scope}</Text>}
        {hasScopeQuestion && <Text size="sm">{t('register.transfer.scopeQuestionText')}</Text>}
        <Text size="xs" c="dimmed">
          {validAsOf}
        </Text>
      </Alert>
    );
  }
  const isWarning = WARNING_VERDICTS.has(transfer.verdict);
  const colour = transfer.needsSafeguard ? 'red' : isWarning ? 'yellow' : 'teal';
  const title = transfer.needsSafeguard
    ? t('register.transfer.needsSafeguardTitle', { country: name })
    : isWarning
      ? t('register.transfer.incompleteTitle', { country: name })
      : t('register.transfer.coveredTitle', { country: name });
  const text =
    transfer.verdict === 'dpf_undated' || isWarning
      ? t(`register.transfer.verdictTexts.${transfer.verdict}`)
      : t(transfer.needsSafeguard ? 'register.transfer.needsSafeguardText' : 'register.transfer.coveredText');
  return (
    <Alert
      color={colour}
      variant="light"
      icon={<IconWorldExclamation size={18} />}
      title={title}
      role={transfer.needsSafeguard || isWarning ? 'alert' : undefined}
    >
      <Text size="sm">{text}</Text>
      {scope && <Text size="sm">{scope}</Text>}
      <Text size="xs" c="dimmed">
        {validAsOf}
      </Text>
    </Alert>
  );
}
