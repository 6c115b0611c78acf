/**
 * How register values are written into one spreadsheet cell and read back. Pure; shared by export and import.
 *
 * - Lists (categories, systems, purposes): items separated by `;` (a line break works too on import).
 * - Structured items (a location, a certification, a transfer): fields separated by `|`, in a fixed order.
 * - A `;`, `|` or `\` inside a value is escaped with a backslash, so every text survives a round trip.
 * - Yes/no: `ja`/`nee` or `yes`/`no` (also true/false, 1/0); empty means "not known" where that is allowed.
 * - Dates: YYYY-MM-DD.
 */

export const LIST_SEPARATOR = ';';
export const FIELD_SEPARATOR = '|';

const escapeValue = (value: string) => value.replace(/[\\;|]/g, (char) => `\\${char}`);

/** Splits on any of `separators` that is not escaped, and unescapes the parts. */
function splitEscaped(text: string, separators: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '\\' && index + 1 < text.length) {
      current += text[index + 1];
      index++;
    } else if (separators.includes(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

export function writeList(items: readonly string[]): string {
  return items.map(escapeValue).join(`${LIST_SEPARATOR} `);
}

/** The items of a list cell, trimmed, empty ones dropped. */
export function readList(cell: string): string[] {
  return splitEscaped(cell, `${LIST_SEPARATOR}\n\r`)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Structured items: each a row of fields. Trailing empty fields may be left out. */
export function writeItems(items: readonly (readonly string[])[]): string {
  return items
    .map((fields) => {
      const trimmed = [...fields];
      while (trimmed.length > 1 && trimmed[trimmed.length - 1] === '') trimmed.pop();
      return trimmed.map(escapeValue).join(` ${FIELD_SEPARATOR} `);
    })
    .join(`${LIST_SEPARATOR} `);
}

/** Reads structured items back: per item its fields, trimmed. Items are split first, then their fields. */
export function readItems(cell: string): string[][] {
  const items: string[][] = [];
  for (const rawItem of splitKeepingEscapes(cell, `${LIST_SEPARATOR}\n\r`)) {
    if (rawItem.trim() === '') continue;
    items.push(splitEscaped(rawItem, FIELD_SEPARATOR).map((field) => field.trim()));
  }
  return items;
}

/** Like splitEscaped, but leaves the escapes in the parts (so the field split can still see an escaped `|`). */
function splitKeepingEscapes(text: string, separators: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '\\' && index + 1 < text.length) {
      current += char + text[index + 1];
      index++;
    } else if (separators.includes(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

const YES = new Set(['ja', 'yes', 'true', 'waar', 'j', 'y', '1', 'x']);
const NO = new Set(['nee', 'no', 'false', 'onwaar', 'n', '0']);

export type BooleanCell = { value: boolean | null } | { error: 'invalid_boolean' };

/** Reads a yes/no cell: empty is null ("not known"); anything unrecognised is an error. */
export function readBoolean(cell: string): BooleanCell {
  const text = cell.trim().toLowerCase();
  if (text === '') return { value: null };
  if (YES.has(text)) return { value: true };
  if (NO.has(text)) return { value: false };
  return { error: 'invalid_boolean' };
}

export function writeBoolean(value: boolean | null, words: { yes: string; no: string }): string {
  if (value === null) return '';
  return value ? words.yes : words.no;
}

export type NumberCell = { value: number | null } | { error: 'invalid_number' };

export function readInteger(cell: string): NumberCell {
  const text = cell.trim();
  if (text === '') return { value: null };
  return /^-?\d+$/.test(text) ? { value: Number(text) } : { error: 'invalid_number' };
}

/** Normalises a name for comparison: case and surrounding or repeated spaces do not make two names differ. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}
