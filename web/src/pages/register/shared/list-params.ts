import { useSearchParams } from 'react-router';

/** Rows per page in the register's lists. */
export const PAGE_SIZE = 25;

export interface ListParams<K extends string> {
  values: Record<K, string>;
  page: number;
  /** Changes some values (an empty value or the default removes it from the address) and goes back to page 1. */
  set: (changes: Partial<Record<K, string>>) => void;
  setPage: (page: number) => void;
  reset: () => void;
  /** Whether anything but the sort differs from the defaults: an empty list then means "nothing matches". */
  isFiltered: boolean;
}

/**
 * A list's search, filters, sort and page, kept in the address so a filtered view survives a reload and can be
 * shared. Values equal to their default are left out of the address.
 */
export function useListParams<K extends string>(defaults: Record<K, string>): ListParams<K> {
  const [params, setParams] = useSearchParams();
  const keys = Object.keys(defaults) as K[];
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? defaults[key]])) as Record<K, string>;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const set = (changes: Partial<Record<K, string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
      if (!value || value === defaults[key]) next.delete(key);
      else next.set(key, value);
    }
    next.delete('page');
    setParams(next, { replace: true });
  };
  const setPage = (nextPage: number) => {
    const next = new URLSearchParams(params);
    if (nextPage <= 1) next.delete('page');
    else next.set('page', String(nextPage));
    setParams(next, { replace: true });
  };
  const isFiltered = keys.some((key) => key !== 'sort' && key !== 'order' && values[key] !== defaults[key]);
  return { values, page, set, setPage, reset: () => setParams(new URLSearchParams(), { replace: true }), isFiltered };
}

/** The value, or undefined when it is empty (an unset filter is not sent). */
export const orUndefined = <T extends string>(value: string): T | undefined => (value ? (value as T) : undefined);
