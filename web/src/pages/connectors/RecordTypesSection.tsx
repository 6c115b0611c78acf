import { Button, Card, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  connectorKeys,
  connectorsApi,
  type TConnector,
  type TConnectorKindInfo,
  type TRecordType,
} from '../../api/connectors.ts';
import { applyProblem, inputPropsAt } from '../../app/forms.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { ModalForm } from '../register/shared/ModalForm.tsx';
import { Tag } from '../register/shared/Tag.tsx';
import { failureText } from './failures.ts';
import { SchemaFields, useFieldLabel } from './SchemaFields.tsx';
import { fieldsOfSchema, initialFieldValues, valuesToSend } from './schema-form.ts';
import { type DefinitionValues, useStructurePickers } from './structure-pickers.tsx';

/** The kinds of data ("soorten gegevens") a connector works on: a table, mailbox folders, files in a directory. */
export function RecordTypesSection({ connector }: { connector: TConnector }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canManage = useCan('privacy_officer');
  const [opened, { open, close }] = useDisclosure(false);
  const recordTypes = useQuery({
    queryKey: connectorKeys.recordTypes(org.slug, connector.id),
    queryFn: () => connectorsApi.recordTypes(org.slug, connector.id),
  });
  const items = recordTypes.data ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="record-types-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="record-types-title">
            {t('connectors.recordTypes.title')}
          </Title>
          {canManage && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
              {t('connectors.recordTypes.add')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('connectors.recordTypes.description')}
        </Text>
        {recordTypes.isSuccess && items.length === 0 && <Text size="sm">{t('connectors.recordTypes.empty')}</Text>}
        {items.length > 0 && (
          <Table verticalSpacing="xs" aria-label={t('connectors.recordTypes.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('connectors.fields.name')}</Table.Th>
                <Table.Th>{t('connectors.recordTypes.definition')}</Table.Th>
                <Table.Th>{t('connectors.recordTypes.lastCheck')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((recordType) => (
                <RecordTypeRow key={recordType.id} connector={connector} recordType={recordType} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {opened && <RecordTypeModal connector={connector} onClose={close} />}
    </Card>
  );
}

function SchemaCheck({ recordType }: { recordType: TRecordType }) {
  const { t } = useTranslation();
  const check = recordType.lastCheck;
  if (!check) return <Text size="sm">{t('connectors.check.never')}</Text>;
  return (
    <Stack gap={2}>
      <Tag color={check.isOk ? 'teal' : 'red'}>
        {t(check.isOk ? 'connectors.recordTypes.schemaOk' : 'connectors.recordTypes.schemaChanged')}
      </Tag>
      <Text size="xs" c="dimmed">
        {formatDateTime(check.at, currentLocale())}
      </Text>
      {check.code && (
        <Text size="sm" c="red">
          {failureText(t, check.code, check.detail)}
        </Text>
      )}
      {check.problems.length > 0 && (
        <List size="sm" c="red">
          {check.problems.map((problem) => (
            <List.Item key={`${problem.path}-${problem.name}`}>
              {t(`connectors.recordTypes.problems.${problem.code}`, { name: problem.name })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

const isIdentityColumn = (item: unknown): item is { column: string; kind: string } =>
  typeof item === 'object' && item !== null && 'column' in item && 'kind' in item;

const valueText = (t: (key: string) => string, value: unknown): string => {
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string') return value === '' ? t('connectors.recordTypes.rootDirectory') : value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ') || '—';
  if (Array.isArray(value) && value.every(isIdentityColumn))
    return value.map((item) => `${item.column} (${t(`connectors.identityKinds.${item.kind}`)})`).join(', ') || '—';
  return JSON.stringify(value);
};

/** A record type's definition as "Map: sollicitaties", one setting a line, named as the form names them. */
function DefinitionSummary({ definition }: { definition: Record<string, unknown> }) {
  const { t } = useTranslation();
  const labelOf = useFieldLabel();
  return (
    <Stack gap={0} maw={360}>
      {Object.entries(definition).map(([name, value]) => (
        <Text key={name} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {labelOf(name)}: {valueText(t, value)}
        </Text>
      ))}
    </Stack>
  );
}

function RecordTypeRow({ connector, recordType }: { connector: TConnector; recordType: TRecordType }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const canManage = useCan('privacy_officer');
  const refresh = () => queryClient.invalidateQueries({ queryKey: connectorKeys.all(org.slug) });
  const check = useMutation({
    mutationFn: () => connectorsApi.checkRecordType(org.slug, connector.id, recordType.id),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => connectorsApi.deleteRecordType(org.slug, connector.id, recordType.id),
    onSuccess: refresh,
  });
  return (
    <Table.Tr>
      <Table.Td fw={500}>{recordType.name}</Table.Td>
      <Table.Td>
        <DefinitionSummary definition={recordType.definition} />
      </Table.Td>
      <Table.Td>
        <SchemaCheck recordType={recordType} />
      </Table.Td>
      <Table.Td>
        {canManage && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" loading={check.isPending} onClick={() => check.mutate()}>
              {t('connectors.recordTypes.check')}
            </Button>
            <ConfirmButton
              question={t('connectors.recordTypes.deleteQuestion', { name: recordType.name })}
              confirmLabel={t('connectors.recordTypes.delete')}
              onConfirm={() => remove.mutateAsync()}
              aria-label={t('connectors.recordTypes.deleteNamed', { name: recordType.name })}
            >
              {t('connectors.recordTypes.delete')}
            </ConfirmButton>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** A new record type, its definition generated from the kind's schema with pickers from the live structure. */
function RecordTypeModal({ connector, onClose }: { connector: TConnector; onClose: () => void }) {
  const kinds = useQuery({ queryKey: connectorKeys.kinds, queryFn: connectorsApi.kinds, staleTime: Infinity });
  const kind = kinds.data?.find((candidate) => candidate.kind === connector.kind);
  return kind ? <RecordTypeForm connector={connector} kind={kind} onClose={onClose} /> : null;
}

function RecordTypeForm({
  connector,
  kind,
  onClose,
}: {
  connector: TConnector;
  kind: TConnectorKindInfo;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const structure = useQuery({
    queryKey: connectorKeys.structure(org.slug, connector.id),
    queryFn: () => connectorsApi.structure(org.slug, connector.id),
  });
  const fields = fieldsOfSchema(kind.recordTypeSchema);
  const form = useForm<DefinitionValues>({
    mode: 'controlled',
    initialValues: { name: '', definition: initialFieldValues(fields) },
  });
  const pickers = useStructurePickers(form, structure.data?.isOk ? structure.data.structure : undefined);
  const create = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (values: DefinitionValues) =>
      connectorsApi.createRecordType(org.slug, connector.id, {
        name: values.name,
        definition: valuesToSend(fields, values.definition),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: connectorKeys.all(org.slug) });
      onClose();
    },
    onError: (error) => setProblem(applyProblem(form, error)),
  });

  return (
    <ModalForm
      opened
      onClose={onClose}
      size="lg"
      title={t('connectors.recordTypes.add')}
      error={problem}
      isPending={create.isPending}
      submitLabel={t('connectors.recordTypes.create')}
      onSubmit={form.onSubmit((values) => {
        setProblem(null);
        create.mutate(values);
      })}
    >
      <TextInput
        label={t('connectors.fields.name')}
        description={t('connectors.recordTypes.nameHint')}
        withAsterisk
        {...form.getInputProps('name')}
      />
      {structure.data && !structure.data.isOk && (
        <Text size="sm" c="orange" role="status">
          {t('connectors.recordTypes.noStructure', {
            reason: failureText(t, structure.data.code, structure.data.detail),
          })}
        </Text>
      )}
      <SchemaFields fields={fields} inputProps={inputPropsAt(form, 'definition.')} pickers={pickers} />
    </ModalForm>
  );
}
