import { Alert, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { requestKeys, requestsApi, type TRequest } from '../../api/requests.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { FactsTable } from '../../components/FactsTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { Tag } from '../register/shared/Tag.tsx';
import { RequestActions } from './RequestActions.tsx';
import { RequestExports } from './RequestExports.tsx';
import { DaysLeft } from './RequestParts.tsx';
import { RequestRecords } from './RequestRecords.tsx';
import { amsterdamDateTime } from './request-format.ts';

/** One request on the desk: who asked what, the deadline, the actions and the timeline. */
export default function RequestPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const { requestId = '' } = useParams();
  const request = useQuery({
    queryKey: requestKeys.one(org.slug, requestId),
    queryFn: () => requestsApi.get(org.slug, requestId),
  });
  const data = request.data;
  return (
    <Stack gap="lg">
      <BackLink to={`/o/${org.slug}/requests`} label={t('requests.detail.back')} />
      <QueryState isPending={request.isPending} error={request.error} />
      {data && (
        <>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {data.reference
                ? t('requests.detail.title', { reference: data.reference })
                : t('requests.detail.titleUnconfirmed')}
            </Title>
            <Tag>{t(`requests.rights.${data.right}`)}</Tag>
            <Tag color={data.status === 'closed' ? 'gray' : 'blue'}>{t(`requests.statuses.${data.status}`)}</Tag>
            {data.outcome && <Tag color="gray">{t(`requests.outcomes.${data.outcome}`)}</Tag>}
          </Group>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <RequesterCard request={data} />
                {data.status !== 'closed' && <DeadlineCard request={data} />}
                <Timeline request={data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="lg">
                <RequestExports request={data} />
                <RequestActions request={data} />
              </Stack>
            </Grid.Col>
          </Grid>
          <RequestRecords request={data} />
        </>
      )}
    </Stack>
  );
}

function RequesterCard({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const person = request.requester;
  const identity = request.identity;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="request-requester">
      <Title order={2} size="h4" mb="xs" id="request-requester">
        {t('requests.detail.requester')}
      </Title>
      {!person && <Alert color="gray">{t('requests.detail.minimised')}</Alert>}
      {person && (
        <FactsTable
          label={t('requests.detail.requester')}
          rows={[
            [t('requests.fields.name'), person.name],
            [t('requests.fields.email'), person.email],
            [t('requests.fields.phoneDesk'), person.phone],
            [t('requests.fields.postalAddress'), person.postalAddress],
            [t('requests.detail.channel'), t(`requests.channels.${request.channel}`)],
            [t('requests.detail.language'), t(`requests.locales.${request.locale}`)],
            [
              t('requests.detail.identity'),
              identity
                ? t('requests.detail.identityDone', {
                    method: t(`requests.identityMethods.${identity.method}`),
                    by: identity.by?.name ?? '—',
                    at: amsterdamDateTime(identity.at, locale),
                  }) + (identity.note ? ` — ${identity.note}` : '')
                : t('requests.detail.identityNone'),
            ],
          ]}
        />
      )}
      {person && (
        <>
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('requests.detail.description')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {request.description || t('requests.detail.noDescription')}
          </Text>
        </>
      )}
    </Card>
  );
}

function DeadlineCard({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const deadline = request.deadline;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="request-deadline">
      <Group gap="sm" mb="xs">
        <Title order={2} size="h4" id="request-deadline">
          {t('requests.detail.deadline')}
        </Title>
        <DaysLeft deadline={deadline} />
        {deadline.isExtended && <Tag color="grape">{t('requests.desk.extended')}</Tag>}
      </Group>
      <FactsTable
        label={t('requests.detail.deadline')}
        rows={[
          [t('requests.detail.received'), formatDate(deadline.receivedOn, locale)],
          [t('requests.detail.due'), formatDate(deadline.due, locale)],
          [t('requests.detail.originalDue'), formatDate(deadline.originalDue, locale)],
          [t('requests.detail.extensionNoticeDue'), formatDate(deadline.extensionNoticeDue, locale)],
          [t('requests.detail.workingDaysLeft'), String(deadline.workingDaysLeft)],
          [t('requests.detail.calendarDaysLeft'), String(deadline.calendarDaysLeft)],
        ]}
      />
      {request.extension?.reason && (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {t('requests.detail.extensionReason', { reason: request.extension.reason })}
        </Text>
      )}
    </Card>
  );
}

type TEvent = TRequest['timeline'][number];

/** A step's short fact from its data: who it was assigned to, how identity was checked, the outcome. */
function eventFact(event: TEvent, t: TFunction, names: Map<string, string>): string | null {
  const value = (key: string) => (typeof event.data[key] === 'string' ? (event.data[key] as string) : null);
  switch (event.kind) {
    case 'created':
      return value('channel') ? t(`requests.channels.${value('channel')}`) : null;
    case 'assigned':
      return value('userId') ? (names.get(value('userId') as string) ?? null) : t('requests.desk.nobody');
    case 'identity_verified':
      return value('method') ? t(`requests.identityMethods.${value('method')}`) : null;
    case 'closed':
      return value('outcome') ? t(`requests.outcomes.${value('outcome')}`) : null;
    case 'extended':
      return value('due') ? formatDate(value('due'), currentLocale()) : null;
    default:
      return null;
  }
}

function actorName(event: TEvent, t: TFunction): string {
  if (event.actor.name) return event.actor.name;
  // The public page acts for the requester (system actor `request_page`).
  const isRequester = event.actor.type === 'anonymous' || event.actor.id === 'request_page';
  return isRequester ? t('requests.detail.actorRequester') : t('requests.detail.actorSystem');
}

function Timeline({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const names = new Map<string, string>();
  for (const event of request.timeline)
    if (event.actor.id && event.actor.name) names.set(event.actor.id, event.actor.name);
  if (request.assignee) names.set(request.assignee.id, request.assignee.name);
  return (
    <Stack gap="xs" component="section" aria-labelledby="request-timeline">
      <Title order={2} size="h4" id="request-timeline">
        {t('requests.detail.timeline')}
      </Title>
      <Table verticalSpacing="xs" striped aria-label={t('requests.detail.timelineLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('requests.detail.at')}</Table.Th>
            <Table.Th>{t('requests.detail.what')}</Table.Th>
            <Table.Th>{t('requests.detail.who')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {request.timeline.map((event) => {
            const fact = eventFact(event, t, names);
            return (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{amsterdamDateTime(event.at, locale)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`requests.eventKinds.${event.kind}`)}
                    {fact ? `: ${fact}` : ''}
                  </Text>
                  {event.note && (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {event.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{actorName(event, t)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
