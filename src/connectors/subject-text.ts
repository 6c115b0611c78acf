import type { SubjectIdentity, SubjectIdentityKind } from './connector.ts';

/**
 * A person's values as the connectors that compare in this process (files, IMAP bodies, HTTP items) use them:
 * per kind, trimmed, in lower case, each once.
 */

export interface SubjectValue {
  kind: SubjectIdentityKind;
  /** Lower case, white space collapsed. */
  value: string;
}

const LISTS: [SubjectIdentityKind, (identity: SubjectIdentity) => readonly string[] | undefined][] = [
  ['email', (identity) => identity.emails],
  ['phone', (identity) => identity.phones],
  ['name', (identity) => identity.names],
  ['customer_number', (identity) => identity.customerNumbers],
  ['iban', (identity) => identity.ibans],
  ['bsn', (identity) => identity.bsns],
];

/** Every value of the identity, lower-cased and deduplicated per kind. */
export function subjectValues(identity: SubjectIdentity): SubjectValue[] {
  const seen = new Set<string>();
  const values: SubjectValue[] = [];
  for (const [kind, list] of LISTS) {
    for (const raw of list(identity) ?? []) {
      const value = raw.trim().replace(/\s+/g, ' ').toLowerCase();
      if (value === '' || seen.has(`${kind}\0${value}`)) continue;
      seen.add(`${kind}\0${value}`);
      values.push({ kind, value });
    }
  }
  return values;
}

/**
 * The values worth looking for in free text: at least 3 characters (a 2-letter name would be found everywhere),
 * names also as file names write them (`anna-jansen`, `anna_jansen`, `anna.jansen`).
 */
export function textNeedles(identity: SubjectIdentity): SubjectValue[] {
  return subjectValues(identity)
    .flatMap(({ kind, value }): SubjectValue[] =>
      kind === 'name'
        ? ['-', '_', '.', ' '].map((joiner) => ({ kind, value: value.split(' ').join(joiner) }))
        : [{ kind, value }],
    )
    .filter(({ value }, index, all) => value.length >= 3 && all.findIndex((other) => other.value === value) === index);
}

const BEFORE = /[\p{L}\p{N}@_%+.]/u;
const AFTER = /[\p{L}\p{N}@_%+]/u;

/**
 * Whether lower-case `text` holds `needle` as a whole word: no letter, digit or address character right before or
 * after it, so `jan@example.nl` is not found in `xjan@example.nl` and `0612345678` not in `06123456789`.
 */
export function containsWord(text: string, needle: string): boolean {
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
    const before = text[index - 1] ?? '';
    const after = text[index + needle.length] ?? '';
    if (!BEFORE.test(before) && !AFTER.test(after)) return true;
  }
  return false;
}

/** The kinds of the person's values that lower-case `text` holds as whole words, each once. */
export function kindsInText(text: string, needles: readonly SubjectValue[]): SubjectIdentityKind[] {
  const kinds = new Set<SubjectIdentityKind>();
  for (const { kind, value } of needles) if (!kinds.has(kind) && containsWord(text, value)) kinds.add(kind);
  return [...kinds];
}
