import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { triageFactsJsonSchema, ZTriageFacts } from './contract.ts';
import { triageBreach } from './triage-rules.ts';

/**
 * docs/breach-triage-facts.schema.json is generated from `ZTriageFacts`. After changing the schema, regenerate it:
 * `UPDATE_TRIAGE_SCHEMA=1 npx vitest run --project unit src/modules/breaches/triage-facts-schema.test.ts`.
 */
const schemaFile = new URL('../../../docs/breach-triage-facts.schema.json', import.meta.url);
const generated = `${JSON.stringify(triageFactsJsonSchema(), null, 2)}\n`;

describe('docs/breach-triage-facts.schema.json', () => {
  if (process.env.UPDATE_TRIAGE_SCHEMA === '1') writeFileSync(schemaFile, generated);

  it('is the JSON Schema generated from ZTriageFacts (regenerate with UPDATE_TRIAGE_SCHEMA=1)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(generated);
  });
});

describe('docs/breach-triage.md', () => {
  const text = readFileSync(new URL('../../../docs/breach-triage.md', import.meta.url), 'utf8');
  const example = JSON.parse(text.match(/```json\n([\s\S]*?)```/)?.[1] ?? 'null');

  it('its example facts file is valid and gives the outcome the page states', () => {
    const result = triageBreach(ZTriageFacts.parse(example));
    expect([result.severity, result.notifyAuthority, result.notifySubjects]).toEqual(['high', true, true]);
  });
});
