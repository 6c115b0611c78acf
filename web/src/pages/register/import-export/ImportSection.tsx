import { Alert, Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/http.ts';
import { IMPORT_ENTITIES, registerIoApi, type TImportEntity, type TImportReport } from '../../../api/register-io.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { describeError } from '../../../app/query-client.ts';
import { ImportReport } from './ImportReport.tsx';

/**
 * Import in two steps: the file is checked first (every row error is listed, nothing is written), and only a
 * clean file can be imported, all rows or none.
 */
export function ImportSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [entity, setEntity] = useState<TImportEntity>('activities');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<TImportReport | null>(null);
  const [created, setCreated] = useState<number | null>(null);

  const check = useMutation({
    mutationFn: (chosen: File) => registerIoApi.importFile(org.slug, entity, 'preview', chosen),
    meta: { showsOwnErrors: true },
    onSuccess: setReport,
  });
  const apply = useMutation({
    mutationFn: (chosen: File) => registerIoApi.importFile(org.slug, entity, 'apply', chosen),
    meta: { showsOwnErrors: true },
    onSuccess: async (applied) => {
      setCreated(applied.created ?? 0);
      setReport(null);
      setFile(null);
      await queryClient.resetQueries({ queryKey: registerKeys.all(org.slug) });
    },
  });
  const reset = (next: { entity?: TImportEntity; file?: File | null }) => {
    if (next.entity) setEntity(next.entity);
    if (next.file !== undefined) setFile(next.file);
    setReport(null);
    setCreated(null);
    check.reset();
    apply.reset();
  };
  const failure = check.error ?? apply.error;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-title">
      <Stack>
        <Title order={2} size="h3" id="import-title">
          {t('register.io.importTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('register.io.importText')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('register.io.importEntity')}
            data={IMPORT_ENTITIES.map((value) => ({ value, label: t(`register.io.entities.${value}`) }))}
            value={entity}
            allowDeselect={false}
            disabled={!canEdit}
            onChange={(next) => next && reset({ entity: next as TImportEntity })}
          />
          <FileInput
            label={t('register.io.file')}
            description={t('register.io.fileHelp')}
            placeholder={t('register.io.choose')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            leftSection={<IconFileSpreadsheet size={16} />}
            value={file}
            clearable
            disabled={!canEdit}
            onChange={(next) => reset({ file: next })}
          />
        </SimpleGrid>
        <Group>
          <Button
            variant="light"
            disabled={!file || !canEdit}
            loading={check.isPending}
            onClick={() => file && check.mutate(file)}
          >
            {t('register.io.check')}
          </Button>
          <Button
            disabled={!file || !report?.isClean}
            loading={apply.isPending}
            onClick={() => file && apply.mutate(file)}
          >
            {t('register.io.apply')}
          </Button>
        </Group>
        {failure && (
          <Alert color="red" role="alert">
            {describeError(failure)}
            {isApiError(failure) && failure.fieldErrors.length > 0 && (
              <Stack gap={2} mt="xs">
                {failure.fieldErrors.map((problem) => (
                  <Text key={`${problem.path}-${problem.code}`} size="sm">
                    {problem.message}
                  </Text>
                ))}
              </Stack>
            )}
          </Alert>
        )}
        {report && <ImportReport report={report} />}
        {created !== null && (
          <Alert
            color="teal"
            icon={<IconCircleCheck size={18} />}
            title={t('register.io.imported', { count: created })}
          />
        )}
      </Stack>
    </Paper>
  );
}
