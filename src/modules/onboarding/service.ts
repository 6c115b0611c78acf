import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { notFound } from '../../platform/errors.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import * as categories from '../categories/service.ts';
import * as organisations from '../organisations/service.ts';
import type { TGuidedStartAnswers } from './contract.ts';
import type { Blueprint, Locale } from './templates/blueprint.ts';
import { blueprintOf, composeGuidedStart, findTemplate, planBlueprint, TEMPLATES } from './templates/index.ts';
import { applyBlueprint } from './use-cases/apply-blueprint.ts';
import { existingRegister, type Named } from './use-cases/existing-register.ts';

/** The register's language: the organisation's default, unless the caller asks for another. */
async function registerLocale(ctx: AppContext, scope: OrgScope, requested: Locale | undefined): Promise<Locale> {
  if (requested) return requested;
  const org = await organisations.getOrganisation(ctx, scope);
  return org.defaultLocale;
}

function templateBlueprint(templateId: string): Blueprint {
  const template = findTemplate(templateId);
  if (!template) throw notFound('template_not_found');
  return blueprintOf(template);
}

export function listTemplates(locale: Locale) {
  return TEMPLATES.map((template) => ({
    id: template.id,
    name: template.name[locale],
    description: template.description[locale],
    counts: { activities: template.activities.length, systems: template.systems.length, vendors: 0 },
  }));
}

async function preview(ctx: AppContext, scope: OrgScope, blueprint: Blueprint, requested: Locale | undefined) {
  const locale = await registerLocale(ctx, scope, requested);
  const existing = await existingRegister(ctx.db, scope.orgId);
  const defaults = categories.defaultCategoryNames();
  const nameOf = (own: Map<string, Named>, fallback: Map<string, Named>) => (key: string) => {
    const named = own.get(key) ?? fallback.get(key);
    return named ? (locale === 'en' ? named.nameEn : named.nameNl) : key;
  };
  return planBlueprint(blueprint, existing, locale, {
    data: nameOf(existing.names.data, defaults.data),
    subject: nameOf(existing.names.subject, defaults.subject),
  });
}

async function apply(
  ctx: AppContext,
  scope: OrgScope,
  blueprint: Blueprint,
  requested: Locale | undefined,
  source: { kind: 'template' | 'guided_start'; id: string },
) {
  const locale = await registerLocale(ctx, scope, requested);
  const created = await inTransaction(ctx.db, (tx) => applyBlueprint(ctx, tx, scope, blueprint, locale, source));
  return { created };
}

/** What applying a template would add (and what it would leave alone because it exists); writes nothing. */
export function previewTemplate(ctx: AppContext, scope: OrgScope, templateId: string, locale?: Locale) {
  return preview(ctx, scope, templateBlueprint(templateId), locale);
}

/** Adds a template to the register; existing entries are never overwritten. */
export function applyTemplate(ctx: AppContext, scope: OrgScope, templateId: string, locale?: Locale) {
  return apply(ctx, scope, templateBlueprint(templateId), locale, { kind: 'template', id: templateId });
}

function guidedBlueprint(answers: TGuidedStartAnswers): Blueprint {
  return composeGuidedStart(answers);
}

export function previewGuidedStart(ctx: AppContext, scope: OrgScope, answers: TGuidedStartAnswers, locale?: Locale) {
  return preview(ctx, scope, guidedBlueprint(answers), locale);
}

export function applyGuidedStart(ctx: AppContext, scope: OrgScope, answers: TGuidedStartAnswers, locale?: Locale) {
  return apply(ctx, scope, guidedBlueprint(answers), locale, { kind: 'guided_start', id: answers.businessKind });
}

export type { Blueprint } from './templates/blueprint.ts';
export { blueprintOf, composeGuidedStart, findTemplate, withConfirmedSecurity } from './templates/index.ts';
/** For loaders that build a register inside their own transaction (demo data). */
export { applyBlueprint } from './use-cases/apply-blueprint.ts';
