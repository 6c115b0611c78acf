/** A stable key from a category name: "Klantgegevens (CRM)" → "klantgegevens-crm". */
export function keyFromName(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return key || 'category';
}

/** The first of `key`, `key-2`, `key-3`, … that is not taken. */
export function nextFreeKey(key: string, taken: ReadonlySet<string>): string {
  if (!taken.has(key)) return key;
  let suffix = 2;
  while (taken.has(`${key}-${suffix}`)) suffix += 1;
  return `${key}-${suffix}`;
}

/** One name is enough: the other language shows the same words until someone translates them. */
export function bothNames(names: { nameNl?: string | undefined; nameEn?: string | undefined }): {
  nameNl: string;
  nameEn: string;
} {
  const nameNl = names.nameNl || names.nameEn || '';
  return { nameNl, nameEn: names.nameEn || nameNl };
}

/** The name kept in the audit trail: both languages when they differ, so readers of either recognise it. */
export function auditName(category: { nameNl: string; nameEn: string }): string {
  return category.nameNl === category.nameEn ? category.nameNl : `${category.nameNl} / ${category.nameEn}`;
}

/** The name in the reader's language. */
export function localName(category: { nameNl: string; nameEn: string }, locale: 'nl' | 'en'): string {
  return locale === 'en' ? category.nameEn : category.nameNl;
}

/**
 * A category that anything still refers to (retired systems and activities included) is archived instead of
 * deleted, so history keeps its meaning.
 */
export function canDelete(references: number): boolean {
  return references === 0;
}
