/**
 * Form fields generated from a connector kind's JSON Schema (settings or record type, as `z.toJSONSchema` writes
 * them): strings, numbers, booleans and enums get their own input, lists of strings a tag input, and anything
 * more structured (nested objects, unions, lists of objects) a JSON text area, so every kind can be configured.
 */

export type SchemaFieldKind = 'text' | 'secret' | 'number' | 'boolean' | 'enum' | 'list' | 'json';

export interface SchemaField {
  name: string;
  kind: SchemaFieldKind;
  isRequired: boolean;
  defaultValue: unknown;
  options: string[];
  min: number | undefined;
  max: number | undefined;
}

export type FieldValue = string | number | boolean | string[];
export type FieldValues = Record<string, FieldValue>;

type JsonSchema = Record<string, unknown>;

function kindOf(property: JsonSchema, isSecret: boolean): SchemaFieldKind {
  if (Array.isArray(property.enum) && property.enum.every((option) => typeof option === 'string')) return 'enum';
  if (property.type === 'string') return isSecret ? 'secret' : 'text';
  if (property.type === 'integer' || property.type === 'number') return 'number';
  if (property.type === 'boolean') return 'boolean';
  const items = property.items as JsonSchema | undefined;
  if (property.type === 'array' && items?.type === 'string') return 'list';
  return 'json';
}

/** The fields of an object schema, in the schema's order; `secretFields` become password inputs. */
export function fieldsOfSchema(schema: JsonSchema, secretFields: readonly string[] = []): SchemaField[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    kind: kindOf(property, secretFields.includes(name)),
    isRequired: required.has(name),
    defaultValue: property.default,
    options: Array.isArray(property.enum) ? (property.enum as string[]) : [],
    min: typeof property.minimum === 'number' ? property.minimum : undefined,
    max: typeof property.maximum === 'number' ? property.maximum : undefined,
  }));
}

function initialValue(field: SchemaField, current: unknown): FieldValue {
  const value = current ?? field.defaultValue;
  switch (field.kind) {
    case 'secret':
      return '';
    case 'number':
      return typeof value === 'number' ? value : '';
    case 'boolean':
      return value === true;
    case 'list':
      return Array.isArray(value) ? value.map(String) : [];
    case 'json':
      return value === undefined ? '' : JSON.stringify(value, null, 2);
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** What the form starts with: the stored values (secrets always empty), else the schema's defaults. */
export function initialFieldValues(fields: readonly SchemaField[], current: Record<string, unknown> = {}): FieldValues {
  return Object.fromEntries(fields.map((field) => [field.name, initialValue(field, current[field.name])]));
}

/** A JSON text that does not parse is sent as typed: the server then names the field that is wrong. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * What the form sends: numbers as numbers, JSON parsed, and empty optional fields left out so the server applies
 * its defaults. An empty secret is left out too: on a new connector the server then says it is required, on an
 * existing one the stored secret is kept.
 */
export function valuesToSend(fields: readonly SchemaField[], values: FieldValues): Record<string, unknown> {
  const sent: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    const isEmpty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
    if (field.kind === 'boolean') sent[field.name] = value === true;
    else if (isEmpty && (field.kind === 'secret' || !field.isRequired)) continue;
    else if (field.kind === 'json' && typeof value === 'string') sent[field.name] = parseJson(value);
    else sent[field.name] = isEmpty && field.kind === 'list' ? [] : value;
  }
  return sent;
}
