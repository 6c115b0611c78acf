import type { z } from 'zod';
import type { ConnectorManifest } from '../../../connectors/connector.ts';
import { connectorManifest } from '../../../connectors/registry.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, type FieldError, invalidFields } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { type IssueLike, parseInput, toFieldErrors } from '../../../platform/validation.ts';
import { retentionNl } from '../../../reference/index.ts';
import type { TConnector, TRecordType } from '../../connectors/contract.ts';
import { underPath } from '../../connectors/rules.ts';
import * as connectors from '../../connectors/service.ts';
import * as inventory from '../../inventory/service.ts';
import * as organisations from '../../organisations/service.ts';
import * as register from '../../register/service.ts';
import { type THoldInput, type TPolicy, type TUpdatePolicyRequest, ZCreatePolicyRequest } from '../contract.ts';
import {
  type TFieldChange,
  type TFileConnector,
  type TFilePolicy,
  type TFileRecordType,
  type TRetentionFile,
  type TRetentionPlan,
  ZRetentionFile,
} from '../file-contract.ts';
import { checkStatutoryMinimum, planRetentionChanges, type RetentionReferenceData } from '../rules.ts';
import { changePolicyStatus, createPolicy, deletePolicy, listPolicies, updatePolicy } from './policies.ts';

/**
 * Retention as code (docs/retention-as-code.md): an organisation's connectors (without secrets), record types and
 * policies as one file, and a file applied to an organisation through the services (each change audited there).
 * The database keeps no `ref`: an exported entry's ref is derived from its name, or taken from the entry of the
 * same name in the file being applied, so a hand-written file's refs match what the organisation has.
 */

const referenceData = retentionNl as unknown as RetentionReferenceData;

function manifestOf(kind: string): ConnectorManifest | undefined {
  return connectorManifest(kind as ConnectorManifest['kind']);
}

/** `Mailbox info@` → `mailbox-info`: a ref derived from a name, unique within `taken`. */
export function refFromName(name: string, taken: ReadonlySet<string>, prefix = ''): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+|-+$/g, '')
      .slice(0, Math.max(3, 74 - prefix.length))
      .replace(/-+$/, '') || 'entry';
  const base = `${prefix}${slug}`;
  let ref = base;
  for (let suffix = 2; taken.has(ref); suffix++) ref = `${base}-${suffix}`;
  return ref;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Picks refs for entries: the ref of the file entry with the same name (and parent), else one from the name. */
function refPicker<T extends { ref: string; name: string }>(desired: readonly T[]) {
  const taken = new Set<string>();
  return (name: string, matches: (entry: T) => boolean = () => true, prefix = '') => {
    const match = desired.find((entry) => sameName(entry.name, name) && matches(entry) && !taken.has(entry.ref));
    const ref = match?.ref ?? refFromName(name, taken, prefix);
    taken.add(ref);
    return ref;
  };
}

const sortedObject = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));

const byRef = <T extends { ref: string }>(entries: T[]) => entries.sort((a, b) => a.ref.localeCompare(b.ref));

/** A connector as a file entry; a stored secret is named as in `like` (the file being applied), else `<ref>-<field>`. */
function fileConnector(connector: TConnector, ref: string, like: TFileConnector | undefined): TFileConnector {
  const secretFields = manifestOf(connector.kind)?.secretFields ?? [];
  const stored = secretFields.filter((field) => connector.secrets[field]);
  return {
    ref,
    name: connector.name,
    kind: connector.kind,
    system: connector.system?.name ?? null,
    settings: sortedObject(connector.settings),
    secrets: Object.fromEntries(stored.map((field) => [field, like?.secrets[field] ?? `${ref}-${field}`])),
  };
}

