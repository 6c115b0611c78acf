import { z } from 'zod';
import { listQueryFields, pageOf } from '../../shared/lists.ts';

const dataCategoryFlags = {
  isSpecial: z.boolean(),
  isCriminal: z.boolean(),
  isNationalId: z.boolean(),
  isFinancial: z.boolean(),
  isCredentials: z.boolean(),
  isCommunicationContent: z.boolean(),
};

const ZCategoryName = z.string().trim().min(1, { error: 'validation.required' }).max(120);

export const ZDataCategory = z.object({
  id: z.uuid(),
  key: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  description: z.string(),
  ...dataCategoryFlags,
  isArchived: z.boolean(),
  /** How many systems and activities use it (a used category is archived, not deleted). */
  usage: z.object({ systems: z.number().int(), activities: z.number().int() }),
});
export type TDataCategory = z.infer<typeof ZDataCategory>;

/** One name is enough; the other language falls back to it. */
export const ZCreateDataCategoryRequest = z
  .strictObject({
    nameNl: ZCategoryName.optional(),
    nameEn: ZCategoryName.optional(),
    description: z.string().trim().max(1000).default(''),
    isSpecial: z.boolean().default(false),
    isCriminal: z.boolean().default(false),
    isNationalId: z.boolean().default(false),
    isFinancial: z.boolean().default(false),
    isCredentials: z.boolean().default(false),
    isCommunicationContent: z.boolean().default(false),
  })
  .refine((value) => value.nameNl || value.nameEn, { path: ['nameNl'], error: 'validation.required' });
export type TCreateDataCategoryRequest = z.output<typeof ZCreateDataCategoryRequest>;

export const ZUpdateDataCategoryRequest = z
  .strictObject({
    nameNl: ZCategoryName,
    nameEn: ZCategoryName,
    description: z.string().trim().max(1000),
    ...dataCategoryFlags,
    isArchived: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateDataCategoryRequest = z.output<typeof ZUpdateDataCategoryRequest>;

export const ZSubjectCategory = z.object({
  id: z.uuid(),
  key: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  description: z.string(),
  isVulnerable: z.boolean(),
  isArchived: z.boolean(),
  usage: z.object({ activities: z.number().int() }),
});
export type TSubjectCategory = z.infer<typeof ZSubjectCategory>;

export const ZCreateSubjectCategoryRequest = z
  .strictObject({
    nameNl: ZCategoryName.optional(),
    nameEn: ZCategoryName.optional(),
    description: z.string().trim().max(1000).default(''),
    isVulnerable: z.boolean().default(false),
  })
  .refine((value) => value.nameNl || value.nameEn, { path: ['nameNl'], error: 'validation.required' });
export type TCreateSubjectCategoryRequest = z.output<typeof ZCreateSubjectCategoryRequest>;

export const ZUpdateSubjectCategoryRequest = z
  .strictObject({
    nameNl: ZCategoryName,
    nameEn: ZCategoryName,
    description: z.string().trim().max(1000),
    isVulnerable: z.boolean(),
    isArchived: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateSubjectCategoryRequest = z.output<typeof ZUpdateSubjectCategoryRequest>;

export const ZListCategoriesQuery = z.strictObject({
  ...listQueryFields,
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  sort: z.enum(['name', 'key', 'usage']).default('name'),
  limit: z.coerce.number().int().min(1).max(500).default(500),
});
export type TListCategoriesQuery = z.output<typeof ZListCategoriesQuery>;

export const ZDataCategoryPage = pageOf(ZDataCategory);
export const ZSubjectCategoryPage = pageOf(ZSubjectCategory);
