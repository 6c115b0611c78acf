import type { Connector, FilterValue, StoredRecord } from '../../../connectors/connector.ts';
import { ConnectorError } from '../../../connectors/connector.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import * as connectors from '../../connectors/service.ts';
import type { TAction } from '../contract.ts';

type ArchiveAction = Extract<TAction, { kind: 'archive' }>;

function mapped(record: StoredRecord, mapping: ArchiveAction['fieldMapping']): StoredRecord['fields'] {
  return Object.fromEntries(mapping.map(({ from, to }) => [to, record.fields[from] ?? null]));
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** Equal as stored values go: numbers read back as text, and moments written in another notation, still match. */
function isSameValue(written: FilterValue | undefined, read: FilterValue | undefined): boolean {
  if ((written ?? null) === null || (read ?? null) === null) return (written ?? null) === (read ?? null);
  const [a, b] = [String(written), String(read)];
  if (ISO_MOMENT.test(a) && ISO_MOMENT.test(b)) return Date.parse(a) === Date.parse(b);
  return a === b;
}

/**
 * Archives a batch: reads the records, writes mapped copies to the target record type, reads the copies back and
 * compares every mapped field, and only then deletes the originals. A copy that differs stops the run before
 * anything is deleted.
 */
export async function archiveBatch(
  ctx: AppContext,
  scope: OrgScope,
  action: ArchiveAction,
  source: { connector: Connector<unknown>; definition: unknown },
  keys: readonly string[],
): Promise<void> {
  const records = await source.connector.read(source.definition, keys);
  if (records.length === 0) return;
  const copies = records.map((record) => ({ sourceKey: record.key, fields: mapped(record, action.fieldMapping) }));
  await connectors.withRecordType(ctx, scope, action.targetRecordTypeId, async (target) => {
    const targetKeys = await target.connector.write(target.definition, copies);
    const readBack = new Map(
      (await target.connector.read(target.definition, targetKeys)).map((record) => [record.key, record]),
    );
    copies.forEach((copy, index) => {
      const stored = readBack.get(targetKeys[index] ?? '');
      const differs = !stored || action.fieldMapping.some(({ to }) => !isSameValue(copy.fields[to], stored.fields[to]));
      if (differs) throw new ConnectorError('failed', `archive copy of record ${index + 1} of the batch differs`);
    });
  });
  await source.connector.delete(
    source.definition,
    records.map((record) => record.key),
  );
}