function filePolicy(
  policy: TPolicy,
  ref: string,
  recordTypeRefs: ReadonlyMap<string, string>,
  emails: ReadonlyMap<string, string>,
): TFilePolicy {
  const { action } = policy;
  return {
    ref,
    name: policy.name,
    recordType: recordTypeRefs.get(policy.recordType.id) ?? '',
    activity: policy.activity?.name ?? null,
    startEvent: policy.startEvent,
    period: policy.period,
    legalReference: policy.legalReference,
    action:
      action.kind === 'archive'
        ? {
            kind: 'archive',
            targetRecordType: recordTypeRefs.get(action.targetRecordTypeId) ?? '',
            fieldMapping: action.fieldMapping,
          }
        : action,
    holds: policy.holds.flatMap((hold) =>
      hold.kind === 'condition' ? [{ kind: 'condition' as const, filters: hold.filters, reason: hold.reason }] : [],
    ),
    schedule: policy.schedule,
    owner: policy.owner ? (emails.get(policy.owner.id) ?? null) : null,
    marginPercent: policy.marginPercent,
    isPaused: policy.status === 'paused',
  };
}

/**
 * The organisation's connectors (secrets as named references `<ref>-<field>`), record types and policies (condition
 * holds only: legal holds name people) as a retention file, sorted by ref. With `refsLike`, entries take the ref of
 * the file's entry of the same name.
 */
export async function exportRetentionFile(
  ctx: AppContext,
  scope: OrgScope,
  organisationSlug: string,
  refsLike: TRetentionFile = {
    version: 1,
    organisation: organisationSlug,
    connectors: [],
    recordTypes: [],
    policies: [],
  },
): Promise<TRetentionFile> {
  const connectorRef = refPicker(refsLike.connectors);
  const recordTypeRef = refPicker(refsLike.recordTypes);
  const policyRef = refPicker(refsLike.policies);
  const fileConnectors: TFileConnector[] = [];
  const recordTypes: TFileRecordType[] = [];
  const recordTypeRefs = new Map<string, string>();
  for (const connector of (await connectors.listConnectors(ctx, scope)).items) {
    const ref = connectorRef(connector.name);
    const like = refsLike.connectors.find((candidate) => candidate.ref === ref);
    const entry = fileConnector(connector, ref, like);
    fileConnectors.push(entry);
    const own = (await connectors.listRecordTypes(ctx, scope, connector.id)).items as TRecordType[];
    for (const recordType of own) {
      const ref = recordTypeRef(recordType.name, (candidate) => candidate.connector === entry.ref, `${entry.ref}.`);
      recordTypeRefs.set(recordType.id, ref);
      recordTypes.push({ ref, connector: entry.ref, name: recordType.name, definition: recordType.definition });
    }
  }
  const members = await organisations.listMembers(ctx, scope);
  const emails = new Map(members.map((member) => [member.userId, member.email]));
  const policies = (await listPolicies(ctx, scope)).items.map((policy) =>
    filePolicy(policy, policyRef(policy.name), recordTypeRefs, emails),
  );
  return ZRetentionFile.parse({
    version: 1,
    organisation: organisationSlug,
    connectors: byRef(fileConnectors),
    recordTypes: byRef(recordTypes),
    policies: byRef(policies),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and checking a file
// ---------------------------------------------------------------------------------------------------------------

function issuesUnder(path: string, schema: z.ZodType, input: unknown): FieldError[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return underPath(
    path,
    result.error.issues.flatMap((issue) => toFieldErrors(issue as unknown as IssueLike, input)),
  );
}

/** A placeholder for each named secret, so a connector's settings can be checked against its kind's schema. */
const withSecretPlaceholders = (connector: TFileConnector) => ({
  ...connector.settings,
  ...Object.fromEntries(Object.keys(connector.secrets).map((field) => [field, 'secret'])),
});

/** Checks settings and definitions against each connector kind's own schemas; all problems at once. */
function kindSpecificErrors(file: TRetentionFile): FieldError[] {
  const kinds = new Map(file.connectors.map((connector) => [connector.ref, connector.kind]));
  const errors: FieldError[] = [];
  file.connectors.forEach((connector, index) => {
    const manifest = manifestOf(connector.kind);
    if (!manifest) {
      errors.push({ path: `connectors.${index}.kind`, code: 'connector_kind_unavailable' });
      return;
    }
    for (const field of Object.keys(connector.settings).filter((name) => manifest.secretFields.includes(name)))
      errors.push({ path: `connectors.${index}.settings.${field}`, code: 'unknown_field' });
    for (const field of Object.keys(connector.secrets).filter((name) => !manifest.secretFields.includes(name)))
      errors.push({ path: `connectors.${index}.secrets.${field}`, code: 'unknown_field' });
    errors.push(
      ...issuesUnder(`connectors.${index}.settings`, manifest.configSchema, withSecretPlaceholders(connector)),
    );
  });
  file.recordTypes.forEach((recordType, index) => {
    const manifest = manifestOf(kinds.get(recordType.connector) ?? '');
    if (manifest)
      errors.push(...issuesUnder(`recordTypes.${index}.definition`, manifest.recordTypeSchema, recordType.definition));
  });
  file.policies.forEach((policy, index) => {
    const preset = referenceData.periods.find((period) => period.id === policy.legalReference.presetId) ?? null;
    const check = checkStatutoryMinimum(policy.period, preset);
    if (!check.isAllowed) errors.push({ path: `policies.${index}.period`, code: check.code, params: check.params });
  });
  return errors;
}

/** Settings and definitions as the services store them (the kinds' defaults filled in), so a plan shows no noise. */
function normalised(file: TRetentionFile): TRetentionFile {
  const kinds = new Map(file.connectors.map((connector) => [connector.ref, connector.kind]));
  const secretFields = (connector: TFileConnector) => manifestOf(connector.kind)?.secretFields ?? [];
  return {
    ...file,
    connectors: file.connectors.map((connector) => {
      const parsed = manifestOf(connector.kind)?.configSchema.safeParse(withSecretPlaceholders(connector));
      const settings = parsed?.success ? (parsed.data as Record<string, unknown>) : connector.settings;
      const visible = Object.entries(settings).filter(([field]) => !secretFields(connector).includes(field));
      return { ...connector, settings: sortedObject(Object.fromEntries(visible)) };
    }),
    recordTypes: file.recordTypes.map((recordType) => {
      const parsed = manifestOf(kinds.get(recordType.connector) ?? '')?.recordTypeSchema.safeParse(
        recordType.definition,
      );
      return parsed?.success ? { ...recordType, definition: parsed.data as Record<string, unknown> } : recordType;
    }),
  };
}

/**
 * Parses a retention file (JSON text) and checks it against the schema and each connector kind's schemas. Throws a
 * validation error with every problem's path; returns the file with defaults filled in.
 */
export function parseRetentionFile(text: string): TRetentionFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid', 'validation_failed', {
      fieldErrors: [{ path: '', code: 'invalid_format', params: { detail: (error as Error).message } }],
    });
  }
  const file = parseInput(ZRetentionFile, json);
  const errors = kindSpecificErrors(file);
  if (errors.length > 0) throw invalidFields(errors);
  return normalised(file);
}

