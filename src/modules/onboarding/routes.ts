import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import {
  ZGuidedStartAnswers,
  ZPlanResult,
  ZRegisterPlan,
  ZTemplateId,
  ZTemplateList,
  ZTemplateQuery,
} from './contract.ts';
import * as onboarding from './service.ts';

const tags = ['Register: templates and guided start'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const templateParams = orgParams.extend({ templateId: ZTemplateId });
const write = { type: 'org', role: 'editor' } as const;

export function onboardingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/templates', {
      config: { access: { type: 'org', role: 'viewer' } },
      schema: {
        operationId: 'listTemplates',
        tags,
        summary: 'The sector templates (ICT service provider, freelance developer, webshop)',
        params: orgParams,
        response: { 200: ZTemplateList },
      },
      handler: async (request) => ({ templates: onboarding.listTemplates(request.locale) }),
    });
    app.post('/api/orgs/:org/templates/:templateId/preview', {
      config: { access: write },
      schema: {
        operationId: 'previewTemplate',
        tags,
        summary: 'What applying the template would add; existing entries are skipped, nothing is written',
        params: templateParams,
        querystring: ZTemplateQuery,
        response: { 200: ZRegisterPlan },
      },
      handler: (request) =>
        onboarding.previewTemplate(ctx, scopeOf(request), request.params.templateId, request.query.locale),
    });
    app.post('/api/orgs/:org/templates/:templateId/apply', {
      config: { access: write },
      schema: {
        operationId: 'applyTemplate',
        tags,
        summary: 'Add the template to the register (never overwrites existing entries)',
        params: templateParams,
        querystring: ZTemplateQuery,
        response: { 200: ZPlanResult },
      },
      handler: (request) =>
        onboarding.applyTemplate(ctx, scopeOf(request), request.params.templateId, request.query.locale),
    });
    app.post('/api/orgs/:org/guided-start/preview', {
      config: { access: write },
      schema: {
        operationId: 'previewGuidedStart',
        tags,
        summary: 'The first register a few plain answers would build; nothing is written',
        params: orgParams,
        querystring: ZTemplateQuery,
        body: ZGuidedStartAnswers,
        response: { 200: ZRegisterPlan },
      },
      handler: (request) => onboarding.previewGuidedStart(ctx, scopeOf(request), request.body, request.query.locale),
    });
    app.post('/api/orgs/:org/guided-start/apply', {
      config: { access: write },
      schema: {
        operationId: 'applyGuidedStart',
        tags,
        summary: 'Build the first register from the answers',
        params: orgParams,
        querystring: ZTemplateQuery,
        body: ZGuidedStartAnswers,
        response: { 200: ZPlanResult },
      },
      handler: (request) => onboarding.applyGuidedStart(ctx, scopeOf(request), request.body, request.query.locale),
    });
  };
}
