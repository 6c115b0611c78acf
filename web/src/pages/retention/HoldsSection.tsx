import {
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retentionApi, retentionKeys, type THold, type THoldInput, type TPolicy } from '../../api/retention.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { formatDay } from '../register/shared/dates.ts';
import { DateField } from '../register/shared/fields.tsx';
import { ModalForm } from '../register/shared/ModalForm.tsx';
import { type ConditionValues, conditionToFilter, FILTER_OPERATORS } from './policy-form.ts';
import { filterText } from './policy-text.ts';

function holdSubject(t: (key: string, params?: Record<string, unknown>) => string, hold: THold): string {
  if (hold.kind === 'condition')
    return hold.filters.map((filter) => filterText(t, filter)).join(t('retention.startEvent.and'));
  if (hold.kind === 'records') return t('retention.holds.recordCount', { count: hold.keys.length });
  const { emails, phones, names } = hold.identity;
  return [...emails, ...phones, ...names].join(', ');
}

/** Reasons not to act: conditions of the policy, and legal holds on records or a person, with reason and expiry. */
export function HoldsSection({ policy }: { policy: TPolicy }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const canDecide = useCan('privacy_officer');
  const [opened, { open, close }] = useDisclosure(false);
  const lift = useMutation({
    mutationFn: (holdId: string) => retentionApi.liftHold(org.slug, policy.id, holdId),
    onSuccess: (updated) => {
      queryClient.setQueryData(retentionKeys.policy(org.slug, policy.id), updated);
      return queryClient.invalidateQueries({ queryKey: retentionKeys.policies(org.slug) });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="holds-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="holds-title">
            {t('retention.holds.title')}
          </Title>
          {canDecide && (
            <Button variant="light" leftSection={<IconLock size={16} />} onClick={open}>
              {t('retention.holds.add')}
            </Button>
          )}
        </Group>
        {policy.holds.length === 0 && <Text size="sm">{t('retention.holds.none')}</Text>}
        {policy.holds.length > 0 && (
          <Table verticalSpacing="xs" aria-label={t('retention.holds.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retention.holds.kind')}</Table.Th>
                <Table.Th>{t('retention.holds.subject')}</Table.Th>
                <Table.Th>{t('retention.holds.reason')}</Table.Th>
                <Table.Th>{t('retention.holds.expiresOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policy.holds.map((hold) => (
                <Table.Tr key={hold.id}>
                  <Table.Td>{t(`retention.holds.kinds.${hold.kind}`)}</Table.Td>
                  <Table.Td>{holdSubject(t, hold)}</Table.Td>
                  <Table.Td>{hold.reason}</Table.Td>
                  <Table.Td>
                    {hold.kind === 'condition' || !hold.expiresOn
                      ? t('retention.holds.untilLifted')
                      : formatDay(hold.expiresOn, currentLocale())}
                  </Table.Td>
                  <Table.Td>
                    {canDecide && (
                      <ConfirmButton
                        question={t('retention.holds.liftQuestion', { reason: hold.reason })}
                        confirmLabel={t('retention.holds.lift')}
                        onConfirm={() => lift.mutateAsync(hold.id)}
                      >
                        {t('retention.holds.lift')}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {opened && <AddHoldModal policy={policy} onClose={close} />}
    </Card>
  );
}

interface HoldValues {
  kind: 'condition' | 'records' | 'identity';
  condition: ConditionValues;
  keys: string;
  identity: { emails: string[]; phones: string[]; names: string[] };
  reason: string;
  expiresOn: string;
}

/** A legal hold (records by key, or a person); condition holds belong to the policy form. */
function AddHoldModal({ policy, onClose }: { policy: TPolicy; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<HoldValues>({
    mode: 'controlled',
    initialValues: {
      kind: 'identity',
      condition: { field: '', operator: 'eq', value: '' },
      keys: '',
      identity: { emails: [], phones: [], names: [] },
      reason: '',
      expiresOn: '',
    },
  });
  const toInput = (values: HoldValues): THoldInput => {
    if (values.kind === 'condition')
      return { kind: 'condition', filters: [conditionToFilter(values.condition)], reason: values.reason };
    const common = { reason: values.reason, expiresOn: values.expiresOn || null };
    if (values.kind === 'records')
      return {
        kind: 'records',
        keys: values.keys
          .split('\n')
          .map((key) => key.trim())
          .filter(Boolean),
        ...common,
      };
    return { kind: 'identity', identity: values.identity, ...common };
  };
  const add = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (values: HoldValues) => retentionApi.addHold(org.slug, policy.id, toInput(values)),
    onSuccess: async (updated) => {
      queryClient.setQueryData(retentionKeys.policy(org.slug, policy.id), updated);
      await queryClient.invalidateQueries({ queryKey: retentionKeys.policies(org.slug) });
      onClose();
    },
    onError: (error) => setProblem(applyProblem(form, error)),
  });
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('retention.holds.add')}
      error={problem}
      isPending={add.isPending}
      submitLabel={t('retention.holds.create')}
      onSubmit={form.onSubmit((values) => {
        setProblem(null);
        add.mutate(values);
      })}
    >
      <SegmentedControl
        data={[
          { value: 'identity', label: t('retention.holds.kinds.identity') },
          { value: 'records', label: t('retention.holds.kinds.records') },
          { value: 'condition', label: t('retention.holds.kinds.condition') },
        ]}
        {...form.getInputProps('kind')}
      />
      {form.values.kind === 'condition' && (
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('retention.form.conditionField')}
            withAsterisk
            {...form.getInputProps('condition.field')}
          />
          <Select
            label={t('retention.form.conditionOperator')}
            data={FILTER_OPERATORS.map((operator) => ({
              value: operator,
              label: t(`retention.operators.${operator}`),
            }))}
            {...form.getInputProps('condition.operator')}
          />
          <TextInput label={t('retention.form.conditionValue')} {...form.getInputProps('condition.value')} />
        </Group>
      )}
      {form.values.kind === 'records' && (
        <Textarea
          label={t('retention.holds.keys')}
          description={t('retention.holds.keysHint')}
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('keys')}
        />
      )}
      {form.values.kind === 'identity' && (
        <>
          <TagsInput label={t('retention.holds.emails')} {...form.getInputProps('identity.emails')} />
          <TagsInput label={t('retention.holds.phones')} {...form.getInputProps('identity.phones')} />
          <TagsInput label={t('retention.holds.names')} {...form.getInputProps('identity.names')} />
        </>
      )}
      <TextInput label={t('retention.holds.reason')} withAsterisk {...form.getInputProps('reason')} />
      {form.values.kind !== 'condition' && (
        <DateField
          label={t('retention.holds.expiresOn')}
          description={t('retention.holds.expiresHint')}
          {...form.getInputProps('expiresOn')}
        />
      )}
    </ModalForm>
  );
}