// ---------------------------------------------------------------------------------------------------------------
// Planning and applying
// ---------------------------------------------------------------------------------------------------------------

/** Register names and e-mail addresses the file uses, resolved to ids of the target organisation. */
interface Resolved {
  systems: Map<string, string>;
  activities: Map<string, string>;
  owners: Map<string, string>;
}

/** A name in the file that does not exist in the target organisation, with where it is used. */
export interface UnknownName {
  path: string;
  name: string;
}

export class UnknownNamesError extends Error {
  readonly unknown: UnknownName[];
  constructor(unknown: UnknownName[]) {
    super(unknown.map((entry) => `${entry.path}: ${entry.name}`).join('\n'));
    this.unknown = unknown;
  }
}

/** A named secret of a new connector whose environment variable is not set. */
export class MissingSecretsError extends Error {
  readonly missing: { connector: string; field: string; variable: string }[];
  constructor(missing: MissingSecretsError['missing']) {
    super(missing.map((entry) => entry.variable).join(', '));
    this.missing = missing;
  }
}

const lowerKeyed = (entries: { id: string; key: string }[]) =>
  new Map(entries.map((entry) => [entry.key.trim().toLowerCase(), entry.id]));

async function resolveNames(ctx: AppContext, scope: OrgScope, file: TRetentionFile): Promise<Resolved> {
  const [systems, activities, members] = await Promise.all([
    inventory.systemsOfOrg(ctx.db, scope.orgId),
    register.activityHeadsOfOrg(ctx.db, scope.orgId),
    organisations.listMembers(ctx, scope),
  ]);
  const resolved: Resolved = {
    systems: lowerKeyed(systems.map((row) => ({ id: row.id, key: row.name }))),
    activities: lowerKeyed(activities.map((row) => ({ id: row.id, key: row.name }))),
    owners: lowerKeyed(members.map((row) => ({ id: row.userId, key: row.email }))),
  };
  const unknown: UnknownName[] = [];
  const check = (map: Map<string, string>, name: string | null, path: string) => {
    if (name !== null && !map.has(name.trim().toLowerCase())) unknown.push({ path, name });
  };
  file.connectors.forEach((connector, index) => {
    check(resolved.systems, connector.system, `connectors.${index}.system`);
  });
  file.policies.forEach((policy, index) => {
    check(resolved.activities, policy.activity, `policies.${index}.activity`);
    check(resolved.owners, policy.owner, `policies.${index}.owner`);
  });
  if (unknown.length > 0) throw new UnknownNamesError(unknown);
  return resolved;
}

