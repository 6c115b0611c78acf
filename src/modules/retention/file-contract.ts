import { z } from 'zod';
import { ZConnectorKind } from '../connectors/contract.ts';
import {
  ZAnonymiseFields,
  ZFieldMapping,
  ZFilter,
  ZLegalReference,
  ZMarginPercent,
  ZName,
  ZPeriod,
  ZReason,
  ZSchedule,
  ZStartEvent,
} from './contract.ts';

// The retention-as-code file (docs/retention-as-code.md): an organisation's connectors, record types and policies,
// with stable refs so a diff is meaningful; its JSON Schema in docs/ is generated from ZRetentionFile.

/** A stable name chosen by a person, so a diff of the file reads as what changed. */
export const ZStableRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, { error: 'validation.invalid_format' })
  .describe('A stable name chosen by a person (lower case, digits, . _ -), unique within its list');

const ZFileConnector = z.strictObject({
  ref: ZStableRef,
  name: ZName,
  kind: ZConnectorKind,
  /** The register system's name (names, not ids, so one file fits many organisations). */
  system: z.string().trim().max(200).nullable().default(null),
  /** Settings without secret fields. */
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Secret field → the name of a secret supplied when applying (never the value). */
  secrets: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/)).default({}),
});

const ZFileRecordType = z.strictObject({
  ref: ZStableRef,
  connector: ZStableRef.describe('The ref of a connector in this file'),
  name: ZName,
  definition: z.record(z.string(), z.unknown()),
});

const ZFileAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('delete') }),
  z.strictObject({ kind: z.literal('anonymise'), fields: ZAnonymiseFields }),
  z.strictObject({
    kind: z.literal('archive'),
    targetRecordType: ZStableRef.describe('The ref of a record type in this file'),
    fieldMapping: ZFieldMapping,
  }),
]);

/** Only condition holds: legal holds name records and people of one organisation and stay in privacydesk. */
const ZFileHold = z.strictObject({
  kind: z.literal('condition'),
  filters: z.array(ZFilter).min(1).max(20),
  reason: ZReason,
});

const ZFilePolicy = z.strictObject({
  ref: ZStableRef,
  name: ZName,
  recordType: ZStableRef.describe('The ref of a record type in this file'),
  /** The register activity's name. */
  activity: z.string().trim().max(200).nullable().default(null),
  startEvent: ZStartEvent,
  period: ZPeriod,
  legalReference: ZLegalReference.default({ presetId: null, reference: '' }),
  action: ZFileAction.default({ kind: 'delete' }),
  holds: z.array(ZFileHold).max(100).default([]),
  schedule: ZSchedule.default({ frequency: 'daily', time: '02:00' }),
  /** The owner's e-mail address (a member of the organisation). */
  owner: z.string().trim().max(320).nullable().default(null),
  marginPercent: ZMarginPercent.default(10),
  /** A paused policy does not run; an applied policy is enforced only after a preview is approved in privacydesk. */
  isPaused: z.boolean().default(false),
});

/** `privacydesk retention export` writes this; `retention apply` reads it (docs/retention-as-code.md). */
export const ZRetentionFile = z
  .strictObject({
    version: z.literal(1),
    organisation: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])$/),
    connectors: z.array(ZFileConnector).max(200).default([]),
    recordTypes: z.array(ZFileRecordType).max(1000).default([]),
    policies: z.array(ZFilePolicy).max(1000).default([]),
  })
  .superRefine((file, context) => {
    for (const list of ['connectors', 'recordTypes', 'policies'] as const) {
      const seen = new Set<string>();
      file[list].forEach((entry, index) => {
        if (seen.has(entry.ref))
          context.addIssue({ code: 'custom', path: [list, index, 'ref'], message: 'validation.name_taken' });
        seen.add(entry.ref);
      });
    }
    const connectorRefs = new Set(file.connectors.map((connector) => connector.ref));
    const recordTypeRefs = new Set(file.recordTypes.map((recordType) => recordType.ref));
    file.recordTypes.forEach((recordType, index) => {
      if (!connectorRefs.has(recordType.connector))
        context.addIssue({
          code: 'custom',
          path: ['recordTypes', index, 'connector'],
          message: 'validation.unknown_reference',
        });
    });
    file.policies.forEach((policy, index) => {
      if (!recordTypeRefs.has(policy.recordType))
        context.addIssue({
          code: 'custom',
          path: ['policies', index, 'recordType'],
          message: 'validation.unknown_reference',
        });
      if (policy.action.kind === 'archive' && policy.action.targetRecordType === policy.recordType)
        context.addIssue({
          code: 'custom',
          path: ['policies', index, 'action', 'targetRecordType'],
          message: 'validation.archive_to_itself',
        });
      else if (policy.action.kind === 'archive' && !recordTypeRefs.has(policy.action.targetRecordType))
        context.addIssue({
          code: 'custom',
          path: ['policies', index, 'action', 'targetRecordType'],
          message: 'validation.unknown_reference',
        });
    });
  });
export type TRetentionFile = z.output<typeof ZRetentionFile>;
export type TFileConnector = TRetentionFile['connectors'][number];
export type TFileRecordType = TRetentionFile['recordTypes'][number];
export type TFilePolicy = TRetentionFile['policies'][number];

/** One changed value of an entry, by its dotted path (`period.amount`, `holds.0.reason`). */
export const ZFieldChange = z.object({ path: z.string(), from: z.unknown(), to: z.unknown() });
export type TFieldChange = z.infer<typeof ZFieldChange>;

const ZEntryChanges = z.object({
  added: z.array(z.string()),
  changed: z.array(z.object({ ref: z.string(), changes: z.array(ZFieldChange) })),
  removed: z.array(z.string()),
});

/** What `retention apply` would do, per connector, record type and policy (matched by `ref`). */
export const ZRetentionPlan = z.object({
  connectors: ZEntryChanges,
  recordTypes: ZEntryChanges,
  policies: ZEntryChanges,
  hasChanges: z.boolean(),
});
export type TRetentionPlan = z.infer<typeof ZRetentionPlan>;

/**
 * The JSON Schema of the retention-as-code file (docs/retention-as-code.schema.json), for editors and CI checks of
 * a provider's repository. Input form: fields with a default may be left out.
 */
export function retentionFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ZRetentionFile, { io: 'input' }),
    title: 'privacydesk retention as code',
    description:
      'Connectors (without secrets), record types and retention policies of one organisation; written by `privacydesk retention export`, read by `privacydesk retention apply` (docs/retention-as-code.md).',
  };
}
