import { type TCreateActivityRequest, ZCreateActivityRequest } from '../../register/contract.ts';
import { TRANSFER_FIELDS } from '../columns/activities.ts';
import { type CellPosition, columnByFirstSegment, recordContractErrors } from './contract-errors.ts';
import type { ImportLookups } from './lookups.ts';
import { resolveName, resolveNames } from './references.ts';
import { defined, type RowReader } from './row-reader.ts';
import { tiaOf } from './vendor-rows.ts';

export interface ActivityRow {
  row: number;
  input: TCreateActivityRequest;
}

const RETENTION_COLUMNS: Record<string, string> = {
  kind: 'retentionKind',
  amount: 'retentionAmount',
  unit: 'retentionUnit',
  startEvent: 'retentionStartEvent',
  reference: 'retentionReference',
  presetId: 'retentionPresetId',
};

const byFirstSegment = columnByFirstSegment({
  subjectCategoryIds: 'subjectCategories',
  dataCategoryIds: 'dataCategories',
  systemIds: 'systems',
  recipientVendorIds: 'recipients',
  ownerUserId: 'owner',
});

export function activityPosition(segments: string[]): CellPosition {
  if (segments[0] === 'retention') return { column: RETENTION_COLUMNS[segments[1] ?? ''] ?? 'retentionKind' };
  return byFirstSegment(segments);
}

type TransferFields = Partial<Record<(typeof TRANSFER_FIELDS)[number], string>>;

/** One transfer item: country | recipient | safeguard | details | TIA on | TIA document. */
function readTransfer(reader: RowReader, fields: string[], item: number) {
  const cells: TransferFields = Object.fromEntries(TRANSFER_FIELDS.map((field, index) => [field, fields[index] ?? '']));
  return defined({
    country: cells.country ? cells.country : undefined,
    recipient: cells.recipient,
    safeguard: cells.safeguard ? reader.optionOf('transfers', 'safeguard', cells.safeguard, item) : null,
    safeguardDetails: cells.safeguardDetails,
    transferImpactAssessment: tiaOf(cells.tiaAssessedOn || undefined, cells.tiaReference || undefined) ?? null,
  });
}

/**
 * One controller item: name | contact. A name that is one of our client organisations links that organisation
 * (its contact details are then read from it); any other name is an external controller.
 */
function readController(fields: string[], lookups: ImportLookups) {
  const [name = '', contact = ''] = fields;
  const clientId = lookups.clients.find(name);
  if (clientId && clientId !== 'ambiguous') return { kind: 'managed_org' as const, organisationId: clientId };
  return { kind: 'external' as const, name, contact };
}

/** The controllers column, or the free-text controller of a file written by an earlier version. */
function readControllers(reader: RowReader, lookups: ImportLookups) {
  const items = reader.items('controllers');
  if (items !== undefined) return items.map((fields) => readController(fields, lookups));
  const name = reader.raw('controllerName');
  if (name === undefined) return undefined;
  const contact = reader.raw('controllerContact') ?? '';
  return name.trim() || contact.trim() ? [readController([name, contact], lookups)] : [];
}

/** One joint controller item: name | contact | arrangement. */
function readJointController(fields: string[]) {
  const [name = '', contact = '', arrangement = ''] = fields;
  return { name, contact, arrangement };
}

/** The retention columns as the contract's object; absent when the file has none of them. */
function readRetention(reader: RowReader) {
  const retention = defined({
    kind: reader.nullableOption('retentionKind', 'retentionKind'),
    amount: reader.nullableInteger('retentionAmount'),
    unit: reader.nullableOption('retentionUnit', 'retentionUnit'),
    startEvent: reader.raw('retentionStartEvent'),
    reference: reader.raw('retentionReference'),
    presetId: reader.nullableText('retentionPresetId'),
  });
  return Object.keys(retention).length > 0 ? retention : undefined;
}

function readOwner(reader: RowReader, lookups: ImportLookups): string | null | undefined {
  const owner = reader.nullableText('owner');
  if (owner === undefined || owner === null) return owner;
  return resolveName(reader, 'owner', lookups.members, owner);
}

/** Reads an activity row into the create contract, every category, system, vendor and owner resolved by name. */
export function readActivityRow(reader: RowReader, lookups: ImportLookups): ActivityRow | undefined {
  const candidate = defined({
    name: reader.raw('name') ?? '',
    role: reader.option('role', 'activityRole'),
    status: reader.option('status', 'activityStatus'),
    description: reader.raw('description'),
    controllers: readControllers(reader, lookups),
    jointControllers: reader.items('jointControllers')?.map(readJointController),
    processingCategories: reader.raw('processingCategories'),
    purposes: reader.list('purposes'),
    legalBasis: reader.nullableOption('legalBasis', 'legalBasis'),
    legalBasisJustification: reader.raw('legalBasisJustification'),
    specialCategoryGround: reader.nullableOption('specialCategoryGround', 'specialCategoryGround'),
    criminalDataGround: reader.raw('criminalDataGround'),
    subjectCategoryIds: resolveNames(
      reader,
      'subjectCategories',
      lookups.subjectCategories,
      reader.list('subjectCategories'),
    ),
    dataCategoryIds: resolveNames(reader, 'dataCategories', lookups.dataCategories, reader.list('dataCategories')),
    systemIds: resolveNames(reader, 'systems', lookups.systems, reader.list('systems')),
    recipientVendorIds: resolveNames(reader, 'recipients', lookups.vendors, reader.list('recipients')),
    hasNoRecipients: reader.boolean('hasNoRecipients'),
    recipientCategories: reader.raw('recipientCategories'),
    transfers: reader.items('transfers')?.map((fields, index) => readTransfer(reader, fields, index + 1)),
    retention: readRetention(reader),
    securityMeasures: reader.raw('securityMeasures'),
    isDpiaRequired: reader.nullableBoolean('isDpiaRequired'),
    dpiaReason: reader.raw('dpiaReason'),
    ownerUserId: readOwner(reader, lookups),
    reviewDate: reader.nullableText('reviewDate'),
  });
  const parsed = ZCreateActivityRequest.safeParse(candidate);
  if (!parsed.success) recordContractErrors(reader, parsed.error, candidate, activityPosition);
  if (!parsed.success || reader.errors.length > 0) return undefined;
  return { row: reader.row, input: parsed.data };
}
