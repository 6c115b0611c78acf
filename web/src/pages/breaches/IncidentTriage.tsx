import {
  Alert,
  Button,
  Card,
  Checkbox,
  Divider,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  BREACH_KINDS,
  breachesApi,
  DATA_CATEGORIES,
  EASE_OF_IDENTIFICATION,
  ENCRYPTION_STATES,
  EXFILTRATIONS,
  RECIPIENTS,
  type TIncident,
  type TIncidentTriage,
} from '../../api/breaches.ts';
import { useCan } from '../../app/organisations.ts';
import { currentLocale } from '../../i18n/index.ts';
import { amsterdamDateTime } from '../requests/request-format.ts';
import { initialTriageValues, type TriageFormValues, triageFacts } from './breach-forms.ts';
import { useIncidentMutation } from './incident-mutation.ts';

/** The triage: the facts asked in plain words, and the recommendation with its reasons once run. */
export function TriageCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const canEdit = useCan('editor') && incident.status === 'open';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="incident-triage">
      <Title order={2} size="h4" mb="xs" id="incident-triage">
        {t('breaches.triage.title')}
      </Title>
      <Stack gap="md">
        {incident.triage && <TriageResult triage={incident.triage} />}
        {canEdit && <TriageForm incident={incident} />}
      </Stack>
    </Card>
  );
}

function TriageForm({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const form = useForm<TriageFormValues>({ initialValues: initialTriageValues(incident) });
  const run = useIncidentMutation(incident.id, (org, values: TriageFormValues) =>
    breachesApi.triage(org, incident.id, triageFacts(values)),
  );
  const values = form.getValues();
  const options = (keys: readonly string[], prefix: string) =>
    keys.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const box = (name: keyof TriageFormValues, label: string) => (
    <Checkbox label={label} {...form.getInputProps(name, { type: 'checkbox' })} />
  );
  return (
    <form noValidate onSubmit={form.onSubmit((submitted) => run.mutate(submitted))}>
      <Stack gap="sm">
        {incident.triage && <Divider />}
        <Text size="sm" c="dimmed">
          {t('breaches.triage.intro')}
        </Text>
        <Checkbox.Group label={t('breaches.triage.dataCategories')} {...form.getInputProps('dataCategories')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={4}>
            {DATA_CATEGORIES.map((category) => (
              <Checkbox key={category} value={category} label={t(`breaches.triage.categories.${category}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {box('allowsProfiling', t('breaches.triage.allowsProfiling'))}
        <Group grow align="flex-start">
          <NumberInput
            label={t('breaches.triage.peopleAffected')}
            allowDecimal={false}
            clampBehavior="none"
            {...form.getInputProps('peopleAffected')}
          />
          <NumberInput
            label={t('breaches.triage.recordsAffected')}
            allowDecimal={false}
            clampBehavior="none"
            {...form.getInputProps('recordsAffected')}
          />
        </Group>
        {box('vulnerablePeople', t('breaches.triage.vulnerablePeople'))}
        <Checkbox.Group label={t('breaches.triage.breachKinds')} {...form.getInputProps('breachKinds')}>
          <Group gap="md" mt={4}>
            {BREACH_KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`breaches.fields.${kind}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {values.breachKinds.includes('confidentiality') && (
          <Group grow align="flex-start">
            <Select
              label={t('breaches.triage.recipient')}
              data={options(RECIPIENTS, 'breaches.triage.recipients')}
              allowDeselect={false}
              {...form.getInputProps('recipient')}
            />
            <Select
              label={t('breaches.triage.exfiltration')}
              data={options(EXFILTRATIONS, 'breaches.triage.exfiltrations')}
              allowDeselect={false}
              {...form.getInputProps('exfiltration')}
            />
          </Group>
        )}
        <Group grow align="flex-end">
          <Select
            label={t('breaches.triage.encryption')}
            data={options(ENCRYPTION_STATES, 'breaches.triage.encryptionStates')}
            allowDeselect={false}
            {...form.getInputProps('encryptionState')}
          />
          {values.encryptionState !== 'none' ? box('keyCompromised', t('breaches.triage.keyCompromised')) : <span />}
        </Group>
        {values.breachKinds.includes('availability') && (
          <Group grow align="flex-end">
            {box('backupAvailable', t('breaches.triage.backupAvailable'))}
            <NumberInput
              label={t('breaches.triage.restoreHours')}
              min={0}
              clampBehavior="none"
              {...form.getInputProps('restoreHours')}
            />
          </Group>
        )}
        {values.breachKinds.includes('integrity') && box('recoverable', t('breaches.triage.recoverable'))}
        {box('maliciousIntent', t('breaches.triage.maliciousIntent'))}
        <Select
          label={t('breaches.triage.easeOfIdentification')}
          data={options(EASE_OF_IDENTIFICATION, 'breaches.triage.ease')}
          allowDeselect={false}
          {...form.getInputProps('easeOfIdentification')}
        />
        <Text size="sm" fw={500}>
          {t('breaches.triage.art34')}
        </Text>
        {box('riskRemovedByMeasures', t('breaches.triage.riskRemovedByMeasures'))}
        {box('canReachSubjectsIndividually', t('breaches.triage.canReachSubjectsIndividually'))}
        {run.errorText && <Alert color="red">{run.errorText}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={run.isPending}>
            {t('breaches.triage.run')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TriageResult({ triage }: { triage: TIncidentTriage }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('breaches.triage.yes') : t('breaches.triage.no'));
  const rows: [string, string][] = [
    [t('breaches.triage.notifyAuthority'), yesNo(triage.notifyAuthority)],
    [t('breaches.triage.notifySubjects'), yesNo(triage.notifySubjects)],
    [t('breaches.triage.channel'), t(`breaches.triage.channels.${triage.subjectsChannel}`)],
    [t('breaches.triage.exception'), triage.exception ? t(`breaches.triage.exceptions.${triage.exception}`) : '—'],
    [t('breaches.triage.severity'), `${t(`breaches.triage.severities.${triage.severity}`)} (${triage.score.total})`],
  ];
  return (
    <Stack gap="xs" aria-label={t('breaches.triage.result')} role="group">
      <Text fw={600}>{t('breaches.triage.result')}</Text>
      <Table variant="vertical" layout="fixed" withRowBorders={false} aria-label={t('breaches.triage.result')}>
        <Table.Tbody>
          {rows.map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th w={200}>{name}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={500}>
        {t('breaches.triage.reasons')}
      </Text>
      <List size="sm" spacing={4}>
        {triage.reasonTexts.map((text) => (
          <List.Item key={text}>{text}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {t('breaches.triage.ranAt', { at: amsterdamDateTime(triage.at, currentLocale()), by: triage.by?.name ?? '—' })}
      </Text>
    </Stack>
  );
}
