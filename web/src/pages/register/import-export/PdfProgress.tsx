import { Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { registerIoApi, type TExportProgress } from '../../../api/register-io.ts';

const POLL_MS = 500;

/** A random id for one export (crypto.randomUUID needs a secure context; a LAN address over http is not one). */
export function newProgressId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const isFinished = (progress: TExportProgress | undefined) =>
  progress?.phase === 'done' || progress?.phase === 'failed';

/** The share of the work done: laying out is the larger part, drawing the rest. */
function percentOf(progress: TExportProgress | undefined): number | null {
  if (progress?.phase === 'render') return 60 + Math.round((40 * progress.page) / Math.max(progress.pages, 1));
  if (progress?.phase === 'done') return 100;
  return null;
}

/**
 * The progress of the PDF the browser is downloading (a plain link, so the download itself stays the browser's):
 * the page polls the server's progress for the id it put in the link until the PDF is done. Before the server has
 * begun (404) and while it lays pages out, the bar is indeterminate.
 */
export function PdfProgress({ orgRef, progressId }: { orgRef: string; progressId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['register-export-progress', orgRef, progressId],
    queryFn: () => registerIoApi.exportProgress(orgRef, progressId),
    retry: false,
    refetchInterval: (current) => (isFinished(current.state.data) ? false : POLL_MS),
  });
  const progress = query.data;
  const percent = percentOf(progress);
  const label = progress
    ? t(`register.io.pdfProgress.${progress.phase}`, { ...progress })
    : t('register.io.pdfProgress.waiting');
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{label}</Text>
      {progress?.phase !== 'failed' && (
        <Progress value={percent ?? 100} animated={percent === null} striped={percent === null} aria-label={label} />
      )}
    </Stack>
  );
}
