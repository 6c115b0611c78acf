import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { retentionFileJsonSchema, ZRetentionFile } from './file-contract.ts';
import { describeCriteria, planRetentionChanges } from './rules.ts';

/**
 * docs/retention-as-code.schema.json is generated from `ZRetentionFile`. After changing the schema, regenerate it:
 * `UPDATE_RETENTION_SCHEMA=1 npx vitest run --project unit src/modules/retention/retention-file-schema.test.ts`.
 */
const schemaFile = new URL('../../../docs/retention-as-code.schema.json', import.meta.url);
const generated = `${JSON.stringify(retentionFileJsonSchema(), null, 2)}\n`;

describe('docs/retention-as-code.schema.json', () => {
  if (process.env.UPDATE_RETENTION_SCHEMA === '1') writeFileSync(schemaFile, generated);

  it('is the JSON Schema generated from ZRetentionFile (regenerate with UPDATE_RETENTION_SCHEMA=1)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(generated);
  });

  it('describes version 1 with its three lists', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.version.const).toBe(1);
    expect(schema.required).toEqual(['version', 'organisation']);
    expect(Object.keys(schema.properties)).toEqual([
      'version',
      'organisation',
      'connectors',
      'recordTypes',
      'policies',
    ]);
  });
});

describe('docs/retention-as-code.md', () => {
  const text = readFileSync(new URL('../../../docs/retention-as-code.md', import.meta.url), 'utf8');
  const example = JSON.parse(text.match(/```json\n([\s\S]*?)```/)?.[1] ?? 'null');

  it('its example is a valid file', () => {
    const result = ZRetentionFile.safeParse(example);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('its example applied to itself plans nothing', () => {
    const file = ZRetentionFile.parse(example);
    expect(planRetentionChanges(file, file).hasChanges).toBe(false);
  });

  it('quotes the plain-language criteria the rules write for its mail policy', () => {
    const policy = ZRetentionFile.parse(example).policies[0];
    if (!policy || policy.action.kind === 'archive') throw new Error('the example starts with the mail policy');
    const holds = policy.holds.map((hold, index) => ({ ...hold, id: String(index) }));
    const sentence = describeCriteria({ ...policy, action: policy.action, holds }, 'nl', {
      recordType: 'E-mails in INBOX en Verzonden',
    });
    expect(text.replace(/\s+/g, ' ')).toContain(sentence);
  });
});
