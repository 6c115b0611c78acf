import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import {
  ZCreateLocationRequest,
  ZCreateSystemRequest,
  ZEeaStatus,
  ZEeaStatusQuery,
  ZListSystemsQuery,
  ZLocation,
  ZLocationList,
  ZLocationPage,
  ZLocationsOnQuery,
  ZSystem,
  ZSystemPage,
  ZUpdateLocationRequest,
  ZUpdateSystemRequest,
} from './contract.ts';
import * as inventory from './service.ts';

const tags = ['Register: systems and locations'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const systemParams = orgParams.extend({ systemId: z.uuid() });
const locationParams = systemParams.extend({ locationId: z.uuid() });
const read = { type: 'org', role: 'viewer' } as const;
const write = { type: 'org', role: 'editor' } as const;

function systemRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/systems', {
      config: { access: read },
      schema: {
        operationId: 'listSystems',
        tags,
        summary: 'Systems: search by name, filter by kind, status, vendor or data category',
        params: orgParams,
        querystring: ZListSystemsQuery,
        response: { 200: ZSystemPage },
      },
      handler: (request) => inventory.listSystems(ctx, scopeOf(request), request.query),
    });
    app.post('/api/orgs/:org/systems', {
      config: { access: write },
      schema: {
        operationId: 'createSystem',
        tags,
        summary: 'Add a system, with its data categories and locations',
        params: orgParams,
        body: ZCreateSystemRequest,
        response: { 201: ZSystem },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await inventory.createSystem(ctx, scopeOf(request), request.body)),
    });
    app.get('/api/orgs/:org/systems/:systemId', {
      config: { access: read },
      schema: {
        operationId: 'getSystem',
        tags,
        summary: 'A system with its locations',
        params: systemParams,
        response: { 200: ZSystem },
      },
      handler: (request) => inventory.getSystem(ctx, scopeOf(request), request.params.systemId),
    });
    app.patch('/api/orgs/:org/systems/:systemId', {
      config: { access: write },
      schema: {
        operationId: 'updateSystem',
        tags,
        summary: 'Change a system (data categories, when given, replace the recorded ones)',
        params: systemParams,
        body: ZUpdateSystemRequest,
        response: { 200: ZSystem },
      },
      handler: (request) => inventory.updateSystem(ctx, scopeOf(request), request.params.systemId, request.body),
    });
    app.delete('/api/orgs/:org/systems/:systemId', {
      config: { access: write },
      schema: {
        operationId: 'deleteSystem',
        tags,
        summary: 'Delete a system no activity uses, with its locations',
        params: systemParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await inventory.deleteSystem(ctx, scopeOf(request), request.params.systemId);
        return reply.status(204).send(null);
      },
    });
  };
}

function locationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/systems/:systemId/locations', {
      config: { access: read },
      schema: {
        operationId: 'listSystemLocations',
        tags,
        summary: "A system's locations, past and present",
        params: systemParams,
        response: { 200: ZLocationPage },
      },
      handler: (request) => inventory.listLocations(ctx, scopeOf(request), request.params.systemId),
    });
    app.post('/api/orgs/:org/systems/:systemId/locations', {
      config: { access: write },
      schema: {
        operationId: 'createSystemLocation',
        tags,
        summary: 'Record where a system keeps a copy of its data, and since when',
        params: systemParams,
        body: ZCreateLocationRequest,
        response: { 201: ZLocation },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await inventory.createLocation(ctx, scopeOf(request), request.params.systemId, request.body)),
    });
    app.get('/api/orgs/:org/systems/:systemId/locations/:locationId', {
      config: { access: read },
      schema: {
        operationId: 'getSystemLocation',
        tags,
        summary: 'A location',
        params: locationParams,
        response: { 200: ZLocation },
      },
      handler: (request) =>
        inventory.getLocation(ctx, scopeOf(request), request.params.systemId, request.params.locationId),
    });
    app.patch('/api/orgs/:org/systems/:systemId/locations/:locationId', {
      config: { access: write },
      schema: {
        operationId: 'updateSystemLocation',
        tags,
        summary: 'Change a location (e.g. record its last day)',
        params: locationParams,
        body: ZUpdateLocationRequest,
        response: { 200: ZLocation },
      },
      handler: (request) =>
        inventory.updateLocation(
          ctx,
          scopeOf(request),
          request.params.systemId,
          request.params.locationId,
          request.body,
        ),
    });
    app.delete('/api/orgs/:org/systems/:systemId/locations/:locationId', {
      config: { access: write },
      schema: {
        operationId: 'deleteSystemLocation',
        tags,
        summary: 'Delete a location recorded by mistake',
        params: locationParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await inventory.deleteLocation(ctx, scopeOf(request), request.params.systemId, request.params.locationId);
        return reply.status(204).send(null);
      },
    });
    app.get('/api/orgs/:org/locations', {
      config: { access: read },
      schema: {
        operationId: 'listLocationsOnDay',
        tags,
        summary: 'Where the data was on a day: the locations in force then (repeat `role` to choose several)',
        params: orgParams,
        querystring: ZLocationsOnQuery,
        response: { 200: ZLocationList },
      },
      handler: (request) => inventory.locationsOnDay(ctx, scopeOf(request), request.query),
    });
    app.get('/api/orgs/:org/locations/eea-status', {
      config: { access: read },
      schema: {
        operationId: 'getEeaStatus',
        tags,
        summary: 'Since when all locations of some roles (by default the backups) have been inside the EEA',
        params: orgParams,
        querystring: ZEeaStatusQuery,
        response: { 200: ZEeaStatus },
      },
      handler: (request) => inventory.eeaStatus(ctx, scopeOf(request), request.query),
    });
  };
}

/** The inventory's routes: systems, their locations, and the two questions about where the data is. */
export function inventoryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(systemRoutes(ctx));
    await app.register(locationRoutes(ctx));
  };
}
