import { z } from 'zod';

/**
 * The export package of a request (access, Art. 15; portability, Art. 20): the officer asks for it, a job builds
 * it, the person downloads it through an expiring link. Imported by the web app: no Node imports.
 */

export const EXPORT_STATUSES = ['queued', 'building', 'ready', 'failed', 'expired'] as const;
export const ZExportStatus = z.enum(EXPORT_STATUSES);

export const ZPackageContents = z.array(
  z.object({ system: z.string(), recordType: z.string(), records: z.number().int(), files: z.array(z.string()) }),
);

/** A package as the desk sees it: its state and use, never the link (only the person gets that, by mail). */
export const ZRequestExport = z.object({
  id: z.uuid(),
  status: ZExportStatus,
  /** A stable code when the build failed (`connector_unreachable`, `timeout`, …). */
  error: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  recordCount: z.number().int().nullable(),
  sha256: z.string().nullable(),
  contents: ZPackageContents,
  createdAt: z.iso.datetime(),
  builtAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  downloadCount: z.number().int(),
  downloadsLeft: z.number().int(),
  lastDownloadedAt: z.iso.datetime().nullable(),
});
export type TRequestExport = z.infer<typeof ZRequestExport>;

export const ZRequestExportList = z.object({ items: z.array(ZRequestExport) });

export const ZDownloadQuery = z.object({ token: z.string().min(20).max(200) });

/** What the public download page shows before the person downloads. */
export const ZDownloadInfo = z.object({
  organisationName: z.string(),
  reference: z.string().nullable(),
  locale: z.enum(['nl', 'en']),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  recordCount: z.number().int(),
  sha256: z.string(),
  contents: ZPackageContents,
  expiresAt: z.iso.datetime(),
  downloadsLeft: z.number().int(),
});
export type TDownloadInfo = z.infer<typeof ZDownloadInfo>;
