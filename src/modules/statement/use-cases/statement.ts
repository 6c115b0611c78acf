/**
 * The privacy statement: generated from the register with the user's own texts beside it, checked against Art. 13
 * and 14, published as frozen versions (the public page shows the current one), compared and exported.
 */
import { createHash } from 'node:crypto';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { retryOnUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as organisations from '../../organisations/service.ts';
import { documentDate } from '../../register-io/export/pdf-text.ts';
import { loadSnapshot } from '../../register-io/service.ts';
import { statementChecklist } from '../checklist.ts';
import type { TSaveOwnTexts, TStatementDraft, TStatementVersion } from '../contract.ts';
import {
  composeStatement,
  diffLines,
  generateStatement,
  type OwnTexts,
  registerInputText,
  type StatementDocument,
  type StatementInput,
  statementLines,
} from '../rules.ts';
import * as store from '../store.ts';
import { word } from '../wording.ts';

const EMPTY_TEXTS: OwnTexts = { introduction: { nl: '', en: '' }, cookies: { nl: '', en: '' } };

function ownTextsOf(row: store.OwnTextsRow | null): OwnTexts {
  if (!row) return EMPTY_TEXTS;
  return {
    introduction: { nl: row.introductionNl, en: row.introductionEn },
    cookies: { nl: row.cookiesNl, en: row.cookiesEn },
  };
}

const publicPageUrl = (ctx: AppContext, slug: string, page: 'privacy' | 'request') =>
  `${ctx.config.publicUrl}/p/${encodeURIComponent(slug)}/${page}`;

function headOf(row: store.VersionHeadRow) {
  return { id: row.id, version: row.version, publishedAt: row.publishedAt.toISOString(), publishedBy: row.publishedBy };
}

interface Generated {
  input: StatementInput;
  generated: Record<Locale, StatementDocument>;
  hash: string;
}

async function generate(ctx: AppContext, scope: OrgScope): Promise<Generated> {
  const snapshot = await loadSnapshot(ctx, scope, 'nl');
  const input: StatementInput = {
    ...snapshot,
    requestPageUrl: publicPageUrl(ctx, snapshot.organisation.slug, 'request'),
  };
  const generated = { nl: generateStatement(input, 'nl'), en: generateStatement(input, 'en') };
  return { input, generated, hash: createHash('sha256').update(registerInputText(generated)).digest('hex') };
}

function composed(generated: Record<Locale, StatementDocument>, own: OwnTexts): Record<Locale, StatementDocument> {
  return { nl: composeStatement(generated.nl, own), en: composeStatement(generated.en, own) };
}

export async function getDraft(ctx: AppContext, scope: OrgScope, locale: Locale): Promise<TStatementDraft> {
  const [{ input, generated, hash }, ownRow, published] = await Promise.all([
    generate(ctx, scope),
    store.findOwnTexts(ctx.db, scope.orgId),
    store.latestVersion(ctx.db, scope.orgId),
  ]);
  const ownTexts = ownTextsOf(ownRow);
  return {
    content: composed(generated, ownTexts),
    checklist: statementChecklist(input, locale),
    ownTexts,
    published: published ? headOf(published) : null,
    isOutOfDate: published !== null && published.registerHash !== hash,
    publicUrl: publicPageUrl(ctx, input.organisation.slug, 'privacy'),
  };
}

/** Whether a statement is published and still says what the register says (the dashboard's flag). */
export async function getStatus(ctx: AppContext, scope: OrgScope) {
  const published = await store.latestVersion(ctx.db, scope.orgId);
  if (!published) return { published: null, isOutOfDate: false };
  const { hash } = await generate(ctx, scope);
  return { published: headOf(published), isOutOfDate: published.registerHash !== hash };
}

export async function saveOwnTexts(ctx: AppContext, scope: OrgScope, texts: TSaveOwnTexts): Promise<OwnTexts> {
  const organisation = await organisations.getOrganisation(ctx, scope);
  await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    await store.saveOwnTexts(
      tx,
      scope.orgId,
      {
        introductionNl: texts.introduction.nl,
        introductionEn: texts.introduction.en,
        cookiesNl: texts.cookies.nl,
        cookiesEn: texts.cookies.en,
      },
      now,
    );
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'privacy_statement.texts_updated',
      target: { type: 'privacy_statement', id: scope.orgId, name: organisation.name },
    });
  });
  return texts;
}

