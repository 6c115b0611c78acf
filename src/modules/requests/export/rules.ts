/**
 * Pure rules of the export package: how long and how often a link works, and how names become safe paths in the
 * ZIP. No I/O, no clock: time is a parameter.
 */

/** The download link works this long after the package is built … */
export const EXPORT_VALID_DAYS = 14;
/** … and this many times (a person may download again on another device, not share it endlessly). */
export const MAX_DOWNLOADS = 5;
/** Records read from a store per call: memory stays flat whatever the number of records. */
export const READ_BATCH = 500;

export type DownloadVerdict = 'ok' | 'not_ready' | 'expired' | 'used_up';

/** Whether a package may be downloaded now. */
export function downloadVerdict(
  row: { status: string; expiresAt: Date | null; downloadCount: number },
  now: Date,
): DownloadVerdict {
  if (row.status !== 'ready' || row.expiresAt === null) return row.status === 'expired' ? 'expired' : 'not_ready';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (row.downloadCount >= MAX_DOWNLOADS) return 'used_up';
  return 'ok';
}

export function expiryOf(builtAt: Date): Date {
  return new Date(builtAt.getTime() + EXPORT_VALID_DAYS * 24 * 60 * 60 * 1000);
}

export function downloadsLeft(downloadCount: number): number {
  return Math.max(0, MAX_DOWNLOADS - downloadCount);
}

/**
 * A name (of a connector, a record type) as one path segment in the ZIP: no slashes, no `..`, no control
 * characters, not empty, at most 80 characters; what a person reads stays recognisable.
 */
export function pathSegment(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/\p{Cc}+/gu, '_')
    .replace(/[/\\:*?"<>|]+/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  return cleaned || '_';
}

/** `<connector>/<record type>`, made unique within the package (two record types of the same name get `-2`). */
export function uniquePaths(entries: readonly { connector: string; recordType: string }[]): string[] {
  const seen = new Set<string>();
  return entries.map((entry) => {
    const base = `${pathSegment(entry.connector)}/${pathSegment(entry.recordType)}`;
    let candidate = base;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A stored value as text in a CSV cell: null empty, everything else as written. */
export function cellText(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The download's file name: `export-2026-0001.zip`. */
export function packageFileName(reference: string | null): string {
  return `export-${reference ?? 'request'}.zip`;
}
