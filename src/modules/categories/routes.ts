import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import {
  ZCreateDataCategoryRequest,
  ZCreateSubjectCategoryRequest,
  ZDataCategory,
  ZDataCategoryPage,
  ZListCategoriesQuery,
  ZSubjectCategory,
  ZSubjectCategoryPage,
  ZUpdateDataCategoryRequest,
  ZUpdateSubjectCategoryRequest,
} from './contract.ts';
import * as categories from './service.ts';

const tags = ['Register: categories'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const dataCategoryParams = orgParams.extend({ dataCategoryId: z.uuid() });
const subjectCategoryParams = orgParams.extend({ subjectCategoryId: z.uuid() });
const read = { type: 'org', role: 'viewer' } as const;
const write = { type: 'org', role: 'editor' } as const;

export function categoryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/data-categories', {
      config: { access: read },
      schema: {
        operationId: 'listDataCategories',
        tags,
        summary: 'Data categories, with how many systems and activities use each',
        params: orgParams,
        querystring: ZListCategoriesQuery,
        response: { 200: ZDataCategoryPage },
      },
      handler: (request) => categories.listDataCategories(ctx, scopeOf(request), request.query, request.locale),
    });
    app.post('/api/orgs/:org/data-categories', {
      config: { access: write },
      schema: {
        operationId: 'createDataCategory',
        tags,
        summary: 'Add a data category',
        params: orgParams,
        body: ZCreateDataCategoryRequest,
        response: { 201: ZDataCategory },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await categories.createDataCategory(ctx, scopeOf(request), request.body)),
    });
    app.get('/api/orgs/:org/data-categories/:dataCategoryId', {
      config: { access: read },
      schema: {
        operationId: 'getDataCategory',
        tags,
        summary: 'A data category',
        params: dataCategoryParams,
        response: { 200: ZDataCategory },
      },
      handler: (request) => categories.getDataCategory(ctx, scopeOf(request), request.params.dataCategoryId),
    });
    app.patch('/api/orgs/:org/data-categories/:dataCategoryId', {
      config: { access: write },
      schema: {
        operationId: 'updateDataCategory',
        tags,
        summary: 'Rename, flag or archive a data category',
        params: dataCategoryParams,
        body: ZUpdateDataCategoryRequest,
        response: { 200: ZDataCategory },
      },
      handler: (request) =>
        categories.updateDataCategory(ctx, scopeOf(request), request.params.dataCategoryId, request.body),
    });
    app.delete('/api/orgs/:org/data-categories/:dataCategoryId', {
      config: { access: write },
      schema: {
        operationId: 'deleteDataCategory',
        tags,
        summary: 'Delete an unused data category (archive one in use)',
        params: dataCategoryParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await categories.deleteDataCategory(ctx, scopeOf(request), request.params.dataCategoryId);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/orgs/:org/subject-categories', {
      config: { access: read },
      schema: {
        operationId: 'listSubjectCategories',
        tags,
        summary: 'Categories of data subjects, with how many activities concern each',
        params: orgParams,
        querystring: ZListCategoriesQuery,
        response: { 200: ZSubjectCategoryPage },
      },
      handler: (request) => categories.listSubjectCategories(ctx, scopeOf(request), request.query, request.locale),
    });
    app.post('/api/orgs/:org/subject-categories', {
      config: { access: write },
      schema: {
        operationId: 'createSubjectCategory',
        tags,
        summary: 'Add a category of data subjects',
        params: orgParams,
        body: ZCreateSubjectCategoryRequest,
        response: { 201: ZSubjectCategory },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await categories.createSubjectCategory(ctx, scopeOf(request), request.body)),
    });
    app.get('/api/orgs/:org/subject-categories/:subjectCategoryId', {
      config: { access: read },
      schema: {
        operationId: 'getSubjectCategory',
        tags,
        summary: 'A category of data subjects',
        params: subjectCategoryParams,
        response: { 200: ZSubjectCategory },
      },
      handler: (request) => categories.getSubjectCategory(ctx, scopeOf(request), request.params.subjectCategoryId),
    });
    app.patch('/api/orgs/:org/subject-categories/:subjectCategoryId', {
      config: { access: write },
      schema: {
        operationId: 'updateSubjectCategory',
        tags,
        summary: 'Rename, flag or archive a category of data subjects',
        params: subjectCategoryParams,
        body: ZUpdateSubjectCategoryRequest,
        response: { 200: ZSubjectCategory },
      },
      handler: (request) =>
        categories.updateSubjectCategory(ctx, scopeOf(request), request.params.subjectCategoryId, request.body),
    });
    app.delete('/api/orgs/:org/subject-categories/:subjectCategoryId', {
      config: { access: write },
      schema: {
        operationId: 'deleteSubjectCategory',
        tags,
        summary: 'Delete an unused category of data subjects',
        params: subjectCategoryParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await categories.deleteSubjectCategory(ctx, scopeOf(request), request.params.subjectCategoryId);
        return reply.status(204).send(null);
      },
    });
  };
}
