import type { z } from 'zod';
import type {
  TRegisterPlan,
  ZGuidedStartAnswers,
  ZPlanResult,
  ZTemplateId,
  ZTemplateList,
  ZTemplateSummary,
} from '../../../src/modules/onboarding/contract.ts';
import { http, withQuery } from './http.ts';

export type { TRegisterPlan } from '../../../src/modules/onboarding/contract.ts';
export type TTemplateId = z.infer<typeof ZTemplateId>;
export type TTemplateSummary = z.infer<typeof ZTemplateSummary>;
export type TGuidedStartInput = z.input<typeof ZGuidedStartAnswers>;
export type TPlanResult = z.infer<typeof ZPlanResult>;
export type TPlanEntity = keyof TRegisterPlan;

/** The plan's entities in the order a person reads a register: categories first, activities last. */
export const PLAN_ENTITIES: readonly TPlanEntity[] = [
  'dataCategories',
  'subjectCategories',
  'vendors',
  'systems',
  'activities',
];

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}`;
const template = (ref: string, id: TTemplateId) => `${org(ref)}/templates/${encodeURIComponent(id)}`;
type Locale = 'nl' | 'en';

export const onboardingApi = {
  templates: async (ref: string) => (await http.get<z.infer<typeof ZTemplateList>>(`${org(ref)}/templates`)).templates,
  previewTemplate: (ref: string, id: TTemplateId, locale?: Locale) =>
    http.post<TRegisterPlan>(withQuery(`${template(ref, id)}/preview`, { locale })),
  applyTemplate: (ref: string, id: TTemplateId, locale?: Locale) =>
    http.post<TPlanResult>(withQuery(`${template(ref, id)}/apply`, { locale })),
  previewGuidedStart: (ref: string, answers: TGuidedStartInput, locale?: Locale) =>
    http.post<TRegisterPlan>(withQuery(`${org(ref)}/guided-start/preview`, { locale }), answers),
  applyGuidedStart: (ref: string, answers: TGuidedStartInput, locale?: Locale) =>
    http.post<TPlanResult>(withQuery(`${org(ref)}/guided-start/apply`, { locale }), answers),
};
