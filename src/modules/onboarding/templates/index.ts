import { freelancerTemplate } from './freelancer.ts';
import { ictProviderTemplate } from './ict-provider.ts';
import type { RegisterTemplate } from './types.ts';
import { webshopTemplate } from './webshop.ts';

export const TEMPLATES: readonly RegisterTemplate[] = [ictProviderTemplate, freelancerTemplate, webshopTemplate];

export function findTemplate(id: string): RegisterTemplate | undefined {
  return TEMPLATES.find((template) => template.id === id);
}

export {
  type Blueprint,
  blueprintOf,
  categoryKeysOf,
  type ExistingRegister,
  planBlueprint,
  type RegisterPlan,
  withConfirmedSecurity,
} from './blueprint.ts';
export { composeGuidedStart, type GuidedStartAnswers } from './guided-start.ts';
export type { RegisterTemplate, TemplateActivity, TemplateSystem, Text } from './types.ts';
