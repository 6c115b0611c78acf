import type { z } from 'zod';
import type {
  TAuditPage,
  TChainVerification,
  ZAuditActionList,
  ZListAuditQuery,
} from '../../../src/modules/audit/contract.ts';
import { http, withQuery } from './http.ts';

export type { TAuditEntry, TAuditPage, TChainVerification } from '../../../src/modules/audit/contract.ts';
export type TAuditFilters = Omit<z.input<typeof ZListAuditQuery>, 'before' | 'limit'>;

const base = (org: string) => `/api/orgs/${encodeURIComponent(org)}/audit`;

export const auditApi = {
  list: (org: string, filters: TAuditFilters, before?: number, limit = 50) =>
    http.get<TAuditPage>(withQuery(base(org), { ...filters, before, limit })),
  actions: async (org: string) => (await http.get<z.infer<typeof ZAuditActionList>>(`${base(org)}/actions`)).actions,
  verify: (org: string) => http.post<TChainVerification>(`${base(org)}/verify`),
};
