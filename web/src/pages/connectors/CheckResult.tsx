import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TConnectorCheck } from '../../api/connectors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { Tag } from '../register/shared/Tag.tsx';
import { failureText } from './failures.ts';

/** The outcome of a connection check: a green "works" or the failure in words, with when it was checked. */
export function CheckResult({ check, showDetail = true }: { check: TConnectorCheck | null; showDetail?: boolean }) {
  const { t } = useTranslation();
  if (!check) return <Text size="sm">{t('connectors.check.never')}</Text>;
  const when = formatDateTime(check.at, currentLocale());
  return (
    <div>
      <Tag color={check.isOk ? 'teal' : 'red'}>{t(check.isOk ? 'connectors.check.ok' : 'connectors.check.failed')}</Tag>
      <Text size="xs" c="dimmed">
        {when}
      </Text>
      {!check.isOk && (
        <Text size="sm" c="red" role="status">
          {failureText(t, check.code, showDetail ? check.detail : '')}
        </Text>
      )}
    </div>
  );
}
