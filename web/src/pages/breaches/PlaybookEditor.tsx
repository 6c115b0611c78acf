import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { breachesApi, breachKeys, PLAYBOOK_PHASES, type TPlaybookTemplate } from '../../api/breaches.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { STANDARD_STEP_KEYS } from './breach-forms.ts';

type Step = TPlaybookTemplate['steps'][number];
/** A step on screen, with a key of its own that survives moving and typing. */
type EditedStep = Step & { uid: number };

let nextUid = 0;
const edited = (step: Step): EditedStep => ({ ...step, uid: nextUid++ });
const saved = ({ uid: _, ...step }: EditedStep): Step => step;
type Phase = (typeof PLAYBOOK_PHASES)[number];

/** Moves the item at `index` one place up (-1) or down (+1). */
function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const next = [...items];
  const target = index + by;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

/**
 * The organisation's playbook (draaiboek): the steps every new incident starts with. Standard steps keep their
 * translated text; steps of one's own have a title. Incidents already recorded keep their steps.
 */
export function PlaybookEditor({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const playbook = useQuery({
    queryKey: breachKeys.playbook(org.slug),
    queryFn: () => breachesApi.playbook(org.slug),
    enabled: opened,
  });
  const [steps, setSteps] = useState<EditedStep[]>([]);
  useEffect(() => {
    if (playbook.data) setSteps(playbook.data.steps.map(edited));
  }, [playbook.data]);
  const save = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (next: Step[]) => breachesApi.savePlaybook(org.slug, { steps: next }),
    onSuccess: (saved) => {
      queryClient.setQueryData(breachKeys.playbook(org.slug), saved);
      onClose();
    },
  });
  const phases = PLAYBOOK_PHASES.map((phase) => ({ value: phase, label: t(`breaches.playbook.phases.${phase}`) }));
  const change = (index: number, patch: Partial<Step>) =>
    setSteps(steps.map((step, at) => (at === index ? { ...step, ...patch } : step)));
  const stepText = (step: Step) =>
    step.stepKey && STANDARD_STEP_KEYS.has(step.stepKey) ? t(`breaches.playbook.steps.${step.stepKey}`) : null;

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={t('breaches.playbookEditor.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('breaches.playbookEditor.hint')}
        </Text>
        {save.error && <Alert color="red">{describeError(save.error)}</Alert>}
        {steps.map((step, index) => (
          <Group key={step.uid} gap="xs" align="flex-end" wrap="nowrap">
            <Select
              w={160}
              size="xs"
              label={index === 0 ? t('breaches.playbook.addPhase') : undefined}
              aria-label={t('breaches.playbookEditor.phaseOf', { number: index + 1 })}
              data={phases}
              allowDeselect={false}
              value={step.phase}
              onChange={(phase) => phase && change(index, { phase: phase as Phase })}
            />
            {stepText(step) ? (
              <Text size="sm" style={{ flex: 1 }} pb={4}>
                {stepText(step)}
              </Text>
            ) : (
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                aria-label={t('breaches.playbookEditor.stepOf', { number: index + 1 })}
                value={step.title}
                onChange={(event) => change(index, { title: event.currentTarget.value })}
              />
            )}
            <ActionIcon
              variant="subtle"
              aria-label={t('breaches.playbookEditor.up')}
              onClick={() => setSteps(moved(steps, index, -1))}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('breaches.playbookEditor.down')}
              onClick={() => setSteps(moved(steps, index, 1))}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('breaches.playbookEditor.remove')}
              onClick={() => setSteps(steps.filter((_, at) => at !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between" mt="sm">
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => setSteps([...steps, edited({ phase: 'evaluate', stepKey: null, title: '' })])}
            >
              {t('breaches.playbookEditor.add')}
            </Button>
            <Button variant="subtle" size="xs" onClick={() => save.mutate([])} loading={save.isPending}>
              {t('breaches.playbookEditor.restore')}
            </Button>
          </Group>
          <Button onClick={() => save.mutate(steps.map(saved))} loading={save.isPending}>
            {t('breaches.playbookEditor.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
