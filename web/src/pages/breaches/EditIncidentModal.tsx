import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { breachesApi, type TIncident } from '../../api/breaches.ts';
import { applyProblem } from '../../app/forms.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { amsterdamInputToIso } from './breach-format.ts';
import { type EditIncidentValues, incidentChanges, incidentFormValues } from './breach-forms.ts';
import { useIncidentMutation } from './incident-mutation.ts';
import { IncidentFields } from './RecordIncidentModal.tsx';

/** "Bewerken": the incident's fields as they stand; only what the person changes is sent. */
export function EditIncidentModal({
  incident,
  opened,
  onClose,
}: {
  incident: TIncident;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('breaches.edit.title')} size="xl">
      {/* Opened again, the form starts from the incident as it now stands. */}
      {opened && <EditIncidentForm incident={incident} onClose={onClose} />}
    </Modal>
  );
}

function EditIncidentForm({ incident, onClose }: { incident: TIncident; onClose: () => void }) {
  const { t } = useTranslation();
  const [initial] = useState(() => incidentFormValues(incident));
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EditIncidentValues>({
    initialValues: initial,
    validate: { awareAt: (value) => (amsterdamInputToIso(value) ? null : t('breaches.create.invalidMoment')) },
  });
  const update = useIncidentMutation(
    incident.id,
    (org, values: EditIncidentValues) => breachesApi.update(org, incident.id, incidentChanges(initial, values)),
    onClose,
  );
  const asksLateReason = incident.clock.needsLateReason || incident.lateReason !== null;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        if (Object.keys(incidentChanges(initial, values)).length === 0) {
          onClose();
          return;
        }
        update.mutate(values, { onError: (error) => setFormError(applyProblem(form, error)) });
      })}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('breaches.edit.intro')}
        </Text>
        <FormAlert message={formError} />
        <IncidentFields form={form} />
        {asksLateReason && (
          <Textarea
            label={t('breaches.fields.lateReason')}
            description={t('breaches.notifications.lateReasonHint')}
            autosize
            minRows={2}
            {...form.getInputProps('lateReason')}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('breaches.create.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('breaches.edit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
