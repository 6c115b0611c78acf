import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  connectorKeys,
  connectorsApi,
  type TConnector,
  type TConnectorKindInfo,
  type TCreateConnectorInput,
} from '../../api/connectors.ts';
import { applyProblem, inputPropsAt } from '../../app/forms.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { UnsavedChangesPrompt } from '../../components/UnsavedChangesPrompt.tsx';
import { useSystemOptions } from '../register/shared/options.ts';
import { SchemaFields } from './SchemaFields.tsx';
import { type FieldValues, fieldsOfSchema, initialFieldValues, valuesToSend } from './schema-form.ts';

interface Values {
  name: string;
  kind: string;
  systemId: string | null;
  settings: FieldValues;
}

const fieldsOfKind = (kind: TConnectorKindInfo | undefined) =>
  kind ? fieldsOfSchema(kind.settingsSchema, kind.secretFields) : [];

/**
 * A connector's name, kind, register system and settings, generated from the kind's settings schema. A new
 * connector opens its own page once saved, where its connection can be tested.
 */
export function ConnectorForm({ kinds, connector }: { kinds: TConnectorKindInfo[]; connector?: TConnector }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const systems = useSystemOptions();
  const [problem, setProblem] = useState<string | null>(null);
  const initialKind = kinds.find((kind) => kind.kind === connector?.kind);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: connector?.name ?? '',
      kind: connector?.kind ?? '',
      systemId: connector?.system?.id ?? null,
      settings: initialFieldValues(fieldsOfKind(initialKind), connector?.settings),
    },
  });
  const kind = kinds.find((candidate) => candidate.kind === form.values.kind);
  const fields = fieldsOfKind(kind);
  const storedSecrets = Object.entries(connector?.secrets ?? {}).flatMap(([field, isSet]) => (isSet ? [field] : []));

  const save = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (values: Values) => {
      // The server checks each setting against the kind's schema and names the one that is wrong.
      const settings = valuesToSend(fields, values.settings) as TCreateConnectorInput['settings'];
      if (connector)
        return connectorsApi.update(org.slug, connector.id, { name: values.name, systemId: values.systemId, settings });
      return connectorsApi.create(org.slug, {
        name: values.name,
        kind: values.kind as TConnector['kind'],
        systemId: values.systemId,
        settings,
      });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: connectorKeys.all(org.slug) });
      form.resetDirty();
      if (!connector) navigate(`/o/${org.slug}/connectors/${saved.id}`, { replace: true });
    },
    onError: (error) => setProblem(applyProblem(form, error)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setProblem(null);
        save.mutate(values);
      })}
    >
      <Stack maw={640}>
        <FormAlert message={problem} />
        <TextInput label={t('connectors.fields.name')} withAsterisk {...form.getInputProps('name')} />
        <Select
          label={t('connectors.fields.kind')}
          withAsterisk
          disabled={Boolean(connector)}
          data={kinds.map((option) => ({ value: option.kind, label: t(`connectors.kinds.${option.kind}`) }))}
          {...form.getInputProps('kind')}
          onChange={(value) => {
            form.setFieldValue('kind', value ?? '');
            const chosen = kinds.find((option) => option.kind === value);
            form.setFieldValue('settings', initialFieldValues(fieldsOfKind(chosen)));
          }}
        />
        <Select
          label={t('connectors.fields.system')}
          description={t('connectors.systemHint')}
          clearable
          searchable
          data={systems}
          {...form.getInputProps('systemId')}
        />
        {kind && (
          <SchemaFields fields={fields} inputProps={inputPropsAt(form, 'settings.')} storedSecrets={storedSecrets} />
        )}
        <UnsavedChangesPrompt isDirty={form.isDirty} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t(connector ? 'common.save' : 'connectors.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
