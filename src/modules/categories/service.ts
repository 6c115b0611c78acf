import { changedFields, pick } from '../../platform/audit/changes.ts';
import { recordAudit } from '../../platform/audit/writer.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { assertOwnedByOrg } from '../../platform/db/ownership.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import type {
  TCreateDataCategoryRequest,
  TCreateSubjectCategoryRequest,
  TDataCategory,
  TListCategoriesQuery,
  TSubjectCategory,
  TUpdateDataCategoryRequest,
  TUpdateSubjectCategoryRequest,
} from './contract.ts';
import { DEFAULT_DATA_CATEGORIES, DEFAULT_SUBJECT_CATEGORIES } from './defaults.ts';
import { auditName, bothNames, canDelete, keyFromName, nextFreeKey } from './rules.ts';
import * as store from './store.ts';
import { dataCategories, subjectCategories } from './tables.ts';
import * as usage from './usage.ts';

function presentDataCategory({
  row,
  usage,
}: {
  row: store.DataCategoryRow;
  usage: { systems: number; activities: number };
}): TDataCategory {
  const { orgId: _orgId, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = row;
  return { ...fields, usage };
}

function presentSubjectCategory({
  row,
  usage,
}: {
  row: store.SubjectCategoryRow;
  usage: { activities: number };
}): TSubjectCategory {
  const { orgId: _orgId, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = row;
  return { ...fields, usage };
}

/** The default categories' names by key, for previews of what a template would add. */
export function defaultCategoryNames() {
  return {
    data: new Map(
      DEFAULT_DATA_CATEGORIES.map((category) => [category.key, { nameNl: category.nl, nameEn: category.en }]),
    ),
    subject: new Map(
      DEFAULT_SUBJECT_CATEGORIES.map((category) => [category.key, { nameNl: category.nl, nameEn: category.en }]),
    ),
  };
}

/** Gives a new organisation the default categories (see defaults.ts); keys that exist already are left alone. */
export async function seedDefaultCategories(tx: Database, orgId: string): Promise<void> {
  await store.insertDataCategories(
    tx,
    DEFAULT_DATA_CATEGORIES.map((category) => ({
      orgId,
      key: category.key,
      nameNl: category.nl,
      nameEn: category.en,
      ...category.flags,
    })),
  );
  await store.insertSubjectCategories(
    tx,
    DEFAULT_SUBJECT_CATEGORIES.map((category) => ({
      orgId,
      key: category.key,
      nameNl: category.nl,
      nameEn: category.en,
      isVulnerable: category.isVulnerable ?? false,
    })),
  );
}

/**
 * Makes sure the default categories with these keys exist (re-adding one an organisation deleted) and returns the
 * ids of all the organisation's categories by key: what a template or the guided start links to.
 */
export async function ensureDefaultCategories(
  tx: Database,
  orgId: string,
  keys: { dataKeys: string[]; subjectKeys: string[] },
) {
  const wantedData = DEFAULT_DATA_CATEGORIES.filter((category) => keys.dataKeys.includes(category.key));
  const wantedSubjects = DEFAULT_SUBJECT_CATEGORIES.filter((category) => keys.subjectKeys.includes(category.key));
  const createdData = await store.insertDataCategories(
    tx,
    wantedData.map((category) => ({
      orgId,
      key: category.key,
      nameNl: category.nl,
      nameEn: category.en,
      ...category.flags,
    })),
  );
  const createdSubjects = await store.insertSubjectCategories(
    tx,
    wantedSubjects.map((category) => ({
      orgId,
      key: category.key,
      nameNl: category.nl,
      nameEn: category.en,
      isVulnerable: category.isVulnerable ?? false,
    })),
  );
  const dataIds = new Map((await store.allDataCategories(tx, orgId)).map((row) => [row.key, row.id]));
  const subjectIds = new Map((await store.allSubjectCategories(tx, orgId)).map((row) => [row.key, row.id]));
  return {
    dataIds,
    subjectIds,
    created: { dataCategories: createdData.length, subjectCategories: createdSubjects.length },
  };
}

export async function listDataCategories(
  ctx: AppContext,
  scope: OrgScope,
  query: TListCategoriesQuery,
  locale: Locale,
) {
  const page = await store.listDataCategories(ctx.db, scope.orgId, { ...query, locale });
  return { items: page.items.map(presentDataCategory), total: page.total };
}

export async function listSubjectCategories(
  ctx: AppContext,
  scope: OrgScope,
  query: TListCategoriesQuery,
  locale: Locale,
) {
  const page = await store.listSubjectCategories(ctx.db, scope.orgId, { ...query, locale });
  return { items: page.items.map(presentSubjectCategory), total: page.total };
}

export async function getDataCategory(ctx: AppContext, scope: OrgScope, id: string): Promise<TDataCategory> {
  const found = await store.findDataCategory(ctx.db, scope.orgId, id);
  if (!found) throw notFound('data_category_not_found');
  return presentDataCategory(found);
}

export async function getSubjectCategory(ctx: AppContext, scope: OrgScope, id: string): Promise<TSubjectCategory> {
  const found = await store.findSubjectCategory(ctx.db, scope.orgId, id);
  if (!found) throw notFound('subject_category_not_found');
  return presentSubjectCategory(found);
}

/** Inserts a data category inside the caller's transaction (also used by templates and imports). */
export async function insertDataCategory(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  input: TCreateDataCategoryRequest,
) {
  const names = bothNames(input);
  const key = nextFreeKey(keyFromName(names.nameNl), await store.dataCategoryKeys(tx, scope.orgId));
  const [row] = await store.insertDataCategories(tx, [{ ...input, ...names, orgId: scope.orgId, key }]);
  if (!row) throw conflict('category_exists');
  await recordAudit(tx, ctx.clock.now(), {
    orgId: scope.orgId,
    actor: scope.actor,
    action: 'data_category.created',
    target: { type: 'data_category', id: row.id, name: auditName(row) },
    data: { key },
  });
  await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { dataCategoryIds: [row.id] } });
  return row;
}

