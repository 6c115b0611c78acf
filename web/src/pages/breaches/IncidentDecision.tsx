import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { breachesApi, NOTIFICATION_PHASES, NOTIFICATION_RECIPIENTS, type TIncident } from '../../api/breaches.ts';
import { useCan } from '../../app/organisations.ts';
import { currentLocale } from '../../i18n/index.ts';
import { amsterdamDateTime } from '../requests/request-format.ts';
import { isoToAmsterdamInput } from './breach-format.ts';
import { type NotificationValues, notificationBody } from './breach-forms.ts';
import { useIncidentMutation } from './incident-mutation.ts';

/** The decision on notifying the authority and the people, with the reason; taken by privacy officers and owners. */
export function DecisionCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const canDecide = useCan('privacy_officer') && incident.status === 'open';
  const decided = incident.decisionDetail;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="incident-decision">
      <Title order={2} size="h4" mb="xs" id="incident-decision">
        {t('breaches.decision.title')}
      </Title>
      {decided && (
        <Stack gap={4} mb="sm">
          <Text size="sm">
            {t('breaches.decision.notifyAuthority')}:{' '}
            {decided.notifyAuthority ? t('breaches.triage.yes') : t('breaches.triage.no')}
          </Text>
          <Text size="sm">
            {t('breaches.decision.notifySubjects')}:{' '}
            {decided.notifySubjects ? t('breaches.triage.yes') : t('breaches.triage.no')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {decided.reason}
          </Text>
          <Text size="xs" c="dimmed">
            {t('breaches.decision.recorded', {
              at: amsterdamDateTime(decided.at, currentLocale()),
              by: decided.by?.name ?? '—',
            })}
          </Text>
        </Stack>
      )}
      {canDecide ? (
        // A new triage starts the form again from its recommendation.
        <DecisionForm key={incident.triage?.at ?? 'none'} incident={incident} />
      ) : (
        !decided && (
          <Text size="sm" c="dimmed">
            {t('breaches.decision.onlyOfficers')}
          </Text>
        )
      )}
    </Card>
  );
}

function DecisionForm({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const start = incident.decisionDetail ?? incident.triage;
  const form = useForm({
    initialValues: {
      notifyAuthority: start?.notifyAuthority ?? false,
      notifySubjects: start?.notifySubjects ?? false,
      reason: incident.decisionDetail?.reason ?? '',
    },
    validate: { reason: (value) => (value.trim() ? null : t('validation.required')) },
  });
  const decide = useIncidentMutation(incident.id, (org, values: typeof form.values) =>
    breachesApi.decide(org, incident.id, values),
  );
  return (
    <form noValidate onSubmit={form.onSubmit((values) => decide.mutate(values))}>
      <Stack gap="xs">
        <Checkbox
          label={t('breaches.decision.notifyAuthority')}
          {...form.getInputProps('notifyAuthority', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('breaches.decision.notifySubjects')}
          {...form.getInputProps('notifySubjects', { type: 'checkbox' })}
        />
        <Textarea
          label={t('breaches.decision.reason')}
          required
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('reason')}
        />
        {decide.errorText && <Alert color="red">{decide.errorText}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending}>
            {t('breaches.decision.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The notifications made (authority, people, controller; in phases), and the form to record one. */
export function NotificationsCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const canRecord = useCan('privacy_officer');
  const locale = currentLocale();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="incident-notifications">
      <Title order={2} size="h4" mb="xs" id="incident-notifications">
        {t('breaches.notifications.title')}
      </Title>
      {incident.notifications.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('breaches.notifications.none')}
        </Text>
      ) : (
        <Table mb="sm" aria-label={t('breaches.notifications.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('breaches.notifications.recipient')}</Table.Th>
              <Table.Th>{t('breaches.notifications.phase')}</Table.Th>
              <Table.Th>{t('breaches.notifications.sentAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incident.notifications.map((notification) => (
              <Table.Tr key={notification.id}>
                <Table.Td>
                  {t(`breaches.notifications.recipients.${notification.recipient}`)}
                  {notification.reference && (
                    <Text size="xs" c="dimmed">
                      {notification.reference}
                    </Text>
                  )}
                  {notification.note && (
                    <Text size="xs" c="dimmed">
                      {notification.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`breaches.notifications.phases.${notification.phase}`)}</Table.Td>
                <Table.Td>{amsterdamDateTime(notification.sentAt, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canRecord && <NotificationForm incident={incident} />}
    </Card>
  );
}

function NotificationForm({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const asksLateReason = incident.clock.needsLateReason && !incident.lateReason;
  const form = useForm<NotificationValues>({
    initialValues: {
      recipient: 'authority',
      phase: 'initial',
      sentAt: isoToAmsterdamInput(new Date()),
      reference: '',
      note: '',
      lateReason: '',
    },
  });
  const record = useIncidentMutation(
    incident.id,
    (org, values: NotificationValues) => breachesApi.notify(org, incident.id, notificationBody(values, asksLateReason)),
    () => form.setValues({ reference: '', note: '', lateReason: '' }),
  );
  const options = (keys: readonly string[], prefix: string) =>
    keys.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <form noValidate onSubmit={form.onSubmit((values) => record.mutate(values))}>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <Select
            label={t('breaches.notifications.recipient')}
            data={options(NOTIFICATION_RECIPIENTS, 'breaches.notifications.recipients')}
            allowDeselect={false}
            {...form.getInputProps('recipient')}
          />
          <Select
            label={t('breaches.notifications.phase')}
            data={options(NOTIFICATION_PHASES, 'breaches.notifications.phases')}
            allowDeselect={false}
            {...form.getInputProps('phase')}
          />
        </Group>
        <TextInput
          label={t('breaches.notifications.sentAt')}
          type="datetime-local"
          required
          {...form.getInputProps('sentAt')}
        />
        <TextInput label={t('breaches.notifications.reference')} {...form.getInputProps('reference')} />
        <Textarea label={t('breaches.notifications.note')} autosize minRows={2} {...form.getInputProps('note')} />
        {asksLateReason && (
          <Textarea
            label={t('breaches.fields.lateReason')}
            description={t('breaches.notifications.lateReasonHint')}
            autosize
            minRows={2}
            {...form.getInputProps('lateReason')}
          />
        )}
        {record.errorText && <Alert color="red">{record.errorText}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('breaches.notifications.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
