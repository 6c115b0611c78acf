import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { parseRetentionFile, refFromName, secretVariable } from './retention-file.ts';

const filesConnector = { ref: 'cvs', name: "CV's", kind: 'files', settings: { root: '/srv/cvs' } };
const filesRecordType = { ref: 'cvs.letters', connector: 'cvs', name: 'Brieven', definition: { directory: 'brieven' } };
const policy = {
  ref: 'applicants-4-weeks',
  name: 'Sollicitaties na 4 weken',
  recordType: 'cvs.letters',
  startEvent: { timestampField: 'mtime' },
  period: { kind: 'after', amount: 4, unit: 'weeks' },
};

const fileText = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 1,
    organisation: 'bakkerij-jansen',
    connectors: [filesConnector],
    recordTypes: [filesRecordType],
    policies: [policy],
    ...overrides,
  });

/** The field errors a file is refused with, as `path code`. */
function refusal(text: string): string[] {
  try {
    parseRetentionFile(text);
  } catch (error) {
    if (error instanceof AppError)
      return error.fieldErrors.map((fieldError) => `${fieldError.path} ${fieldError.code}`);
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('refFromName', () => {
  it('makes a lower-case ref of a name, unique among those taken', () => {
    expect(refFromName('Mailbox info@', new Set())).toBe('mailbox-info');
    expect(refFromName('Cliënten (CRM)', new Set())).toBe('clienten-crm');
    expect(refFromName('Klanten', new Set(['klanten', 'klanten-2']))).toBe('klanten-3');
    expect(refFromName('Klanten', new Set(), 'crm.')).toBe('crm.klanten');
    expect(refFromName('!!!', new Set())).toBe('entry');
    const long = 'Een heel lange naam '.repeat(10);
    const connectorRef = refFromName(long, new Set());
    const recordTypeRef = refFromName(long, new Set([`${connectorRef}.`]), `${connectorRef}.`);
    for (const ref of [connectorRef, recordTypeRef]) expect(ref).toMatch(/^[a-z0-9][a-z0-9._-]{0,79}$/);
  });
});

describe('secretVariable', () => {
  it('names the environment variable a named secret is read from', () => {
    expect(secretVariable('crm-db-password')).toBe('PRIVACYDESK_SECRET_CRM_DB_PASSWORD');
    expect(secretVariable('mail.password')).toBe('PRIVACYDESK_SECRET_MAIL_PASSWORD');
  });
});

describe('parseRetentionFile', () => {
  it("fills in the file's defaults and the connector kinds' defaults", () => {
    const file = parseRetentionFile(fileText());
    expect(file.recordTypes[0]?.definition).toEqual({ directory: 'brieven', pattern: '*', recursive: false });
    expect(file.policies[0]).toMatchObject({
      action: { kind: 'delete' },
      holds: [],
      schedule: { frequency: 'daily', time: '02:00' },
      marginPercent: 10,
      isPaused: false,
    });
  });

  it('leaves a named secret out of the settings it compares', () => {
    const crm = {
      ref: 'crm',
      name: 'CRM',
      kind: 'postgres',
      settings: { host: 'db', database: 'crm', user: 'pd' },
      secrets: { password: 'crm-db-password' },
    };
    const file = parseRetentionFile(fileText({ connectors: [filesConnector, crm] }));
    expect(file.connectors[1]?.settings).toEqual({
      connectTimeoutMs: 10_000,
      database: 'crm',
      host: 'db',
      port: 5432,
      sslMode: 'disable',
      user: 'pd',
    });
  });

  it('refuses a secret written into the settings, and a secret the kind lacks', () => {
    const crm = { ref: 'crm', name: 'CRM', kind: 'postgres', settings: { host: 'db', database: 'crm', user: 'pd' } };
    expect(
      refusal(fileText({ connectors: [filesConnector, { ...crm, settings: { ...crm.settings, password: 'x' } }] })),
    ).toEqual(['connectors.1.settings.password unknown_field']);
    expect(refusal(fileText({ connectors: [{ ...filesConnector, secrets: { token: 'files-token' } }] }))).toEqual([
      'connectors.0.secrets.token unknown_field',
    ]);
    expect(refusal(fileText({ connectors: [filesConnector, crm] }))).toContain(
      'connectors.1.settings.password required',
    );
  });

  it("checks definitions against the connector kind's schema, with the path of each problem", () => {
    const outside = { ...filesRecordType, definition: { directory: '../etc' } };
    expect(refusal(fileText({ recordTypes: [outside] }))).toEqual(['recordTypes.0.definition.directory invalid_value']);
  });

  it('refuses a period below the statutory minimum of its legal reference', () => {
    const short = {
      ...policy,
      legalReference: { presetId: 'fiscal-records' },
      period: { kind: 'after', amount: 1, unit: 'years' },
    };
    expect(refusal(fileText({ policies: [short] }))).toEqual(['policies.0.period retention_below_statutory_minimum']);
  });

  it('refuses references to refs the file does not have, unknown fields and text that is not JSON', () => {
    expect(refusal(fileText({ policies: [{ ...policy, recordType: 'elsewhere' }] }))).toEqual([
      'policies.0.recordType unknown_reference',
    ]);
    expect(refusal(fileText({ $schema: 'x' }))).toHaveLength(1);
    expect(refusal('{ nope')).toEqual([' invalid_format']);
  });
});
