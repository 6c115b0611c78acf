import type { z } from 'zod';
import type {
  TConnector,
  TConnectorCheck,
  TRecordType,
  ZConnectorKindInfo,
  ZCreateConnectorRequest,
  ZCreateRecordTypeRequest,
  ZIntrospectionResult,
  ZUpdateConnectorRequest,
  ZUpdateRecordTypeRequest,
} from '../../../src/modules/connectors/contract.ts';
import { http } from './http.ts';

export type { TConnector, TConnectorCheck, TRecordType } from '../../../src/modules/connectors/contract.ts';
export type TConnectorKindInfo = z.infer<typeof ZConnectorKindInfo>;
export type TConnectorKind = TConnectorKindInfo['kind'];
export type TIntrospectionResult = z.infer<typeof ZIntrospectionResult>;
export type TCreateConnectorInput = z.input<typeof ZCreateConnectorRequest>;
export type TUpdateConnectorInput = z.input<typeof ZUpdateConnectorRequest>;
export type TCreateRecordTypeInput = z.input<typeof ZCreateRecordTypeRequest>;
export type TUpdateRecordTypeInput = z.input<typeof ZUpdateRecordTypeRequest>;
export type TFailureCode = NonNullable<TConnectorCheck['code']>;

/** Every failure code a connector reports (the contract's enum), each with its own message in the texts. */
export const FAILURE_CODES = Object.keys({
  unreachable: true,
  timeout: true,
  auth_failed: true,
  permission_denied: true,
  schema_changed: true,
  not_found: true,
  rate_limited: true,
  invalid_response: true,
  failed: true,
} satisfies Record<TFailureCode, true>) as TFailureCode[];

/** TanStack Query keys of connectors, all under ['org', org, 'connectors'] so one invalidation refreshes them. */
export const connectorKeys = {
  kinds: ['connector-kinds'] as const,
  all: (org: string) => ['org', org, 'connectors'] as const,
  connector: (org: string, id: string) => ['org', org, 'connectors', id] as const,
  structure: (org: string, id: string) => ['org', org, 'connectors', id, 'structure'] as const,
  recordTypes: (org: string, id: string) => ['org', org, 'connectors', id, 'record-types'] as const,
};

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}`;
const connector = (ref: string, id: string) => `${org(ref)}/connectors/${encodeURIComponent(id)}`;
const recordType = (ref: string, connectorId: string, id: string) =>
  `${connector(ref, connectorId)}/record-types/${encodeURIComponent(id)}`;

export const connectorsApi = {
  kinds: async () => (await http.get<{ items: TConnectorKindInfo[] }>('/api/connector-kinds')).items,
  list: async (ref: string) => (await http.get<{ items: TConnector[] }>(`${org(ref)}/connectors`)).items,
  get: (ref: string, id: string) => http.get<TConnector>(connector(ref, id)),
  create: (ref: string, body: TCreateConnectorInput) => http.post<TConnector>(`${org(ref)}/connectors`, body),
  update: (ref: string, id: string, body: TUpdateConnectorInput) => http.patch<TConnector>(connector(ref, id), body),
  delete: (ref: string, id: string) => http.delete<void>(connector(ref, id)),
  check: (ref: string, id: string) => http.post<TConnectorCheck>(`${connector(ref, id)}/check`),
  structure: (ref: string, id: string) => http.get<TIntrospectionResult>(`${connector(ref, id)}/structure`),
  recordTypes: async (ref: string, id: string) =>
    (await http.get<{ items: TRecordType[] }>(`${connector(ref, id)}/record-types`)).items,
  createRecordType: (ref: string, connectorId: string, body: TCreateRecordTypeInput) =>
    http.post<TRecordType>(`${connector(ref, connectorId)}/record-types`, body),
  updateRecordType: (ref: string, connectorId: string, id: string, body: TUpdateRecordTypeInput) =>
    http.patch<TRecordType>(recordType(ref, connectorId, id), body),
  deleteRecordType: (ref: string, connectorId: string, id: string) =>
    http.delete<void>(recordType(ref, connectorId, id)),
  checkRecordType: (ref: string, connectorId: string, id: string) =>
    http.post<TRecordType>(`${recordType(ref, connectorId, id)}/check`),
};
