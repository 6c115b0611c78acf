import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import {
  ZConnector,
  ZConnectorCheck,
  ZConnectorKindList,
  ZConnectorList,
  ZCreateConnectorRequest,
  ZCreateRecordTypeRequest,
  ZIntrospectionResult,
  ZRecordType,
  ZRecordTypeList,
  ZUpdateConnectorRequest,
  ZUpdateRecordTypeRequest,
} from './contract.ts';
import * as connectors from './service.ts';

const tags = ['Connectors'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const connectorParams = orgParams.extend({ connectorId: z.uuid() });
const recordTypeParams = connectorParams.extend({ recordTypeId: z.uuid() });
/** Editors see which stores are connected; only privacy officers and owners give privacydesk access to them. */
const read = { type: 'org', role: 'editor' } as const;
const manage = { type: 'org', role: 'privacy_officer' } as const;

export function connectorRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/connector-kinds', {
      config: { access: { type: 'user' } },
      schema: {
        operationId: 'listConnectorKinds',
        tags,
        summary:
          'The store kinds this installation can reach, with the JSON Schemas of their settings and record types',
        response: { 200: ZConnectorKindList },
      },
      handler: () => connectors.listConnectorKinds(),
    });
    app.get('/api/orgs/:org/connectors', {
      config: { access: read },
      schema: {
        operationId: 'listConnectors',
        tags,
        summary: 'Connectors of the organisation (settings without secrets)',
        params: orgParams,
        response: { 200: ZConnectorList },
      },
      handler: (request) => connectors.listConnectors(ctx, scopeOf(request)),
    });
    app.post('/api/orgs/:org/connectors', {
      config: { access: manage },
      schema: {
        operationId: 'createConnector',
        tags,
        summary: 'Add a connector; secrets are encrypted at rest and never returned',
        params: orgParams,
        body: ZCreateConnectorRequest,
        response: { 201: ZConnector },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await connectors.createConnector(ctx, scopeOf(request), request.body)),
    });
    app.get('/api/orgs/:org/connectors/:connectorId', {
      config: { access: read },
      schema: {
        operationId: 'getConnector',
        tags,
        summary: 'A connector',
        params: connectorParams,
        response: { 200: ZConnector },
      },
      handler: (request) => connectors.getConnector(ctx, scopeOf(request), request.params.connectorId),
    });
    app.patch('/api/orgs/:org/connectors/:connectorId', {
      config: { access: manage },
      schema: {
        operationId: 'updateConnector',
        tags,
        summary: 'Change a connector (a secret left out keeps the stored one)',
        params: connectorParams,
        body: ZUpdateConnectorRequest,
        response: { 200: ZConnector },
      },
      handler: (request) => connectors.updateConnector(ctx, scopeOf(request), request.params.connectorId, request.body),
    });
    app.delete('/api/orgs/:org/connectors/:connectorId', {
      config: { access: manage },
      schema: {
        operationId: 'deleteConnector',
        tags,
        summary: 'Delete a connector and its record types (refused while a policy uses them)',
        params: connectorParams,
      },
      handler: async (request, reply) => {
        await connectors.deleteConnector(ctx, scopeOf(request), request.params.connectorId);
        return reply.status(204).send();
      },
    });
    app.post('/api/orgs/:org/connectors/:connectorId/check', {
      config: { access: manage },
      schema: {
        operationId: 'checkConnector',
        tags,
        summary: 'Check the connection now; the answer is kept on the connector',
        params: connectorParams,
        response: { 200: ZConnectorCheck },
      },
      handler: (request) => connectors.checkConnector(ctx, scopeOf(request), request.params.connectorId),
    });
    app.get('/api/orgs/:org/connectors/:connectorId/structure', {
      config: { access: manage },
      schema: {
        operationId: 'introspectConnector',
        tags,
        summary: "The store's tables and columns, folders or directories, to define record types",
        params: connectorParams,
        response: { 200: ZIntrospectionResult },
      },
      handler: (request) => connectors.introspectConnector(ctx, scopeOf(request), request.params.connectorId),
    });
    app.get('/api/orgs/:org/connectors/:connectorId/record-types', {
      config: { access: read },
      schema: {
        operationId: 'listRecordTypes',
        tags,
        summary: "A connector's record types",
        params: connectorParams,
        response: { 200: ZRecordTypeList },
      },
      handler: (request) => connectors.listRecordTypes(ctx, scopeOf(request), request.params.connectorId),
    });
    app.post('/api/orgs/:org/connectors/:connectorId/record-types', {
      config: { access: manage },
      schema: {
        operationId: 'createRecordType',
        tags,
        summary: 'Define a record type; its names are checked against the live store',
        params: connectorParams,
        body: ZCreateRecordTypeRequest,
        response: { 201: ZRecordType },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await connectors.createRecordType(ctx, scopeOf(request), request.params.connectorId, request.body)),
    });
    app.get('/api/orgs/:org/connectors/:connectorId/record-types/:recordTypeId', {
      config: { access: read },
      schema: {
        operationId: 'getRecordType',
        tags,
        summary: 'A record type',
        params: recordTypeParams,
        response: { 200: ZRecordType },
      },
      handler: (request) =>
        connectors.getRecordType(ctx, scopeOf(request), request.params.connectorId, request.params.recordTypeId),
    });
    app.patch('/api/orgs/:org/connectors/:connectorId/record-types/:recordTypeId', {
      config: { access: manage },
      schema: {
        operationId: 'updateRecordType',
        tags,
        summary: 'Change a record type (a new definition is checked against the live store)',
        params: recordTypeParams,
        body: ZUpdateRecordTypeRequest,
        response: { 200: ZRecordType },
      },
      handler: (request) =>
        connectors.updateRecordType(
          ctx,
          scopeOf(request),
          request.params.connectorId,
          request.params.recordTypeId,
          request.body,
        ),
    });
    app.delete('/api/orgs/:org/connectors/:connectorId/record-types/:recordTypeId', {
      config: { access: manage },
      schema: {
        operationId: 'deleteRecordType',
        tags,
        summary: 'Delete a record type (refused while a policy uses it)',
        params: recordTypeParams,
      },
      handler: async (request, reply) => {
        await connectors.deleteRecordType(
          ctx,
          scopeOf(request),
          request.params.connectorId,
          request.params.recordTypeId,
        );
        return reply.status(204).send();
      },
    });
    app.post('/api/orgs/:org/connectors/:connectorId/record-types/:recordTypeId/check', {
      config: { access: manage },
      schema: {
        operationId: 'checkRecordType',
        tags,
        summary: 'Check a record type against the live store again',
        params: recordTypeParams,
        response: { 200: ZRecordType },
      },
      handler: (request) =>
        connectors.checkRecordType(ctx, scopeOf(request), request.params.connectorId, request.params.recordTypeId),
    });
  };
}