/** Freezes the statement as it stands now as the next version; the public page shows it from now on. */
export async function publish(ctx: AppContext, scope: OrgScope) {
  const [{ input, generated, hash }, ownRow] = await Promise.all([
    generate(ctx, scope),
    store.findOwnTexts(ctx.db, scope.orgId),
  ]);
  const content = composed(generated, ownTextsOf(ownRow));
  const publishedBy = scope.actor.type === 'user' ? scope.actor.id : null;
  const version = await retryOnUniqueViolation(() =>
    inTransaction(ctx.db, async (tx) => {
      const now = ctx.clock.now();
      const number = await store.nextVersionNumber(tx, scope.orgId);
      const id = await store.insertVersion(tx, {
        orgId: scope.orgId,
        version: number,
        publishedAt: now,
        publishedBy,
        contentNl: content.nl,
        contentEn: content.en,
        registerHash: hash,
      });
      await recordAudit(tx, now, {
        orgId: scope.orgId,
        actor: scope.actor,
        action: 'privacy_statement.published',
        target: { type: 'privacy_statement', id: scope.orgId, name: input.organisation.name },
        data: { version: number },
      });
      return { id, version: number, publishedAt: now.toISOString(), publishedBy };
    }),
  );
  return version;
}

export async function listVersions(ctx: AppContext, scope: OrgScope) {
  return { items: (await store.listVersions(ctx.db, scope.orgId)).map(headOf) };
}

function presentVersion(row: store.VersionRow | null): TStatementVersion {
  if (!row) throw notFound('statement_version_not_found');
  return { ...headOf(row), content: { nl: row.contentNl, en: row.contentEn } };
}

async function versionOf(ctx: AppContext, orgId: string, version: number): Promise<TStatementVersion> {
  return presentVersion(await store.findVersion(ctx.db, orgId, version));
}

export async function getVersion(ctx: AppContext, scope: OrgScope, versionId: string): Promise<TStatementVersion> {
  return presentVersion(await store.findVersionById(ctx.db, scope.orgId, versionId));
}

export async function diffVersions(
  ctx: AppContext,
  scope: OrgScope,
  query: { from: number; to: number; language: Locale },
) {
  const [from, to] = await Promise.all([
    versionOf(ctx, scope.orgId, query.from),
    versionOf(ctx, scope.orgId, query.to),
  ]);
  const lines = diffLines(statementLines(from.content[query.language]), statementLines(to.content[query.language]));
  return { from: query.from, to: query.to, language: query.language, lines };
}

/** The document to export and the line under its title: a published version, or the draft as it stands. */
export async function documentToExport(
  ctx: AppContext,
  scope: OrgScope,
  query: { language: Locale; version?: number | undefined },
): Promise<{ document: StatementDocument; subtitle: string; fileName: string }> {
  const locale = query.language;
  if (query.version !== undefined) {
    const version = await versionOf(ctx, scope.orgId, query.version);
    const date = documentDate(calendarDateIn(new Date(version.publishedAt)), locale);
    return {
      document: version.content[locale],
      subtitle: word(locale, 'versionLine', { version: String(version.version), date }),
      fileName: `privacy-statement-v${version.version}-${locale}`,
    };
  }
  const draft = await getDraft(ctx, scope, locale);
  return {
    document: draft.content[locale],
    subtitle: word(locale, 'draftLine', { date: documentDate(calendarDateIn(ctx.clock.now()), locale) }),
    fileName: `privacy-statement-draft-${locale}`,
  };
}

/** The public page: the current version, or an earlier one; 404 when nothing is published. */
export async function getPublicStatement(ctx: AppContext, slug: string, query: { version?: number | undefined }) {
  const org = await organisations.organisationByRef(ctx, slug);
  if (!org || org.slug !== slug) throw notFound('statement_not_published');
  const versions = await store.listVersions(ctx.db, org.id);
  const current = versions[0];
  if (!current) throw notFound('statement_not_published');
  const {
    id: _id,
    publishedBy: _publishedBy,
    ...version
  } = await versionOf(ctx, org.id, query.version ?? current.version);
  return {
    organisation: { slug: org.slug, name: org.name, defaultLocale: org.defaultLocale === 'en' ? 'en' : 'nl' } as const,
    version,
    versions: versions.map((row) => ({ version: row.version, publishedAt: row.publishedAt.toISOString() })),
    currentVersion: current.version,
  };
}
