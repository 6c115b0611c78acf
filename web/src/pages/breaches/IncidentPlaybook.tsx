import { Alert, Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { breachesApi, PLAYBOOK_PHASES, type TIncident, type TPlaybookStep } from '../../api/breaches.ts';
import { useCan } from '../../app/organisations.ts';
import { currentLocale } from '../../i18n/index.ts';
import { amsterdamDateTime } from '../requests/request-format.ts';
import { STANDARD_STEP_KEYS } from './breach-forms.ts';
import { useIncidentMutation } from './incident-mutation.ts';

/** A step's text: the standard step's by its key, else the title typed in. */
export function useStepTitle(): (step: TPlaybookStep) => string {
  const { t } = useTranslation();
  return (step) =>
    step.stepKey && STANDARD_STEP_KEYS.has(step.stepKey) ? t(`breaches.playbook.steps.${step.stepKey}`) : step.title;
}

/** The playbook as a checklist per phase: tick a step with a note, or add a step of one's own. */
export function PlaybookCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const canEdit = useCan('editor') && incident.status === 'open';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="incident-playbook">
      <Title order={2} size="h4" mb="xs" id="incident-playbook">
        {t('breaches.playbook.title')}
      </Title>
      <Stack gap="md">
        {PLAYBOOK_PHASES.map((phase) => {
          const steps = incident.playbook.filter((step) => step.phase === phase);
          if (steps.length === 0) return null;
          return (
            <Stack key={phase} gap={6} role="group" aria-label={t(`breaches.playbook.phases.${phase}`)}>
              <Text fw={600} size="sm">
                {t(`breaches.playbook.phases.${phase}`)}
              </Text>
              {steps.map((step) => (
                <StepRow key={step.id} incident={incident} step={step} canEdit={canEdit} />
              ))}
            </Stack>
          );
        })}
        {canEdit && <AddStep incident={incident} />}
      </Stack>
    </Card>
  );
}

function StepRow({ incident, step, canEdit }: { incident: TIncident; step: TPlaybookStep; canEdit: boolean }) {
  const { t } = useTranslation();
  const titleOf = useStepTitle();
  const title = titleOf(step);
  const [note, setNote] = useState(step.note);
  const update = useIncidentMutation(incident.id, (org, isDone: boolean) =>
    breachesApi.updateStep(org, incident.id, step.id, { isDone, ...(note.trim() ? { note } : {}) }),
  );
  const isDone = step.doneAt !== null;
  return (
    <Stack gap={2} pl="sm">
      <Checkbox
        label={title}
        checked={isDone}
        disabled={!canEdit || update.isPending}
        onChange={(event) => update.mutate(event.currentTarget.checked)}
      />
      {isDone && (
        <Text size="xs" c="dimmed" pl={30}>
          {t('breaches.playbook.done', {
            by: step.doneBy?.name ?? '—',
            at: amsterdamDateTime(step.doneAt ?? '', currentLocale()),
          })}
          {step.note && ` — ${step.note}`}
        </Text>
      )}
      {canEdit && !isDone && (
        <TextInput
          pl={30}
          size="xs"
          aria-label={t('breaches.playbook.noteFor', { step: title })}
          placeholder={t('breaches.notifications.note')}
          value={note}
          maxLength={2000}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      )}
      {update.errorText && <Alert color="red">{update.errorText}</Alert>}
    </Stack>
  );
}

function AddStep({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<string>('contain');
  const [title, setTitle] = useState('');
  const add = useIncidentMutation(
    incident.id,
    (org) => breachesApi.addStep(org, incident.id, { phase: phase as (typeof PLAYBOOK_PHASES)[number], title }),
    () => setTitle(''),
  );
  return (
    <Stack gap="xs" role="group" aria-label={t('breaches.playbook.addTitle')}>
      <Text fw={600} size="sm">
        {t('breaches.playbook.addTitle')}
      </Text>
      <Group align="flex-end" grow>
        <Select
          label={t('breaches.playbook.addPhase')}
          data={PLAYBOOK_PHASES.map((value) => ({ value, label: t(`breaches.playbook.phases.${value}`) }))}
          value={phase}
          onChange={(value) => value && setPhase(value)}
          allowDeselect={false}
        />
        <TextInput
          label={t('breaches.playbook.addStepTitle')}
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
      </Group>
      {add.errorText && <Alert color="red">{add.errorText}</Alert>}
      <Group justify="flex-end">
        <Button variant="light" disabled={!title.trim()} loading={add.isPending} onClick={() => add.mutate()}>
          {t('breaches.playbook.add')}
        </Button>
      </Group>
    </Stack>
  );
}
