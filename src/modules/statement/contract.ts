import { z } from 'zod';

// The privacy statement: shared by the API, the web client and the CLI. No Node imports.

const ZLocale = z.enum(['nl', 'en']);

export const ZStatementBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
]);

export const ZStatementSection = z.object({ key: z.string(), heading: z.string(), blocks: z.array(ZStatementBlock) });

/** A statement in one language as structured plain text: whoever shows it escapes every string. */
export const ZStatementDocument = z.object({
  language: ZLocale,
  title: z.string(),
  sections: z.array(ZStatementSection),
});
export type TStatementDocument = z.infer<typeof ZStatementDocument>;

export const ZChecklistTarget = z.discriminatedUnion('target', [
  z.object({ target: z.literal('activity'), activityId: z.uuid(), activityName: z.string(), field: z.string() }),
  z.object({ target: z.literal('organisation'), field: z.string() }),
  z.object({ target: z.literal('own_texts'), field: z.enum(['introduction', 'cookies']) }),
]);

export const ZChecklistItem = z.object({
  itemId: z.string(),
  articles: z.array(z.enum(['13', '14'])),
  label: z.string(),
  status: z.enum(['present', 'missing', 'not_applicable', 'own_text']),
  targets: z.array(ZChecklistTarget),
});

const ZText = z.string().trim().max(20000);

export const ZOwnTexts = z.object({
  introduction: z.object({ nl: z.string(), en: z.string() }),
  cookies: z.object({ nl: z.string(), en: z.string() }),
});
export type TOwnTexts = z.infer<typeof ZOwnTexts>;

export const ZSaveOwnTexts = z.strictObject({
  introduction: z.strictObject({ nl: ZText, en: ZText }),
  cookies: z.strictObject({ nl: ZText, en: ZText }),
});
export type TSaveOwnTexts = z.output<typeof ZSaveOwnTexts>;

export const ZVersionHead = z.object({
  id: z.uuid(),
  version: z.number().int(),
  publishedAt: z.iso.datetime(),
  publishedBy: z.string().nullable(),
});

/** What the statement would say if published now, the checklist, and how it stands against the published one. */
export const ZStatementDraft = z.object({
  content: z.object({ nl: ZStatementDocument, en: ZStatementDocument }),
  checklist: z.array(ZChecklistItem),
  ownTexts: ZOwnTexts,
  published: ZVersionHead.nullable(),
  /** The register changed what the statement says since the current version was published. */
  isOutOfDate: z.boolean(),
  publicUrl: z.string(),
});
export type TStatementDraft = z.infer<typeof ZStatementDraft>;

export const ZStatementStatus = z.object({
  published: ZVersionHead.nullable(),
  isOutOfDate: z.boolean(),
});

export const ZStatementVersion = ZVersionHead.extend({
  content: z.object({ nl: ZStatementDocument, en: ZStatementDocument }),
});
export type TStatementVersion = z.infer<typeof ZStatementVersion>;

export const ZVersionList = z.object({ items: z.array(ZVersionHead) });

export const ZDiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
  language: ZLocale.default('nl'),
});

export const ZStatementDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  language: ZLocale,
  lines: z.array(z.object({ change: z.enum(['same', 'added', 'removed']), text: z.string() })),
});

export const ZExportQuery = z.strictObject({
  format: z.enum(['html', 'pdf']).default('html'),
  language: ZLocale.default('nl'),
  /** A published version; without it the draft as it stands now. */
  version: z.coerce.number().int().min(1).optional(),
});

export const ZPublicStatementQuery = z.strictObject({
  version: z.coerce.number().int().min(1).optional(),
  language: ZLocale.optional(),
});

/** The public page: the version asked for (or the current one) and the versions there are. */
export const ZPublicStatement = z.object({
  organisation: z.object({ slug: z.string(), name: z.string(), defaultLocale: ZLocale }),
  version: ZStatementVersion.omit({ id: true, publishedBy: true }),
  versions: z.array(ZVersionHead.omit({ id: true, publishedBy: true })),
  currentVersion: z.number().int(),
});