export async function insertSubjectCategory(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  input: TCreateSubjectCategoryRequest,
) {
  const names = bothNames(input);
  const key = nextFreeKey(keyFromName(names.nameNl), await store.subjectCategoryKeys(tx, scope.orgId));
  const [row] = await store.insertSubjectCategories(tx, [{ ...input, ...names, orgId: scope.orgId, key }]);
  if (!row) throw conflict('category_exists');
  await recordAudit(tx, ctx.clock.now(), {
    orgId: scope.orgId,
    actor: scope.actor,
    action: 'subject_category.created',
    target: { type: 'subject_category', id: row.id, name: auditName(row) },
    data: { key },
  });
  await ctx.hooks.emit('register.inputs_changed', tx, {
    orgId: scope.orgId,
    changed: { subjectCategoryIds: [row.id] },
  });
  return row;
}

export async function createDataCategory(ctx: AppContext, scope: OrgScope, input: TCreateDataCategoryRequest) {
  const row = await inTransaction(ctx.db, (tx) => insertDataCategory(ctx, tx, scope, input));
  return getDataCategory(ctx, scope, row.id);
}

export async function createSubjectCategory(ctx: AppContext, scope: OrgScope, input: TCreateSubjectCategoryRequest) {
  const row = await inTransaction(ctx.db, (tx) => insertSubjectCategory(ctx, tx, scope, input));
  return getSubjectCategory(ctx, scope, row.id);
}

export async function updateDataCategory(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: TUpdateDataCategoryRequest,
) {
  await inTransaction(ctx.db, async (tx) => {
    const found = await store.findDataCategory(tx, scope.orgId, id);
    if (!found) throw notFound('data_category_not_found');
    const fields = changedFields(pick(found.row, Object.keys(input) as (keyof typeof input)[]), input);
    if (fields.length === 0) return;
    const now = ctx.clock.now();
    await store.updateDataCategory(tx, scope.orgId, id, { ...input, updatedAt: now });
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'data_category.updated',
      target: { type: 'data_category', id, name: auditName({ ...found.row, ...input }) },
      data: { fields },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { dataCategoryIds: [id] } });
  });
  return getDataCategory(ctx, scope, id);
}

export async function updateSubjectCategory(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: TUpdateSubjectCategoryRequest,
) {
  await inTransaction(ctx.db, async (tx) => {
    const found = await store.findSubjectCategory(tx, scope.orgId, id);
    if (!found) throw notFound('subject_category_not_found');
    const fields = changedFields(pick(found.row, Object.keys(input) as (keyof typeof input)[]), input);
    if (fields.length === 0) return;
    const now = ctx.clock.now();
    await store.updateSubjectCategory(tx, scope.orgId, id, { ...input, updatedAt: now });
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'subject_category.updated',
      target: { type: 'subject_category', id, name: auditName({ ...found.row, ...input }) },
      data: { fields },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { subjectCategoryIds: [id] } });
  });
  return getSubjectCategory(ctx, scope, id);
}

/** Deletes an unused category; one in use must be archived instead (409 `category_in_use`). */
export async function deleteDataCategory(ctx: AppContext, scope: OrgScope, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const found = await store.findDataCategory(tx, scope.orgId, id);
    if (!found) throw notFound('data_category_not_found');
    if (!canDelete(found.references)) throw conflict('category_in_use');
    await store.deleteDataCategory(tx, scope.orgId, id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'data_category.deleted',
      target: { type: 'data_category', id, name: auditName(found.row) },
      data: { key: found.row.key },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { dataCategoryIds: [id] } });
  });
}

export async function deleteSubjectCategory(ctx: AppContext, scope: OrgScope, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const found = await store.findSubjectCategory(tx, scope.orgId, id);
    if (!found) throw notFound('subject_category_not_found');
    if (!canDelete(found.references)) throw conflict('category_in_use');
    await store.deleteSubjectCategory(tx, scope.orgId, id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'subject_category.deleted',
      target: { type: 'subject_category', id, name: auditName(found.row) },
      data: { key: found.row.key },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { subjectCategoryIds: [id] } });
  });
}

/** Refuses ids that are not this organisation's data categories (field error `unknown_reference`). */
export function assertDataCategoriesOfOrg(
  tx: Database,
  orgId: string,
  ids: readonly string[],
  path = 'dataCategoryIds',
) {
  return assertOwnedByOrg(
    tx,
    { table: dataCategories, id: dataCategories.id, orgId: dataCategories.orgId },
    orgId,
    ids,
    path,
  );
}

export function assertSubjectCategoriesOfOrg(
  tx: Database,
  orgId: string,
  ids: readonly string[],
  path = 'subjectCategoryIds',
) {
  return assertOwnedByOrg(
    tx,
    { table: subjectCategories, id: subjectCategories.id, orgId: subjectCategories.orgId },
    orgId,
    ids,
    path,
  );
}

/** Which systems and activities use each data category: the definition every page that counts them shares. */
export const dataCategoryUse = (db: Database, orgId: string) => usage.dataCategoryUse(db, orgId);

export const allDataCategories = (db: Database, orgId: string) => store.allDataCategories(db, orgId);
export const allSubjectCategories = (db: Database, orgId: string) => store.allSubjectCategories(db, orgId);