/** `crm-db-password` → `PRIVACYDESK_SECRET_CRM_DB_PASSWORD`. */
export const secretVariable = (name: string) => `PRIVACYDESK_SECRET_${name.toUpperCase().replace(/[-.]/g, '_')}`;

/** The secret values a connector's named secrets have in the environment (unset ones left out). */
function secretValues(connector: TFileConnector, env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(connector.secrets).flatMap(([field, name]) => {
      const value = env[secretVariable(name)];
      return value ? [[field, value]] : [];
    }),
  );
}

function assertNewSecretsSet(file: TRetentionFile, plan: TRetentionPlan, env: NodeJS.ProcessEnv) {
  const added = new Set(plan.connectors.added);
  const missing = file.connectors
    .filter((connector) => added.has(connector.ref))
    .flatMap((connector) =>
      Object.entries(connector.secrets)
        .filter(([, name]) => !env[secretVariable(name)])
        .map(([field, name]) => ({ connector: connector.ref, field, variable: secretVariable(name) })),
    );
  if (missing.length > 0) throw new MissingSecretsError(missing);
}

export interface RetentionApply {
  current: TRetentionFile;
  plan: TRetentionPlan;
}

/** What applying `desired` would change: the organisation as a file (with the file's refs) against the file. */
export async function planRetentionFile(
  ctx: AppContext,
  scope: OrgScope,
  organisationSlug: string,
  desired: TRetentionFile,
): Promise<RetentionApply> {
  const current = await exportRetentionFile(ctx, scope, organisationSlug, desired);
  return { current, plan: planRetentionChanges(current, { ...desired, organisation: organisationSlug }) };
}

/** Ids of the organisation's connectors, record types and policies by the refs of `current`. */
async function idsByRef(ctx: AppContext, scope: OrgScope, current: TRetentionFile) {
  const connectorIds = new Map<string, string>();
  const recordTypeIds = new Map<string, string>();
  const items = (await connectors.listConnectors(ctx, scope)).items;
  for (const connector of current.connectors) {
    const found = items.find((item) => sameName(item.name, connector.name));
    if (!found) continue;
    connectorIds.set(connector.ref, found.id);
    const own = (await connectors.listRecordTypes(ctx, scope, found.id)).items as TRecordType[];
    for (const recordType of current.recordTypes.filter((entry) => entry.connector === connector.ref)) {
      const match = own.find((item) => sameName(item.name, recordType.name));
      if (match) recordTypeIds.set(recordType.ref, match.id);
    }
  }
  const policies = (await listPolicies(ctx, scope)).items;
  const policyIds = new Map(
    current.policies.flatMap((policy) => {
      const found = policies.find((item) => sameName(item.name, policy.name));
      return found ? [[policy.ref, found] as const] : [];
    }),
  );
  return { connectorIds, recordTypeIds, policies: policyIds };
}

type Ids = Awaited<ReturnType<typeof idsByRef>>;

const lookup = (map: Map<string, string>, name: string | null) =>
  name === null ? null : (map.get(name.trim().toLowerCase()) ?? null);

const idOf = (map: ReadonlyMap<string, string>, ref: string) => {
  const id = map.get(ref);
  if (!id) throw new Error(`no id for ${ref}`);
  return id;
};

