import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import {
  ZCreateVendorRequest,
  ZListVendorsQuery,
  ZRetireVendorRequest,
  ZUpdateVendorRequest,
  ZVendor,
  ZVendorPage,
} from './contract.ts';
import * as vendors from './service.ts';

const tags = ['Register: vendors'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const vendorParams = orgParams.extend({ vendorId: z.uuid() });
const read = { type: 'org', role: 'viewer' } as const;
const write = { type: 'org', role: 'editor' } as const;

export function vendorRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/vendors', {
      config: { access: read },
      schema: {
        operationId: 'listVendors',
        tags,
        summary: 'Vendors: search by name or service, filter by kind, status, country or a missing transfer safeguard',
        params: orgParams,
        querystring: ZListVendorsQuery,
        response: { 200: ZVendorPage },
      },
      handler: (request) => vendors.listVendors(ctx, scopeOf(request), request.query),
    });
    app.post('/api/orgs/:org/vendors', {
      config: { access: write },
      schema: {
        operationId: 'createVendor',
        tags,
        summary: 'Add a vendor',
        params: orgParams,
        body: ZCreateVendorRequest,
        response: { 201: ZVendor },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await vendors.createVendor(ctx, scopeOf(request), request.body)),
    });
    app.get('/api/orgs/:org/vendors/:vendorId', {
      config: { access: read },
      schema: { operationId: 'getVendor', tags, summary: 'A vendor', params: vendorParams, response: { 200: ZVendor } },
      handler: (request) => vendors.getVendor(ctx, scopeOf(request), request.params.vendorId),
    });
    app.patch('/api/orgs/:org/vendors/:vendorId', {
      config: { access: write },
      schema: {
        operationId: 'updateVendor',
        tags,
        summary: 'Change a vendor (certifications, when given, replace the recorded ones)',
        params: vendorParams,
        body: ZUpdateVendorRequest,
        response: { 200: ZVendor },
      },
      handler: (request) => vendors.updateVendor(ctx, scopeOf(request), request.params.vendorId, request.body),
    });
    app.post('/api/orgs/:org/vendors/:vendorId/retire', {
      config: { access: write },
      schema: {
        operationId: 'retireVendor',
        tags,
        summary: 'Retire a vendor (today unless a day is given); it stays in the history',
        params: vendorParams,
        body: ZRetireVendorRequest.default({}),
        response: { 200: ZVendor },
      },
      handler: (request) => vendors.retireVendor(ctx, scopeOf(request), request.params.vendorId, request.body),
    });
    app.delete('/api/orgs/:org/vendors/:vendorId', {
      config: { access: write },
      schema: {
        operationId: 'deleteVendor',
        tags,
        summary: 'Delete a vendor nothing refers to (retire one in use)',
        params: vendorParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await vendors.deleteVendor(ctx, scopeOf(request), request.params.vendorId);
        return reply.status(204).send(null);
      },
    });
  };
}
