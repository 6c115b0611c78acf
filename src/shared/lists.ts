import { z } from 'zod';

/** Query fields every register list accepts: free-text search, sort direction, paging. */
export const listQueryFields = {
  q: z.string().trim().max(100).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** A page of a list: the items and how many match in all. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** A calendar day (YYYY-MM-DD); a missing one is `required`, not an invalid date. */
export const ZCalendarDate = z.iso.date({
  error: (issue) => (issue.input === undefined ? 'validation.required' : 'validation.invalid_date'),
});

/** A reference to another entry, as lists show it. */
export const ZRef = z.object({ id: z.uuid(), name: z.string() });

/** Query-string booleans arrive as text. */
export const ZQueryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ZTransferSafeguard = z.enum(['scc', 'bcr', 'code_of_conduct', 'certification', 'derogation', 'other']);
export type TTransferSafeguard = z.infer<typeof ZTransferSafeguard>;

/** How a country looks to the transfer check (see shared/transfer-check.ts). */
export const ZTransferStatus = z.object({
  status: z.enum(['eea', 'adequate', 'safeguard-required', 'invalid-country-code']),
  needsSafeguard: z.boolean(),
  adequacyScope: z.object({ en: z.string(), nl: z.string() }).nullable(),
  /** The judgement with what is recorded: covered (`eea`, `adequate`, `covered`), missing, or a warning. */
  verdict: z.enum([
    'eea',
    'adequate',
    'covered',
    'invalid_country',
    'safeguard_missing',
    'dpf_undated',
    'scope_unconfirmed',
    'derogation_not_occasional',
    'derogation_undocumented',
    'tia_missing',
  ]),
});

/**
 * A transfer impact assessment, recorded wherever SCCs or BCRs are: the day it was made and a document reference
 * or a short note. Without one, SCCs and BCRs are a warning, not "covered".
 */
export const ZTransferImpactAssessment = z.strictObject({
  assessedOn: ZCalendarDate,
  reference: z.string().trim().min(1, { error: 'validation.required' }).max(2000),
});
export type TTransferImpactAssessment = z.infer<typeof ZTransferImpactAssessment>;

/** The two columns a TIA is stored in, as one value (both or neither). */
export function tiaFromColumns(assessedOn: string | null, reference: string | null): TTransferImpactAssessment | null {
  return assessedOn === null ? null : { assessedOn, reference: reference ?? '' };
}

export function tiaToColumns(tia: TTransferImpactAssessment | null | undefined) {
  if (tia === undefined) return {};
  return { tiaAssessedOn: tia?.assessedOn ?? null, tiaReference: tia?.reference ?? null };
}

export const ZOptionalText = (max: number) => z.string().trim().max(max).default('');
