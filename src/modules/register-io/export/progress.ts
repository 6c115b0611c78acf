import type { TExportProgress } from '../../register/contract.ts';

/**
 * The progress of exports in this process, by organisation and the id the caller chose: what the export page polls
 * while a large PDF renders. In memory: with several instances, a poll that reaches another instance finds nothing
 * (404) and the page shows an indeterminate bar instead. Entries are dropped a while after their last change.
 */
const KEEP_MS = 10 * 60 * 1000;
const entries = new Map<string, { progress: TExportProgress; updatedAt: number }>();
const keyOf = (orgId: string, id: string) => `${orgId}:${id}`;

function sweep(now: number): void {
  for (const [key, entry] of entries) if (now - entry.updatedAt > KEEP_MS) entries.delete(key);
}

export function recordExportProgress(orgId: string, id: string, progress: TExportProgress): void {
  const now = Date.now();
  sweep(now);
  entries.set(keyOf(orgId, id), { progress, updatedAt: now });
}

export function exportProgress(orgId: string, id: string): TExportProgress | undefined {
  return entries.get(keyOf(orgId, id))?.progress;
}
