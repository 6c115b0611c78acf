import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { breachesApi, breachKeys, INCIDENT_SOURCES } from '../../api/breaches.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useSystemOptions, useVendorOptions } from '../register/shared/options.ts';
import { useActivityOptions } from './BreachParts.tsx';
import { amsterdamInputToIso, isoToAmsterdamInput } from './breach-format.ts';
import { type IncidentFormValues, incidentBody } from './breach-forms.ts';

const emptyValues = (): IncidentFormValues => ({
  title: '',
  description: '',
  occurredAt: '',
  awareAt: isoToAmsterdamInput(new Date()),
  reportedBy: '',
  source: 'internal',
  systemIds: [],
  vendorIds: [],
  activityIds: [],
  isConfidentialityBreach: false,
  isIntegrityBreach: false,
  isAvailabilityBreach: false,
  approxPeople: '',
  approxRecords: '',
  consequences: '',
  measuresTaken: '',
});

/** "Datalek vastleggen": records an incident (the clock starts at awareness) and opens its page. */
export function RecordIncidentModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<IncidentFormValues>({
    initialValues: emptyValues(),
    validate: { awareAt: (value) => (amsterdamInputToIso(value) ? null : t('breaches.create.invalidMoment')) },
  });
  const create = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (values: IncidentFormValues) => breachesApi.create(org.slug, incidentBody(values)),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: breachKeys.all(org.slug) });
      form.setValues(emptyValues());
      onClose();
      void navigate(`/o/${org.slug}/breaches/${created.id}`);
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('breaches.create.title')} size="xl">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          create.mutate(values);
        })}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('breaches.create.intro')}
          </Text>
          <FormAlert message={formError} />
          <IncidentFields form={form} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('breaches.create.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('breaches.create.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The incident's fields, shared by recording and editing. */
export function IncidentFields<Values extends IncidentFormValues>({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const systems = useSystemOptions();
  const vendors = useVendorOptions();
  const activities = useActivityOptions();
  const picker = { searchable: true, clearable: true, hidePickedOptions: true };
  return (
    <>
      <TextInput label={t('breaches.fields.title')} required maxLength={200} {...form.getInputProps('title')} />
      <Textarea label={t('breaches.fields.description')} autosize minRows={3} {...form.getInputProps('description')} />
      <Group grow align="flex-start">
        <TextInput
          label={t('breaches.fields.occurredAt')}
          type="datetime-local"
          {...form.getInputProps('occurredAt')}
        />
        <TextInput
          label={t('breaches.fields.awareAt')}
          description={t('breaches.fields.awareAtHint')}
          type="datetime-local"
          required
          {...form.getInputProps('awareAt')}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('breaches.fields.reportedBy')} {...form.getInputProps('reportedBy')} />
        <Select
          label={t('breaches.fields.source')}
          data={INCIDENT_SOURCES.map((value) => ({ value, label: t(`breaches.sources.${value}`) }))}
          allowDeselect={false}
          {...form.getInputProps('source')}
        />
      </Group>
      <MultiSelect
        label={t('breaches.fields.systems')}
        data={systems}
        {...picker}
        {...form.getInputProps('systemIds')}
      />
      <MultiSelect
        label={t('breaches.fields.vendors')}
        data={vendors}
        {...picker}
        {...form.getInputProps('vendorIds')}
      />
      <MultiSelect
        label={t('breaches.fields.activities')}
        data={activities}
        {...picker}
        {...form.getInputProps('activityIds')}
      />
      <Stack gap={6} role="group" aria-labelledby="incident-kinds">
        <Text size="sm" fw={500} id="incident-kinds">
          {t('breaches.fields.kinds')}
        </Text>
        <Checkbox
          label={t('breaches.fields.confidentiality')}
          {...form.getInputProps('isConfidentialityBreach', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('breaches.fields.integrity')}
          {...form.getInputProps('isIntegrityBreach', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('breaches.fields.availability')}
          {...form.getInputProps('isAvailabilityBreach', { type: 'checkbox' })}
        />
      </Stack>
      <Group grow align="flex-start">
        <NumberInput
          label={t('breaches.fields.approxPeople')}
          allowDecimal={false}
          clampBehavior="none"
          {...form.getInputProps('approxPeople')}
        />
        <NumberInput
          label={t('breaches.fields.approxRecords')}
          allowDecimal={false}
          clampBehavior="none"
          {...form.getInputProps('approxRecords')}
        />
      </Group>
      <Textarea
        label={t('breaches.fields.consequences')}
        autosize
        minRows={2}
        {...form.getInputProps('consequences')}
      />
      <Textarea
        label={t('breaches.fields.measuresTaken')}
        autosize
        minRows={2}
        {...form.getInputProps('measuresTaken')}
      />
    </>
  );
}
