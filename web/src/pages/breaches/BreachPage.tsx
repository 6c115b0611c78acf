import { Alert, Button, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { breachesApi, breachKeys, EVENT_KINDS, type TIncident } from '../../api/breaches.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { FactsTable } from '../../components/FactsTable.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { Tag } from '../register/shared/Tag.tsx';
import { amsterdamDateTime } from '../requests/request-format.ts';
import { AuthorityReportCard } from './AuthorityReport.tsx';
import { ClockText, DecisionTag } from './BreachParts.tsx';
import { deadlineLocalText } from './breach-format.ts';
import { EditIncidentModal } from './EditIncidentModal.tsx';
import { DecisionCard, NotificationsCard } from './IncidentDecision.tsx';
import { PlaybookCard } from './IncidentPlaybook.tsx';
import { TriageCard } from './IncidentTriage.tsx';
import { useIncidentMutation } from './incident-mutation.ts';
import { SubjectLettersCard } from './SubjectLetters.tsx';

/**
 * One incident: the facts, the 72-hour clock, triage, decision, the notification to the AP, the letter to the
 * people affected, notifications, playbook, closing and timeline.
 */
export default function BreachPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const { incidentId = '' } = useParams();
  const incident = useQuery({
    queryKey: breachKeys.one(org.slug, incidentId),
    queryFn: () => breachesApi.get(org.slug, incidentId),
  });
  const data = incident.data;
  return (
    <Stack gap="lg">
      <BackLink to={`/o/${org.slug}/breaches`} label={t('breaches.detail.back')} />
      <QueryState isPending={incident.isPending} error={incident.error} />
      {data && (
        <>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {t('breaches.detail.title', { reference: data.reference })}
            </Title>
            <Tag color={data.status === 'closed' ? 'gray' : 'blue'}>{t(`breaches.statuses.${data.status}`)}</Tag>
            <DecisionTag decision={data.decision} />
          </Group>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <FactsCard incident={data} />
                <TriageCard incident={data} />
                <SubjectLettersCard incident={data} />
                <PlaybookCard incident={data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="lg">
                <ClockCard incident={data} />
                <DecisionCard incident={data} />
                <AuthorityReportCard incident={data} />
                <NotificationsCard incident={data} />
                <CloseCard incident={data} />
                <Timeline incident={data} />
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

function FactsCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCan('editor') && incident.status === 'open';
  const [opened, { open, close }] = useDisclosure(false);
  const names = (refs: { name: string }[]) => refs.map((ref) => ref.name).join(', ');
  const kinds = (['Confidentiality', 'Integrity', 'Availability'] as const)
    .filter((kind) => incident[`is${kind}Breach`])
    .map((kind) => t(`breaches.fields.${kind.toLowerCase() as 'confidentiality'}`))
    .join('; ');
  const rows: [string, string | null][] = [
    [t('breaches.fields.title'), incident.title],
    [t('breaches.fields.description'), incident.description],
    [t('breaches.fields.occurredAt'), incident.occurredAt && amsterdamDateTime(incident.occurredAt, locale)],
    [t('breaches.fields.awareAt'), amsterdamDateTime(incident.awareAt, locale)],
    [t('breaches.fields.reportedBy'), incident.reportedBy],
    [t('breaches.fields.source'), t(`breaches.sources.${incident.source}`)],
    [t('breaches.fields.systems'), names(incident.systems)],
    [t('breaches.fields.vendors'), names(incident.vendors)],
    [t('breaches.fields.activities'), names(incident.activities)],
    [t('breaches.fields.kinds'), kinds],
    [t('breaches.fields.approxPeople'), incident.approxPeople?.toString() ?? null],
    [t('breaches.fields.approxRecords'), incident.approxRecords?.toString() ?? null],
    [t('breaches.fields.consequences'), incident.consequences],
    [t('breaches.fields.measuresTaken'), incident.measuresTaken],
    [t('breaches.fields.lateReason'), incident.lateReason],
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="incident-facts">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="incident-facts">
          {t('breaches.detail.facts')}
        </Title>
        {canEdit && (
          <Button variant="light" size="xs" leftSection={<IconPencil size={14} />} onClick={open}>
            {t('breaches.edit.action')}
          </Button>
        )}
      </Group>
      <FactsTable rows={rows} label={t('breaches.detail.facts')} />
      {canEdit && <EditIncidentModal incident={incident} opened={opened} onClose={close} />}
    </Card>
  );
}

function ClockCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const clock = incident.clock;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="incident-clock">
      <Title order={2} size="h4" mb="xs" id="incident-clock">
        {t('breaches.clock.title')}
      </Title>
      <Stack gap={6}>
        <Text size="sm">
          {t('breaches.clock.awareAt')}: {amsterdamDateTime(clock.awareAt, locale)}
        </Text>
        <Text size="sm">
          {t('breaches.clock.deadline')}: <strong>{deadlineLocalText(clock.deadlineLocal)}</strong>
        </Text>
        <Text size="sm">
          {t('breaches.clock.remaining')}: <ClockText clock={clock} size="lg" />
        </Text>
        {clock.authorityNotifiedAt && (
          <Text size="sm">
            {t('breaches.clock.notifiedAt', { at: amsterdamDateTime(clock.authorityNotifiedAt, locale) })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('breaches.clock.reminders')} {t('breaches.clock.timeZone')}
        </Text>
      </Stack>
    </Card>
  );
}

function CloseCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const canClose = useCan('privacy_officer');
  const close = useIncidentMutation(incident.id, (org) => breachesApi.close(org, incident.id));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="incident-close">
      <Title order={2} size="h4" mb="xs" id="incident-close">
        {t('breaches.close.title')}
      </Title>
      {incident.status === 'closed' ? (
        <Alert color="gray">{t('breaches.close.closed')}</Alert>
      ) : (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('breaches.close.text')}</Text>
          {!incident.decisionDetail && (
            <Text size="sm" c="dimmed">
              {t('breaches.close.needsDecision')}
            </Text>
          )}
          {close.error && <Alert color="red">{close.errorText}</Alert>}
          {canClose && (
            <Button
              variant="light"
              disabled={!incident.decisionDetail}
              loading={close.isPending}
              onClick={() => close.mutate()}
            >
              {t('breaches.close.action')}
            </Button>
          )}
        </Stack>
      )}
    </Card>
  );
}

function Timeline({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const known = new Set<string>(EVENT_KINDS);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="incident-timeline">
      <Title order={2} size="h4" mb="xs" id="incident-timeline">
        {t('breaches.timeline.title')}
      </Title>
      <List size="sm" spacing={4}>
        {incident.timeline.map((event) => (
          <List.Item key={event.id}>
            <Text span size="sm" c="dimmed">
              {amsterdamDateTime(event.at, locale)}
            </Text>{' '}
            {known.has(event.kind) ? t(`breaches.timeline.kinds.${event.kind}`) : event.kind}
            {' — '}
            {event.actor.name ?? t('breaches.timeline.system')}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
