import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/organisations.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ExportSection } from './ExportSection.tsx';
import { ImportSection } from './ImportSection.tsx';

/** Export the register as a document or a spreadsheet; import activities, systems and vendors from a file. */
export default function ImportExportPage() {
  const { t } = useTranslation();
  const canEdit = useCan('editor');
  return (
    <>
      <PageHeader title={t('register.io.title')} description={t('register.io.description')} />
      <Stack gap="xl">
        <ExportSection />
        <ImportSection canEdit={canEdit} />
      </Stack>
    </>
  );
}
