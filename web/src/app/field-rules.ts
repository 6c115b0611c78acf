import i18next from 'i18next';
import type { z } from 'zod';

/**
 * A Mantine form rule from a contract's field schema, for the rare form whose request the server can only judge
 * as a whole (a union of bodies): the person still learns which field is wrong, in the server's own words.
 */
export function fieldRule(schema: z.ZodType) {
  return (value: unknown): string | null => {
    const result = schema.safeParse(value);
    if (result.success) return null;
    const message = result.error.issues[0]?.message ?? '';
    return i18next.t(message.startsWith('validation.') ? message : 'validation.invalid_value');
  };
}