async function applyConnectors(
  ctx: AppContext,
  scope: OrgScope,
  file: TRetentionFile,
  plan: TRetentionPlan,
  ids: Ids,
  resolved: Resolved,
  env: NodeJS.ProcessEnv,
) {
  const changed = new Set(plan.connectors.changed.map((entry) => entry.ref));
  for (const connector of file.connectors) {
    const settings = { ...connector.settings, ...secretValues(connector, env) };
    const systemId = lookup(resolved.systems, connector.system);
    if (plan.connectors.added.includes(connector.ref)) {
      const created = await connectors.createConnector(ctx, scope, {
        name: connector.name,
        kind: connector.kind,
        systemId,
        settings: settings as Record<string, string | number | boolean | null>,
      });
      ids.connectorIds.set(connector.ref, created.id);
    } else if (changed.has(connector.ref) || Object.keys(secretValues(connector, env)).length > 0) {
      await connectors.updateConnector(ctx, scope, idOf(ids.connectorIds, connector.ref), {
        name: connector.name,
        systemId,
        settings: settings as Record<string, string | number | boolean | null>,
      });
    }
  }
}

async function applyRecordTypes(
  ctx: AppContext,
  scope: OrgScope,
  file: TRetentionFile,
  plan: TRetentionPlan,
  ids: Ids,
) {
  const changed = new Map(plan.recordTypes.changed.map((entry) => [entry.ref, entry.changes]));
  for (const recordType of file.recordTypes) {
    const connectorId = idOf(ids.connectorIds, recordType.connector);
    if (plan.recordTypes.added.includes(recordType.ref)) {
      const input = { name: recordType.name, definition: recordType.definition };
      const created = await connectors.createRecordType(ctx, scope, connectorId, input);
      ids.recordTypeIds.set(recordType.ref, created.id);
    } else if (changed.has(recordType.ref)) {
      const input = { name: recordType.name, definition: recordType.definition };
      await connectors.updateRecordType(ctx, scope, connectorId, idOf(ids.recordTypeIds, recordType.ref), input);
    }
  }
}

/** A file policy as the policy service takes it; the policy's legal holds (not in files) are kept. */
function policyInput(policy: TFilePolicy, ids: Ids, resolved: Resolved, legalHolds: THoldInput[]) {
  const { action } = policy;
  return ZCreatePolicyRequest.parse({
    name: policy.name,
    recordTypeId: idOf(ids.recordTypeIds, policy.recordType),
    activityId: lookup(resolved.activities, policy.activity),
    startEvent: policy.startEvent,
    period: policy.period,
    legalReference: policy.legalReference,
    action:
      action.kind === 'archive'
        ? {
            kind: 'archive',
            targetRecordTypeId: idOf(ids.recordTypeIds, action.targetRecordType),
            fieldMapping: action.fieldMapping,
          }
        : action,
    holds: [...policy.holds, ...legalHolds],
    schedule: policy.schedule,
    ownerUserId: lookup(resolved.owners, policy.owner),
    marginPercent: policy.marginPercent,
  });
}

const legalHoldsOf = (policy: TPolicy | undefined): THoldInput[] =>
  (policy?.holds ?? []).flatMap(({ id: _id, ...hold }) => (hold.kind === 'condition' ? [] : [hold as THoldInput]));

/** The policy request field each file field is saved as (`isPaused` is a status change, not a field). */
const REQUEST_FIELD: Partial<Record<keyof TFilePolicy, keyof TUpdatePolicyRequest>> = {
  name: 'name',
  recordType: 'recordTypeId',
  activity: 'activityId',
  startEvent: 'startEvent',
  period: 'period',
  legalReference: 'legalReference',
  action: 'action',
  holds: 'holds',
  schedule: 'schedule',
  owner: 'ownerUserId',
  marginPercent: 'marginPercent',
};

/**
 * Only the fields the plan changes, so the policy service decides as for any edit whether an approval still holds
 * (a margin or owner change keeps it) and audits just those fields.
 */
function changedPolicyFields(full: TUpdatePolicyRequest, changes: readonly TFieldChange[]): TUpdatePolicyRequest {
  const fields = new Set(
    changes.flatMap((change) => {
      const field = REQUEST_FIELD[change.path.split('.')[0] as keyof TFilePolicy];
      return field ? [field] : [];
    }),
  );
  return Object.fromEntries(Object.entries(full).filter(([field]) => fields.has(field as keyof TUpdatePolicyRequest)));
}

