import {
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { retentionApi, retentionKeys, type TPolicy } from '../../api/retention.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AddRowButton, RemoveRowButton } from '../../components/RowButtons.tsx';
import { UnsavedChangesPrompt } from '../../components/UnsavedChangesPrompt.tsx';
import { useMemberOptions } from '../register/shared/options.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { fieldsOf, timestampFieldsOf, useActivityOptions, useRecordTypeChoices } from './options.ts';
import {
  emptyPolicyForm,
  FILTER_OPERATORS,
  type PolicyFormValues,
  policyFormValues,
  policyRequest,
} from './policy-form.ts';

/** A new policy (`policies/new`) or a change to one (`policies/:policyId/edit`). */
export default function PolicyFormPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const { policyId } = useParams();
  const policy = useQuery({
    queryKey: retentionKeys.policy(org.slug, policyId ?? ''),
    queryFn: () => retentionApi.policy(org.slug, policyId ?? ''),
    enabled: Boolean(policyId),
  });
  return (
    <>
      <PageHeader
        title={policyId ? (policy.data?.name ?? t('retention.policies.title')) : t('retention.policies.add')}
        description={t('retention.form.description')}
      />
      <QueryState isPending={Boolean(policyId) && policy.isPending} error={policy.error} />
      {(!policyId || policy.data) && <PolicyForm key={policy.data?.updatedAt ?? 'new'} policy={policy.data} />}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="fieldset" m={0}>
      <Stack>
        <Title order={2} size="h5" component="legend">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function PolicyForm({ policy }: { policy: TPolicy | undefined }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const recordTypes = useRecordTypeChoices();
  const activities = useActivityOptions();
  const members = useMemberOptions();
  const form = useForm<PolicyFormValues>({
    mode: 'controlled',
    initialValues: policy ? policyFormValues(policy) : emptyPolicyForm(),
  });
  const { values } = form;
  const recordType = recordTypes.choices.find((choice) => choice.recordType.id === values.recordTypeId)?.recordType;
  const fieldNames = fieldsOf(recordType);
  const save = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (formValues: PolicyFormValues) => {
      const body = policyRequest(formValues);
      return policy ? retentionApi.update(org.slug, policy.id, body) : retentionApi.create(org.slug, body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: retentionKeys.all(org.slug) });
      navigate(`/o/${org.slug}/retention/policies/${saved.id}`, { replace: true });
    },
    onError: (error) => setProblem(applyProblem(form, error)),
  });
  const fieldInput = (path: string, label: string, options = fieldNames) =>
    options.length > 0 ? (
      <Select label={label} withAsterisk searchable data={options} {...form.getInputProps(path)} />
    ) : (
      <TextInput label={label} withAsterisk {...form.getInputProps(path)} />
    );
  const unitOptions = (['days', 'weeks', 'months', 'years'] as const).map((unit) => ({
    value: unit,
    label: t(`retention.form.units.${unit}`),
  }));

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((formValues) => {
        setProblem(null);
        save.mutate(formValues);
      })}
    >
      <Stack maw={760}>
        <FormAlert message={problem} />
        <Section title={t('retention.form.what')}>
          <TextInput label={t('retention.fields.name')} withAsterisk {...form.getInputProps('name')} />
          <Select
            label={t('retention.fields.recordType')}
            withAsterisk
            searchable
            data={recordTypes.options}
            {...form.getInputProps('recordTypeId')}
          />
          <Select
            label={t('retention.fields.activity')}
            clearable
            searchable
            data={activities}
            {...form.getInputProps('activityId')}
          />
        </Section>
        <Section title={t('retention.form.startEvent')}>
          {fieldInput('startEvent.timestampField', t('retention.fields.timestampField'), timestampFieldsOf(recordType))}
          <Text size="sm" c="dimmed">
            {t('retention.form.conditionsHint')}
          </Text>
          {values.startEvent.conditions.map((_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own
            <Group key={index} align="flex-end" gap="xs">
              <TextInput
                label={t('retention.form.conditionField')}
                {...form.getInputProps(`startEvent.conditions.${index}.field`)}
              />
              <Select
                label={t('retention.form.conditionOperator')}
                data={FILTER_OPERATORS.map((operator) => ({
                  value: operator,
                  label: t(`retention.operators.${operator}`),
                }))}
                {...form.getInputProps(`startEvent.conditions.${index}.operator`)}
              />
              <TextInput
                label={t('retention.form.conditionValue')}
                {...form.getInputProps(`startEvent.conditions.${index}.value`)}
              />
              <RemoveRowButton
                label={t('retention.form.removeCondition')}
                onClick={() => form.removeListItem('startEvent.conditions', index)}
              />
            </Group>
          ))}
          <AddRowButton
            label={t('retention.form.addCondition')}
            onClick={() => form.insertListItem('startEvent.conditions', { field: '', operator: 'eq', value: '' })}
          />
        </Section>
        <Section title={t('retention.fields.period')}>
          <SegmentedControl
            data={[
              { value: 'after', label: t('retention.form.periodAfter') },
              { value: 'end_of_year_plus', label: t('retention.form.periodEndOfYear') },
            ]}
            {...form.getInputProps('period.kind')}
          />
          {values.period.kind === 'after' ? (
            <Group align="flex-end">
              <NumberInput
                label={t('retention.form.amount')}
                min={0}
                withAsterisk
                {...form.getInputProps('period.amount')}
              />
              <Select label={t('retention.form.unit')} data={unitOptions} {...form.getInputProps('period.unit')} />
            </Group>
          ) : (
            <NumberInput
              label={t('retention.form.years')}
              description={t('retention.form.yearsHint')}
              min={0}
              withAsterisk
              {...form.getInputProps('period.years')}
            />
          )}
          <TextInput label={t('retention.fields.legalReference')} {...form.getInputProps('legalReference.reference')} />
        </Section>
        <ActionFields form={form} fieldNames={fieldNames} recordTypeOptions={recordTypes.options} />
        <Section title={t('retention.form.when')}>
          <Group align="flex-end">
            <Select
              label={t('retention.form.frequency')}
              data={(['daily', 'weekly', 'monthly'] as const).map((value) => ({
                value,
                label: t(`retention.form.frequencies.${value}`),
              }))}
              {...form.getInputProps('schedule.frequency')}
            />
            {values.schedule.frequency === 'weekly' && (
              <Select
                label={t('retention.form.weekday')}
                data={['1', '2', '3', '4', '5', '6', '7'].map((day) => ({
                  value: day,
                  label: t(`retention.schedule.weekdays.${day}`),
                }))}
                {...form.getInputProps('schedule.weekday')}
              />
            )}
            {values.schedule.frequency === 'monthly' && (
              <NumberInput
                label={t('retention.form.dayOfMonth')}
                min={1}
                max={31}
                {...form.getInputProps('schedule.dayOfMonth')}
              />
            )}
            <TextInput label={t('retention.form.time')} type="time" {...form.getInputProps('schedule.time')} />
          </Group>
          <Select
            label={t('retention.fields.owner')}
            description={t('retention.form.ownerHint')}
            clearable
            data={members}
            {...form.getInputProps('ownerUserId')}
          />
          <NumberInput
            label={t('retention.fields.margin')}
            description={t('retention.form.marginHint')}
            min={0}
            max={1000}
            suffix="%"
            {...form.getInputProps('marginPercent')}
          />
        </Section>
        <UnsavedChangesPrompt isDirty={form.isDirty} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t(policy ? 'common.save' : 'retention.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Form = ReturnType<typeof useForm<PolicyFormValues>>;

/** Delete, anonymise named fields (with a replacement or empty), or archive to another record type, then delete. */
function ActionFields({
  form,
  fieldNames,
  recordTypeOptions,
}: {
  form: Form;
  fieldNames: string[];
  recordTypeOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const { action } = form.values;
  const fieldPicker = (path: string, label: string) =>
    fieldNames.length > 0 ? (
      <Select label={label} searchable data={fieldNames} {...form.getInputProps(path)} />
    ) : (
      <TextInput label={label} {...form.getInputProps(path)} />
    );
  return (
    <Section title={t('retention.fields.action')}>
      <SegmentedControl
        data={(['delete', 'anonymise', 'archive'] as const).map((kind) => ({
          value: kind,
          label: t(`retention.action.kinds.${kind}`),
        }))}
        {...form.getInputProps('action.kind')}
      />
      {action.kind === 'anonymise' && (
        <>
          {action.fields.map((_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <Group key={index} align="flex-end" gap="xs">
              {fieldPicker(`action.fields.${index}.field`, t('retention.form.anonymiseField'))}
              <TextInput
                label={t('retention.form.replacement')}
                placeholder={t('retention.form.replacementEmpty')}
                {...form.getInputProps(`action.fields.${index}.replacement`)}
              />
              <RemoveRowButton
                label={t('retention.form.removeRow')}
                onClick={() => form.removeListItem('action.fields', index)}
              />
            </Group>
          ))}
          <AddRowButton
            label={t('retention.form.addAnonymiseField')}
            onClick={() => form.insertListItem('action.fields', { field: '', replacement: '' })}
          />
        </>
      )}
      {action.kind === 'archive' && (
        <>
          <Select
            label={t('retention.form.archiveTarget')}
            withAsterisk
            searchable
            data={recordTypeOptions.filter((option) => option.value !== form.values.recordTypeId)}
            {...form.getInputProps('action.targetRecordTypeId')}
          />
          {action.fieldMapping.map((_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <Group key={index} align="flex-end" gap="xs">
              {fieldPicker(`action.fieldMapping.${index}.from`, t('retention.form.mappingFrom'))}
              <TextInput
                label={t('retention.form.mappingTo')}
                {...form.getInputProps(`action.fieldMapping.${index}.to`)}
              />
              <RemoveRowButton
                label={t('retention.form.removeRow')}
                onClick={() => form.removeListItem('action.fieldMapping', index)}
              />
            </Group>
          ))}
          <AddRowButton
            label={t('retention.form.addMapping')}
            onClick={() => form.insertListItem('action.fieldMapping', { from: '', to: '' })}
          />
        </>
      )}
    </Section>
  );
}
