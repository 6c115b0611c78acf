import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPolicy, TPolicyStatus } from '../../api/retention.ts';
import { Tag } from '../register/shared/Tag.tsx';

const STATUS_COLOURS: Record<TPolicyStatus, string> = {
  draft: 'gray',
  awaiting_approval: 'yellow',
  active: 'teal',
  paused: 'gray',
  out_of_date: 'orange',
};

export function PolicyStatus({ status }: { status: TPolicyStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`retention.statuses.${status}`)}</Tag>;
}

/** What the owner must look at: out of date, a changed schema, an approval needed, a failed last run. */
export function PolicyFlags({ policy }: { policy: TPolicy }) {
  const { t } = useTranslation();
  if (policy.flags.length === 0) return null;
  return (
    <Group gap={4}>
      {policy.flags.map((flag) => (
        <Tag key={flag.code} color={flag.code === 'approval_needed' ? 'yellow' : 'red'}>
          {t(`retention.flags.${flag.code}`, flag.params)}
        </Tag>
      ))}
    </Group>
  );
}
