import type { Locale } from '../../../platform/i18n/index.ts';
import { readBoolean, readInteger, readItems, readList } from '../formats/cells.ts';
import { ENUM_LABELS, type EnumName, enumCode, type Text } from '../labels/enums.ts';

/** One problem in the file: where (as a spreadsheet shows it) and what, as a stable code with parameters. */
export interface RowError {
  /** 1-based, the header being row 1. */
  row: number;
  /** The column's header as the file has it; null for a problem with the row or the file as a whole. */
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
  /** Message key when it differs from the code's (e.g. a duplicate within the file or in the register). */
  messageKey?: string;
}

/**
 * Reads one row's cells into the values a contract expects, column by column. An empty cell becomes "absent"
 * (so the contract's default or its `required` error applies) or null where null means "not known". Cells it cannot
 * read (an unknown option, "perhaps" for yes/no) are recorded as errors and left out of the values.
 */
export class RowReader {
  readonly errors: RowError[] = [];

  constructor(
    readonly row: number,
    private readonly cells: ReadonlyMap<string, string>,
    private readonly headers: ReadonlyMap<string, string>,
    private readonly locale: Locale,
  ) {}

  header(columnId: string): string {
    return this.headers.get(columnId) ?? columnId;
  }

  error(columnId: string | null, code: string, params?: RowError['params'], messageKey?: string): void {
    this.errors.push({
      row: this.row,
      column: columnId === null ? null : this.header(columnId),
      code,
      ...(params ? { params } : {}),
      ...(messageKey ? { messageKey } : {}),
    });
  }

  /** The trimmed cell; undefined when the file has no such column. */
  raw(columnId: string): string | undefined {
    return this.cells.get(columnId)?.trim();
  }

  /** Text; an empty cell counts as absent. */
  text(columnId: string): string | undefined {
    const cell = this.raw(columnId);
    return cell === '' ? undefined : cell;
  }

  /** Text where an empty cell means null ("none"). */
  nullableText(columnId: string): string | null | undefined {
    const cell = this.raw(columnId);
    return cell === '' ? null : cell;
  }

  /** A code of a code list, given as the code or its label in either language. */
  option(columnId: string, list: EnumName): string | undefined {
    const cell = this.text(columnId);
    return cell === undefined ? undefined : this.optionOf(columnId, list, cell);
  }

  nullableOption(columnId: string, list: EnumName): string | null | undefined {
    const cell = this.raw(columnId);
    if (cell === undefined) return undefined;
    return cell === '' ? null : this.optionOf(columnId, list, cell);
  }

  /** Reads an option from a cell's text; `item` numbers the structured item it came from (counted from 1). */
  optionOf(columnId: string, list: EnumName, cell: string, item?: number): string | undefined {
    const code = enumCode(list, cell);
    if (code !== undefined) return code;
    const options = Object.values(ENUM_LABELS[list] as Record<string, Text>).map((label) => label[this.locale]);
    this.error(columnId, 'unknown_option', { value: cell, options: options.join(', '), ...(item ? { item } : {}) });
    return undefined;
  }

  /** Yes/no; an empty cell counts as absent (the contract's default applies). */
  boolean(columnId: string): boolean | undefined {
    const value = this.nullableBoolean(columnId);
    return value === null ? undefined : value;
  }

  /** Yes/no where an empty cell means "not known". */
  nullableBoolean(columnId: string): boolean | null | undefined {
    const cell = this.raw(columnId);
    if (cell === undefined) return undefined;
    const read = readBoolean(cell);
    if ('error' in read) {
      this.error(columnId, read.error, { value: cell });
      return undefined;
    }
    return read.value;
  }

  nullableInteger(columnId: string): number | null | undefined {
    const cell = this.raw(columnId);
    if (cell === undefined) return undefined;
    const read = readInteger(cell);
    if ('error' in read) {
      this.error(columnId, read.error, { value: cell });
      return undefined;
    }
    return read.value;
  }

  list(columnId: string): string[] | undefined {
    const cell = this.raw(columnId);
    return cell === undefined ? undefined : readList(cell);
  }

  items(columnId: string): string[][] | undefined {
    const cell = this.raw(columnId);
    return cell === undefined ? undefined : readItems(cell);
  }

  /** Whether a column (or one item in it) already has an error: a contract error there would only repeat it. */
  hasErrorIn(columnId: string, item?: number): boolean {
    const header = this.header(columnId);
    return this.errors.some(
      (error) =>
        error.column === header &&
        (item === undefined || error.params?.item === undefined || error.params.item === item),
    );
  }
}

/** Leaves out keys whose value is undefined, so a contract's defaults apply to them. */
export function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
