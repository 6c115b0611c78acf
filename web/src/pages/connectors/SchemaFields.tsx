import { Checkbox, NumberInput, PasswordInput, Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputPropsAt } from '../../app/forms.ts';
import type { SchemaField } from './schema-form.ts';

/** The label of a settings or record-type field: our text for the known ones, the schema's name otherwise. */
export function useFieldLabel(): (name: string) => string {
  const { t } = useTranslation();
  return (name) => t(`connectors.fields.${name}`, { defaultValue: name });
}

/**
 * The inputs of fields generated from a JSON Schema. `pickers` replaces the input of a field by name (a table
 * chosen from the live structure instead of typed); `storedSecrets` names the secrets already stored.
 */
export function SchemaFields({
  fields,
  inputProps,
  storedSecrets = [],
  pickers = {},
}: {
  fields: readonly SchemaField[];
  inputProps: InputPropsAt;
  storedSecrets?: readonly string[];
  pickers?: Record<string, ReactNode>;
}) {
  const { t } = useTranslation();
  const labelOf = useFieldLabel();
  return fields.map((field) => {
    if (pickers[field.name] !== undefined) return <div key={field.name}>{pickers[field.name]}</div>;
    const common = { label: labelOf(field.name), withAsterisk: field.isRequired };
    switch (field.kind) {
      case 'secret': {
        const isStored = storedSecrets.includes(field.name);
        return (
          <PasswordInput
            key={field.name}
            {...common}
            withAsterisk={field.isRequired && !isStored}
            autoComplete="new-password"
            placeholder={isStored ? t('connectors.secretStored') : undefined}
            description={isStored ? t('connectors.secretKeep') : undefined}
            {...inputProps(field.name)}
          />
        );
      }
      case 'number':
        return <NumberInput key={field.name} {...common} min={field.min} max={field.max} {...inputProps(field.name)} />;
      case 'boolean':
        return <Checkbox key={field.name} {...common} {...inputProps(field.name, { type: 'checkbox' })} />;
      case 'enum':
        return (
          <Select
            key={field.name}
            {...common}
            data={field.options.map((value) => ({
              value,
              label: t(`connectors.options.${value}`, { defaultValue: value }),
            }))}
            {...inputProps(field.name)}
          />
        );
      case 'list':
        return (
          <TagsInput key={field.name} {...common} description={t('connectors.listHint')} {...inputProps(field.name)} />
        );
      case 'json':
        return (
          <Textarea
            key={field.name}
            {...common}
            description={t('connectors.jsonHint')}
            autosize
            minRows={3}
            styles={{ input: { fontFamily: 'monospace' } }}
            {...inputProps(field.name)}
          />
        );
      default:
        return <TextInput key={field.name} {...common} {...inputProps(field.name)} />;
    }
  });
}
