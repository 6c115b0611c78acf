/**
 * CSV as spreadsheets write it (RFC 4180): fields in double quotes may hold the separator, doubled quotes and line
 * breaks. The separator is `;` or `,`, detected from the header line; a UTF-8 byte-order mark is dropped.
 */

export type CsvSeparator = ';' | ',';

export const UTF8_BOM = '\uFEFF';

/** The header line's separator: the one that occurs most often outside quotes (`;` on a tie, as Dutch Excel writes). */
export function detectSeparator(text: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) break;
    else if (!isQuoted && char === ';') semicolons++;
    else if (!isQuoted && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

export interface CsvParseResult {
  records: string[][];
  /** Set when a quoted field was still open at the end of the text. */
  unterminatedQuoteAtRecord: number | null;
}

/** Parses CSV text into records of fields. Record n (0-based) is spreadsheet row n + 1. */
export function parseCsv(input: string, separator: CsvSeparator = detectSeparator(stripBom(input))): CsvParseResult {
  const text = stripBom(input);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let isQuoted = false;
  let index = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') isQuoted = false;
      else field += char;
      index++;
      continue;
    }
    if (char === '"' && field === '') isQuoted = true;
    else if (char === separator) endField();
    else if (char === '\r' && text[index + 1] === '\n') {
      endRecord();
      index++;
    } else if (char === '\n' || char === '\r') endRecord();
    else field += char;
    index++;
  }
  const isOpen = isQuoted;
  if (field !== '' || record.length > 0 || isOpen) endRecord();
  return { records, unterminatedQuoteAtRecord: isOpen ? records.length - 1 : null };
}

export function stripBom(text: string): string {
  return text.startsWith(UTF8_BOM) ? text.slice(1) : text;
}

/** Text that starts like a formula, or like an apostrophe-guarded one (so a real leading apostrophe survives). */
const GUARDED_START = /^'*[=+\-@\t\r]/;

/**
 * A leading =, +, -, @, tab or CR makes a spreadsheet evaluate a CSV cell as a formula (CSV injection, OWASP):
 * every such cell is written with a leading apostrophe — numbers too, since `-2+3+cmd|' /C calc'!A0` starts like
 * one — and `restoreFormulaText` removes it again on import.
 */
export function neutraliseFormula(value: string): string {
  return GUARDED_START.test(value) ? `'${value}` : value;
}

export function restoreFormulaText(value: string): string {
  return value.startsWith("'") && GUARDED_START.test(value.slice(1)) ? value.slice(1) : value;
}

function quoteField(raw: string, separator: CsvSeparator): string {
  const value = neutraliseFormula(raw);
  const needsQuotes = value.includes(separator) || /["\r\n]/.test(value);
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes records as CSV with CRLF line ends, starting with a byte-order mark so Excel reads UTF-8. */
export function writeCsv(records: readonly (readonly string[])[], separator: CsvSeparator): string {
  const lines = records.map((record) => record.map((value) => quoteField(value, separator)).join(separator));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
