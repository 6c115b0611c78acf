import { Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TIntrospectionResult } from '../../api/connectors.ts';
import { useFieldLabel } from './SchemaFields.tsx';
import type { FieldValues } from './schema-form.ts';

type Structure = Extract<TIntrospectionResult, { isOk: true }>['structure'];
type Table = Extract<Structure, { kind: 'tables' }>['tables'][number];
export interface DefinitionValues {
  name: string;
  definition: FieldValues;
}
type Form = UseFormReturnType<DefinitionValues>;

const IDENTITY_KINDS = ['email', 'phone', 'name', 'customer_number', 'iban', 'bsn', 'other'] as const;
const TIMESTAMP_TYPES = new Set(['timestamptz', 'timestamp', 'date']);
/** Mantine's Select cannot hold an empty value; the root directory ('') is this in the picker. */
const ROOT = '/';

const tableName = (table: Table) =>
  table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;

function identityRows(text: unknown): { column: string; kind: string }[] {
  try {
    const rows = JSON.parse(String(text || '[]'));
    return Array.isArray(rows) ? rows : [];
  } catch {
    return [];
  }
}

/**
 * Inputs that choose from the store's live structure instead of being typed: a table and its columns, mailbox
 * folders, a directory. Keyed by the record-type field they fill; the other fields stay generated.
 */
export function useStructurePickers(form: Form, structure: Structure | undefined): Record<string, ReactNode> {
  const { t } = useTranslation();
  const labelOf = useFieldLabel();
  const props = (field: string) => form.getInputProps(`definition.${field}`);
  const label = (field: string) => labelOf(field);
  if (!structure) return {};
  if (structure.kind === 'folders') {
    const folders = structure.folders.map((folder) => ({
      value: folder.path,
      label: t('connectors.recordTypes.folderOption', { path: folder.path, count: folder.messages }),
    }));
    return {
      folders: <MultiSelect label={label('folders')} withAsterisk searchable data={folders} {...props('folders')} />,
      archiveFolder: (
        <Select label={label('archiveFolder')} clearable searchable data={folders} {...props('archiveFolder')} />
      ),
    };
  }
  if (structure.kind === 'directories') {
    const value = form.values.definition.directory;
    return {
      directory: (
        <Select
          label={label('directory')}
          withAsterisk
          searchable
          data={structure.directories.map((directory) => ({
            value: directory || ROOT,
            label: directory || t('connectors.recordTypes.rootDirectory'),
          }))}
          error={form.errors['definition.directory']}
          value={value === '' ? ROOT : String(value ?? '') || null}
          onChange={(chosen) => form.setFieldValue('definition.directory', chosen === ROOT ? '' : (chosen ?? ''))}
        />
      ),
    };
  }
  if (structure.kind !== 'tables') return {};
  const { definition } = form.values;
  const table = structure.tables.find(
    (candidate) =>
      candidate.name === definition.table &&
      (!candidate.schema || !('schema' in definition) || candidate.schema === (definition.schema || 'public')),
  );
  const columns = (table?.fields ?? []).map((field) => ({
    value: field.name,
    label: `${field.name} (${field.storeType})`,
  }));
  const timestampColumns = columns.filter((_, index) => TIMESTAMP_TYPES.has(table?.fields[index]?.type ?? ''));
  const identity = identityRows(form.values.definition.identityColumns);
  const setIdentity = (rows: { column: string; kind: string }[]) =>
    form.setFieldValue('definition.identityColumns', JSON.stringify(rows));
  return {
    table: (
      <Select
        label={label('table')}
        withAsterisk
        searchable
        data={structure.tables.map(tableName)}
        error={form.errors['definition.table']}
        value={table ? tableName(table) : null}
        onChange={(chosen) => {
          const picked = structure.tables.find((candidate) => tableName(candidate) === chosen);
          form.setFieldValue('definition.table', picked?.name ?? '');
          if ('schema' in form.values.definition && picked?.schema)
            form.setFieldValue('definition.schema', picked.schema);
          form.setFieldValue('definition.keyColumn', picked?.primaryKey[0] ?? '');
        }}
      />
    ),
    keyColumn: <Select label={label('keyColumn')} withAsterisk data={columns} {...props('keyColumn')} />,
    timestampColumns: (
      <MultiSelect label={label('timestampColumns')} data={timestampColumns} {...props('timestampColumns')} />
    ),
    anonymisableColumns: (
      <MultiSelect label={label('anonymisableColumns')} data={columns} {...props('anonymisableColumns')} />
    ),
    identityColumns: (
      <Stack gap={4}>
        <MultiSelect
          label={label('identityColumns')}
          data={columns}
          error={form.errors['definition.identityColumns']}
          value={identity.map((row) => row.column)}
          onChange={(chosen) =>
            setIdentity(
              chosen.map((column) => identity.find((row) => row.column === column) ?? { column, kind: 'other' }),
            )
          }
        />
        {identity.map((row) => (
          <Group key={row.column} gap="xs">
            <Text size="sm" w={160}>
              {row.column}
            </Text>
            <Select
              aria-label={t('connectors.recordTypes.identityKindOf', { column: row.column })}
              size="xs"
              data={IDENTITY_KINDS.map((kind) => ({ value: kind, label: t(`connectors.identityKinds.${kind}`) }))}
              value={row.kind}
              onChange={(kind) =>
                setIdentity(identity.map((other) => (other === row ? { ...row, kind: kind ?? 'other' } : other)))
              }
            />
          </Group>
        ))}
      </Stack>
    ),
  };
}
