import { nameKey } from '../formats/cells.ts';
import type { RowReader } from './row-reader.ts';

/**
 * Finds entries by any of their names (a category by key, Dutch or English name; a vendor by name), ignoring case
 * and repeated spaces. An exact spelling wins over a case-insensitive one.
 */
export class NameIndex {
  private readonly exact = new Map<string, string>();
  private readonly loose = new Map<string, Set<string>>();
  private readonly names = new Map<string, string>();

  constructor(entries: readonly { id: string; names: readonly string[] }[]) {
    for (const entry of entries) {
      this.names.set(entry.id, entry.names[0] ?? entry.id);
      for (const name of entry.names) {
        if (!name) continue;
        this.exact.set(name, entry.id);
        const key = nameKey(name);
        this.loose.set(key, (this.loose.get(key) ?? new Set()).add(entry.id));
      }
    }
  }

  /** The id for a name; `ambiguous` when several entries go by it in different spellings. */
  find(name: string): string | 'ambiguous' | undefined {
    const exact = this.exact.get(name);
    if (exact) return exact;
    const matches = this.loose.get(nameKey(name));
    if (!matches || matches.size === 0) return undefined;
    return matches.size === 1 ? [...matches][0] : 'ambiguous';
  }

  nameOf(id: string): string {
    return this.names.get(id) ?? id;
  }
}

/** Resolves one name into an id, recording `unknown_reference` or `ambiguous_reference` on the reader. */
export function resolveName(
  reader: RowReader,
  columnId: string,
  index: NameIndex,
  name: string,
  item?: number,
): string | undefined {
  const found = index.find(name);
  const params = { name, ...(item ? { item } : {}) };
  if (found === undefined) reader.error(columnId, 'unknown_reference', params);
  else if (found === 'ambiguous') reader.error(columnId, 'ambiguous_reference', params);
  else return found;
  return undefined;
}

/** Resolves a list of names; the ids of the ones found (each once). */
export function resolveNames(
  reader: RowReader,
  columnId: string,
  index: NameIndex,
  names: readonly string[] | undefined,
): string[] | undefined {
  if (names === undefined) return undefined;
  const ids = names.map((name) => resolveName(reader, columnId, index, name)).filter((id) => id !== undefined);
  return [...new Set(ids)];
}