async function applyPolicies(
  ctx: AppContext,
  scope: OrgScope,
  file: TRetentionFile,
  plan: TRetentionPlan,
  ids: Ids,
  resolved: Resolved,
) {
  const changed = new Map(plan.policies.changed.map((entry) => [entry.ref, entry.changes]));
  for (const policy of file.policies) {
    const existing = ids.policies.get(policy.ref);
    const changes = changed.get(policy.ref);
    let saved: TPolicy | undefined;
    if (plan.policies.added.includes(policy.ref)) {
      saved = await createPolicy(ctx, scope, policyInput(policy, ids, resolved, []));
    } else if (changes && existing) {
      const full = policyInput(policy, ids, resolved, legalHoldsOf(existing));
      const input = changedPolicyFields(full, changes);
      saved = Object.keys(input).length > 0 ? await updatePolicy(ctx, scope, existing.id, input) : existing;
    }
    // Never activates: a paused file entry pauses the policy, an unpaused one leaves its status alone.
    if (saved && policy.isPaused && saved.status !== 'paused') await changePolicyStatus(ctx, scope, saved.id, 'paused');
  }
}

/** A connector's kind and a record type's connector cannot change in place: refused before anything changes. */
function assertChangeable(file: TRetentionFile, plan: TRetentionPlan) {
  const errors: FieldError[] = [];
  for (const { ref, changes } of plan.connectors.changed) {
    if (changes.some((change) => change.path === 'kind'))
      errors.push({
        path: `connectors.${file.connectors.findIndex((entry) => entry.ref === ref)}.kind`,
        code: 'invalid_value',
      });
  }
  for (const { ref, changes } of plan.recordTypes.changed) {
    if (changes.some((change) => change.path === 'connector')) {
      const index = file.recordTypes.findIndex((entry) => entry.ref === ref);
      errors.push({ path: `recordTypes.${index}.connector`, code: 'invalid_value' });
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
}

async function applyRemovals(
  ctx: AppContext,
  scope: OrgScope,
  plan: TRetentionPlan,
  ids: Ids,
  current: TRetentionFile,
) {
  for (const ref of plan.policies.removed) {
    const policy = ids.policies.get(ref);
    if (policy) await deletePolicy(ctx, scope, policy.id);
  }
  const removedConnectors = new Set(plan.connectors.removed);
  for (const ref of plan.recordTypes.removed) {
    const recordType = current.recordTypes.find((entry) => entry.ref === ref);
    if (!recordType || removedConnectors.has(recordType.connector)) continue;
    await connectors.deleteRecordType(
      ctx,
      scope,
      idOf(ids.connectorIds, recordType.connector),
      idOf(ids.recordTypeIds, ref),
    );
  }
  for (const ref of plan.connectors.removed) await connectors.deleteConnector(ctx, scope, idOf(ids.connectorIds, ref));
}

/**
 * Applies a checked file to an organisation through the services (each change audited by them with the scope's
 * actor): creates and changes connectors, record types, then policies; removes policies, record types, then
 * connectors. Names and new connectors' secrets are checked before anything changes. Never activates a policy.
 */
export async function applyRetentionFile(
  ctx: AppContext,
  scope: OrgScope,
  organisationSlug: string,
  desired: TRetentionFile,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RetentionApply> {
  const { current, plan } = await planRetentionFile(ctx, scope, organisationSlug, desired);
  const resolved = await resolveNames(ctx, scope, desired);
  assertChangeable(desired, plan);
  assertNewSecretsSet(desired, plan, env);
  const ids = await idsByRef(ctx, scope, current);
  await applyConnectors(ctx, scope, desired, plan, ids, resolved, env);
  await applyRecordTypes(ctx, scope, desired, plan, ids);
  await applyPolicies(ctx, scope, desired, plan, ids, resolved);
  await applyRemovals(ctx, scope, plan, ids, current);
  return { current, plan };
}

/** Names in a file checked against the organisation, for the plan (an unknown name stops an apply). */
export async function checkRetentionFileNames(ctx: AppContext, scope: OrgScope, desired: TRetentionFile) {
  await resolveNames(ctx, scope, desired);
}
