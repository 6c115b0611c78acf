import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  List,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  breachesApi,
  breachKeys,
  type TAuthorityReport,
  type TIncident,
  type TReportLocale,
} from '../../api/breaches.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { currentLocale } from '../../i18n/index.ts';
import { QueryState } from '../register/shared/QueryState.tsx';

type ReportField = TAuthorityReport['sections'][number]['fields'][number];

/** "Melding aan de Autoriteit Persoonsgegevens": the answers for the AP's online form, field by field. */
export function AuthorityReportCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const notNeeded = incident.decisionDetail?.notifyAuthority === false;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="incident-authority-report">
      <Title order={2} size="h4" mb="xs" id="incident-authority-report">
        {t('breaches.report.title')}
      </Title>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('breaches.report.text')}</Text>
        {notNeeded && (
          <Text size="sm" c="dimmed">
            {t('breaches.report.notNeeded')}
          </Text>
        )}
        <Button variant="light" onClick={open}>
          {t('breaches.report.open')}
        </Button>
      </Stack>
      <Modal opened={opened} onClose={close} title={t('breaches.report.title')} size="70rem">
        {opened && <AuthorityReportView incident={incident} />}
      </Modal>
    </Card>
  );
}

function AuthorityReportView({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const [locale, setLocale] = useState<TReportLocale>(currentLocale());
  const report = useQuery({
    queryKey: breachKeys.authorityReport(org.slug, incident.id, locale),
    queryFn: () => breachesApi.authorityReport(org.slug, incident.id, locale),
  });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('breaches.report.intro')}
      </Text>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="authority-report-language">
            {t('breaches.report.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="authority-report-language"
            value={locale}
            onChange={(value) => setLocale(value as TReportLocale)}
            data={[
              { value: 'nl', label: 'Nederlands' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Stack>
        <Anchor href={breachesApi.authorityReportPdfUrl(org.slug, incident.id, locale)} download size="sm">
          <IconDownload size={14} /> {t('breaches.report.downloadPdf')}
        </Anchor>
      </Group>
      <QueryState isPending={report.isPending} error={report.error} />
      {report.data && <ReportContent report={report.data} />}
    </Stack>
  );
}

function ReportContent({ report }: { report: TAuthorityReport }) {
  const { t } = useTranslation();
  const lateReason = report.sections.flatMap((section) => section.fields).find((field) => field.key === 'lateReason');
  return (
    <Stack gap="md">
      <Text size="sm">
        {t('breaches.report.summary', {
          reference: report.reference,
          phase: t(`breaches.notifications.phases.${report.phase}`),
          deadline: report.deadline,
        })}
      </Text>
      {report.isLate && (
        <Alert color="orange" title={t('breaches.report.lateTitle')}>
          {lateReason && !lateReason.isMissing ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t('breaches.report.lateGiven')} {lateReason.value}
            </Text>
          ) : (
            <Text size="sm">{t('breaches.report.lateMissing')}</Text>
          )}
        </Alert>
      )}
      {report.missingItems.length > 0 && (
        <Alert color="yellow" title={t('breaches.report.missingTitle')}>
          <List size="sm" spacing={2}>
            {report.missingItems.map((item) => (
              <List.Item key={item.article}>
                {t('breaches.report.article', { item: item.article })}: {item.label}
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            {t('breaches.report.missingLater')}
          </Text>
        </Alert>
      )}
      {report.sections.map((section) => (
        <section key={section.key} aria-labelledby={`report-section-${section.key}`}>
          <Title order={3} size="h5" mb={4} id={`report-section-${section.key}`}>
            {section.title}
          </Title>
          <Table layout="fixed" aria-label={section.title}>
            <Table.Tbody>
              {section.fields.map((field) => (
                <ReportRow key={field.key} field={field} />
              ))}
            </Table.Tbody>
          </Table>
        </section>
      ))}
    </Stack>
  );
}

function ReportRow({ field }: { field: ReportField }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-missing={field.isMissing || undefined}>
      <Table.Th w={260} fw={500} style={{ verticalAlign: 'top' }}>
        {field.label}
        {field.article && (
          <Text span size="xs" c="dimmed">
            {' '}
            ({t('breaches.report.article', { item: field.article })})
          </Text>
        )}
      </Table.Th>
      <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', verticalAlign: 'top' }}>
        {field.isMissing ? (
          <Badge color="red" variant="light">
            {t('breaches.report.missing')}
          </Badge>
        ) : (
          field.value
        )}
      </Table.Td>
      <Table.Td w={56} style={{ verticalAlign: 'top' }}>
        {!field.isMissing && (
          <CopyButton value={field.value} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'teal' : 'gray'}
                  onClick={copy}
                  aria-label={copied ? t('common.copied') : t('common.copyNamed', { name: field.label })}
                >
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
