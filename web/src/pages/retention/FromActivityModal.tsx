import { Button, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconListCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { retentionApi, retentionKeys } from '../../api/retention.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { ModalForm } from '../register/shared/ModalForm.tsx';
import { timestampFieldsOf, useActivityOptions, useRecordTypeChoices } from './options.ts';

interface Values {
  activityId: string | null;
  recordTypeId: string | null;
  timestampField: string | null;
  name: string;
}

/** "Beleid maken vanuit verwerking": a draft pre-filled with the activity's period, start event and reference. */
export function FromActivityButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconListCheck size={16} />} onClick={open}>
        {t('retention.fromActivity.open')}
      </Button>
      {opened && <FromActivityModal onClose={close} />}
    </>
  );
}

function FromActivityModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const activities = useActivityOptions();
  const recordTypes = useRecordTypeChoices();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { activityId: null, recordTypeId: null, timestampField: null, name: '' },
  });
  const chosen = recordTypes.choices.find((choice) => choice.recordType.id === form.values.recordTypeId);
  const create = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (values: Values) =>
      retentionApi.createFromActivity(org.slug, {
        activityId: values.activityId ?? '',
        recordTypeId: values.recordTypeId ?? '',
        timestampField: values.timestampField ?? '',
        ...(values.name.trim() ? { name: values.name } : {}),
      }),
    onSuccess: async (policy) => {
      await queryClient.invalidateQueries({ queryKey: retentionKeys.all(org.slug) });
      navigate(`/o/${org.slug}/retention/policies/${policy.id}`);
    },
    onError: (error) => setProblem(applyProblem(form, error)),
  });

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('retention.fromActivity.title')}
      error={problem}
      isPending={create.isPending}
      submitLabel={t('retention.fromActivity.submit')}
      onSubmit={form.onSubmit((values) => {
        setProblem(null);
        create.mutate(values);
      })}
    >
      <Select
        label={t('retention.fields.activity')}
        description={t('retention.fromActivity.activityHint')}
        withAsterisk
        searchable
        data={activities}
        {...form.getInputProps('activityId')}
      />
      <Select
        label={t('retention.fields.recordType')}
        description={recordTypes.options.length === 0 ? t('retention.fromActivity.noRecordTypes') : undefined}
        withAsterisk
        searchable
        data={recordTypes.options}
        {...form.getInputProps('recordTypeId')}
        onChange={(value) => {
          form.setFieldValue('recordTypeId', value);
          const fields = timestampFieldsOf(
            recordTypes.choices.find((choice) => choice.recordType.id === value)?.recordType,
          );
          form.setFieldValue('timestampField', fields[0] ?? null);
        }}
      />
      <Select
        label={t('retention.fields.timestampField')}
        description={t('retention.fields.timestampFieldHint')}
        withAsterisk
        data={timestampFieldsOf(chosen?.recordType)}
        {...form.getInputProps('timestampField')}
      />
      <TextInput
        label={t('retention.fields.name')}
        description={t('retention.fromActivity.nameHint')}
        {...form.getInputProps('name')}
      />
    </ModalForm>
  );
}
