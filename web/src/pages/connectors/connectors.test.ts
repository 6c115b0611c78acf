import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { connectorManifest } from '../../../../src/connectors/registry.ts';
import { ZConnectorFailureCode } from '../../../../src/modules/connectors/contract.ts';
import { listConnectorKinds } from '../../../../src/modules/connectors/service.ts';
import { FAILURE_CODES } from '../../api/connectors.ts';
import { failureText } from './failures.ts';
import { fieldsOfSchema, initialFieldValues, valuesToSend } from './schema-form.ts';

const i18nDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../i18n/connectors');
const catalog = (locale: 'nl' | 'en') => JSON.parse(readFileSync(path.join(i18nDir, `${locale}.json`), 'utf8'));
const kinds = listConnectorKinds().items;
const kindInfo = (kind: string) => {
  const found = kinds.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`no kind ${kind}`);
  return found;
};

describe('form fields generated from the kinds’ JSON Schemas', () => {
  it('maps strings, secrets, numbers and enums of the PostgreSQL settings', () => {
    const postgres = kindInfo('postgres');
    const fields = fieldsOfSchema(postgres.settingsSchema, postgres.secretFields);
    const byName = Object.fromEntries(fields.map((field) => [field.name, field]));
    expect(byName.host).toMatchObject({ kind: 'text', isRequired: true });
    expect(byName.password).toMatchObject({ kind: 'secret', isRequired: true });
    expect(byName.port).toMatchObject({ kind: 'number', isRequired: false, defaultValue: 5432, min: 1, max: 65535 });
    expect(byName.sslMode).toMatchObject({ kind: 'enum', options: ['disable', 'require', 'verify-full'] });
  });

  it('maps booleans, string lists and structured fields (a JSON text area) of the record types', () => {
    const files = fieldsOfSchema(kindInfo('files').recordTypeSchema);
    expect(files.map((field) => [field.name, field.kind])).toEqual([
      ['directory', 'text'],
      ['pattern', 'text'],
      ['recursive', 'boolean'],
    ]);
    const sql = Object.fromEntries(fieldsOfSchema(kindInfo('postgres').recordTypeSchema).map((f) => [f.name, f.kind]));
    expect(sql).toMatchObject({ timestampColumns: 'list', identityColumns: 'json', table: 'text' });
    const http = Object.fromEntries(fieldsOfSchema(kindInfo('http').recordTypeSchema).map((f) => [f.name, f.kind]));
    expect(http.list).toBe('json');
  });

  it('starts from the defaults and sends what the kind’s own schema accepts', () => {
    const postgres = kindInfo('postgres');
    const fields = fieldsOfSchema(postgres.settingsSchema, postgres.secretFields);
    const values = initialFieldValues(fields);
    expect(values).toMatchObject({ host: '', password: '', port: 5432, sslMode: 'disable' });
    const sent = valuesToSend(fields, {
      ...values,
      host: 'db.example',
      database: 'crm',
      user: 'pd',
      password: 's3cret',
    });
    expect(connectorManifest('postgres')?.configSchema.safeParse(sent).success).toBe(true);
  });

  it('never shows a stored secret, and leaves an empty one out so the stored one is kept', () => {
    const imap = kindInfo('imap');
    const fields = fieldsOfSchema(imap.settingsSchema, imap.secretFields);
    const values = initialFieldValues(fields, { host: 'mail.example', port: 993, security: 'tls', user: 'info' });
    expect(values.password).toBe('');
    expect(valuesToSend(fields, values)).not.toHaveProperty('password');
  });

  it('sends a record type definition with a boolean, a parsed JSON field, and empty optional fields left out', () => {
    const files = fieldsOfSchema(kindInfo('files').recordTypeSchema);
    const sent = valuesToSend(files, { directory: 'sollicitaties', pattern: '', recursive: false });
    expect(sent).toEqual({ directory: 'sollicitaties', recursive: false });
    expect(connectorManifest('files')?.recordTypeSchema.safeParse(sent).success).toBe(true);
    const sql = fieldsOfSchema(kindInfo('postgres').recordTypeSchema);
    const definition = valuesToSend(sql, {
      ...initialFieldValues(sql),
      table: 'clients',
      keyColumn: 'id',
      identityColumns: '[{"column":"email","kind":"email"}]',
      timestampColumns: ['ended_at'],
    });
    expect(definition.identityColumns).toEqual([{ column: 'email', kind: 'email' }]);
    expect(connectorManifest('postgres')?.recordTypeSchema.safeParse(definition).success).toBe(true);
  });

  it('sends JSON that does not parse as typed, for the server to name the field', () => {
    const sql = fieldsOfSchema(kindInfo('postgres').recordTypeSchema);
    expect(valuesToSend(sql, { table: 't', keyColumn: 'id', identityColumns: '[{' }).identityColumns).toBe('[{');
  });
});

describe('failure messages', () => {
  it('lists exactly the contract’s failure codes', () => {
    expect([...FAILURE_CODES].sort()).toEqual([...ZConnectorFailureCode.options].sort());
  });

  it('has a message for every failure code and a name for every kind in Dutch and English', () => {
    for (const locale of ['nl', 'en'] as const) {
      const texts = catalog(locale);
      expect(ZConnectorFailureCode.options.filter((code) => !texts.failures[code])).toEqual([]);
      expect(kinds.map((kind) => kind.kind).filter((kind) => !texts.kinds[kind])).toEqual([]);
    }
  });

  it('says the failure in words with the store’s detail after it, and falls back for an unknown code', async () => {
    const t = await i18next.createInstance().init({
      lng: 'nl',
      interpolation: { escapeValue: false },
      resources: { nl: { translation: { connectors: catalog('nl') } } },
    });
    expect(failureText(t, 'auth_failed', 'password authentication failed')).toBe(
      'Inloggen lukte niet. Controleer de gebruikersnaam en het wachtwoord. (password authentication failed)',
    );
    expect(failureText(t, 'timeout')).toBe('Het systeem antwoordde niet op tijd. Probeer het later opnieuw.');
    expect(failureText(t, 'something_new')).toBe('Er ging iets mis bij het systeem.');
  });
});
