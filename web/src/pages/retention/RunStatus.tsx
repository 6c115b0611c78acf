import { useTranslation } from 'react-i18next';
import type { TRun, TRunStatus } from '../../api/retention.ts';
import { Tag } from '../register/shared/Tag.tsx';

const COLOURS: Record<TRunStatus, string> = {
  queued: 'blue',
  running: 'blue',
  paused_for_approval: 'yellow',
  completed: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

export function RunStatus({ run }: { run: Pick<TRun, 'status'> }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[run.status]}>{t(`retention.runStatuses.${run.status}`)}</Tag>;
}
