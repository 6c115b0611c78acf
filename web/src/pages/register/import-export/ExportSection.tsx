import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_ENTITIES, EXPORT_FORMATS, registerIoApi, type TExportEntity } from '../../../api/register-io.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { LANGUAGE_OPTIONS } from '../../../components/LocaleSelect.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { newProgressId, PdfProgress } from './PdfProgress.tsx';

/** Downloads of the register: PDF (the Art. 30 document), Excel, CSV (one list, or all in a ZIP) and JSON. */
export function ExportSection() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const [locale, setLocale] = useState<'nl' | 'en'>(currentLocale());
  const [entity, setEntity] = useState<TExportEntity | ''>('');
  // The id the next PDF link carries, and the one of the PDF being made (whose progress the page shows).
  const [nextPdfId, setNextPdfId] = useState(newProgressId);
  const [pdfId, setPdfId] = useState<string | null>(null);
  const handlePdfClick = () => {
    setPdfId(nextPdfId);
    // A new id for the next PDF only after the browser has followed this link: React re-renders at the end of the
    // click, before the browser acts on it, and the link must still carry the id the page follows.
    setTimeout(() => setNextPdfId(newProgressId()), 0);
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="export-title">
      <Stack>
        <Title order={2} size="h3" id="export-title">
          {t('register.io.exportTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('register.io.exportText')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('register.io.language')}
            data={LANGUAGE_OPTIONS}
            value={locale}
            allowDeselect={false}
            onChange={(next) => setLocale(next === 'en' ? 'en' : 'nl')}
          />
          <Select
            label={t('register.io.csvEntity')}
            description={t('register.io.csvEntityHelp')}
            data={[
              { value: '', label: t('register.io.allEntities') },
              ...EXPORT_ENTITIES.map((value) => ({ value, label: t(`register.io.entities.${value}`) })),
            ]}
            value={entity}
            allowDeselect={false}
            onChange={(next) => setEntity((next ?? '') as TExportEntity | '')}
          />
        </SimpleGrid>
        <Group gap="sm">
          {EXPORT_FORMATS.map((format) => (
            <Button
              key={format}
              component="a"
              href={registerIoApi.exportUrl(
                org.slug,
                format,
                locale,
                entity || undefined,
                format === 'pdf' ? nextPdfId : undefined,
              )}
              onClick={format === 'pdf' ? handlePdfClick : undefined}
              download
              variant={format === 'pdf' ? 'filled' : 'light'}
              leftSection={<IconDownload size={16} />}
            >
              {t(`register.io.formats.${format}`)}
            </Button>
          ))}
        </Group>
        {pdfId && <PdfProgress key={pdfId} orgRef={org.slug} progressId={pdfId} />}
      </Stack>
    </Paper>
  );
}
