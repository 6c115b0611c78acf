import { Alert, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TImportReport } from '../../../api/register-io.ts';

/** A checked import file: clean (and what would be created), or every row error with its row, column and message. */
export function ImportReport({ report }: { report: TImportReport }) {
  const { t } = useTranslation();
  if (report.isClean) {
    return (
      <>
        <Alert
          color="teal"
          icon={<IconCircleCheck size={18} />}
          title={t('register.io.cleanTitle', { count: report.rows })}
        >
          {t('register.io.cleanText')}
        </Alert>
        {report.sample.length > 0 && <SampleTable sample={report.sample} />}
      </>
    );
  }
  return (
    <>
      <Alert
        color="red"
        icon={<IconAlertCircle size={18} />}
        title={t('register.io.errorsTitle', { count: report.errors.length })}
      >
        {t('register.io.errorsText', { rows: report.rows })}
      </Alert>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" striped aria-label={t('register.io.errorsTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('register.io.row')}</Table.Th>
              <Table.Th>{t('register.io.column')}</Table.Th>
              <Table.Th>{t('register.io.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((error) => (
              <Table.Tr key={`${error.row}-${error.column}-${error.message}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.column ?? '—'}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

const cell = (value: unknown) =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);

function SampleTable({ sample }: { sample: TImportReport['sample'] }) {
  const { t } = useTranslation();
  const columns = Object.keys(sample[0] ?? {});
  return (
    <>
      <Text size="sm" fw={500}>
        {t('register.io.sampleTitle')}
      </Text>
      <Table.ScrollContainer minWidth={Math.max(560, columns.length * 140)}>
        <Table verticalSpacing="xs" striped aria-label={t('register.io.sampleTitle')}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column}>{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sample.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sample rows are shown once, in file order
              <Table.Tr key={index}>
                {columns.map((column) => (
                  <Table.Td key={column}>{cell(row[column])}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
