import type { FieldInfo, IdentityFieldKind, SubjectIdentity, SubjectIdentityKind, SubjectMatch } from '../connector.ts';

/**
 * How the SQL connectors look for a person: per identity column, one indexable comparison with the values of its
 * kind (`lower(col) = ANY(…)` / `col IN (…)` for e-mail and names, `col = ANY(forms)` / `col IN (forms)` for the
 * exact forms of the other kinds), the branches joined by UNION so each uses its own index.
 */

/** The values of one kind, and whether the store compares them ignoring case. */
export interface SubjectTerm {
  values: string[];
  ignoresCase: boolean;
}

const unique = (values: Iterable<string>) => [...new Set(values)];
const nonEmpty = (values: readonly string[] | undefined) =>
  (values ?? []).map((value) => value.trim()).filter((value) => value.length > 0);

/** The person's values per kind: e-mail and names as given and in lower case, the other kinds as the exact forms. */
export function subjectTerms(identity: SubjectIdentity): Map<SubjectIdentityKind, SubjectTerm> {
  const terms = new Map<SubjectIdentityKind, SubjectTerm>();
  const caseless = (values: readonly string[]) => unique(values.flatMap((value) => [value, value.toLowerCase()]));
  const add = (kind: SubjectIdentityKind, values: string[], ignoresCase: boolean) => {
    if (values.length > 0) terms.set(kind, { values: ignoresCase ? caseless(values) : unique(values), ignoresCase });
  };
  add('email', nonEmpty(identity.emails), true);
  add(
    'name',
    nonEmpty(identity.names).map((name) => name.replace(/\s+/g, ' ')),
    true,
  );
  add('phone', nonEmpty(identity.phones), false);
  add('customer_number', nonEmpty(identity.customerNumbers), false);
  add('iban', nonEmpty(identity.ibans), false);
  add('bsn', nonEmpty(identity.bsns), false);
  return terms;
}

/**
 * The values a column can be compared with: all of them for a text column; for a number column the digit-only
 * forms as integers (a BSN or phone number stored as a number has lost its leading zeros); none for other types.
 */
export function columnValues(field: FieldInfo, term: SubjectTerm): (string | bigint)[] {
  if (field.type === 'text') return term.values;
  if (field.type !== 'number' || term.ignoresCase) return [];
  const numbers = term.values.filter((value) => /^\d{1,30}$/.test(value)).map((value) => BigInt(value));
  return [...new Map(numbers.map((value) => [value.toString(), value])).values()];
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The identity columns of a found row that hold one of the person's values, in the record type's order. Case and
 * accents are ignored where the store ignores them (a MySQL `_ci` collation matches `José` for `jose`).
 */
export function matchesOf(
  row: Record<string, unknown>,
  columns: readonly { column: string; kind: IdentityFieldKind }[],
  terms: Map<SubjectIdentityKind, SubjectTerm>,
): SubjectMatch[] {
  return columns.flatMap(({ column, kind }) => {
    const term = kind === 'other' ? undefined : terms.get(kind);
    const value = row[column];
    if (!term || value === null || value === undefined || kind === 'other') return [];
    const text = String(value).trim();
    const isMatch = term.ignoresCase
      ? term.values.some((wanted) => collator.compare(text.replace(/\s+/g, ' '), wanted) === 0)
      : term.values.some(
          (wanted) =>
            wanted === text || (/^\d+$/.test(text) && /^\d+$/.test(wanted) && BigInt(wanted) === BigInt(text)),
        );
    return isMatch ? [{ field: column, kind }] : [];
  });
}
