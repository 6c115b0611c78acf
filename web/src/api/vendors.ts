import type { z } from 'zod';
import type {
  TVendor,
  TVendorKind,
  ZCreateVendorRequest,
  ZListVendorsQuery,
  ZUpdateVendorRequest,
  ZVendorPage,
} from '../../../src/modules/vendors/contract.ts';
import type { TTransferSafeguard } from '../../../src/shared/lists.ts';
import { http, withQuery } from './http.ts';
import type { ListFilters } from './list-query.ts';

export type { TVendor, TVendorKind } from '../../../src/modules/vendors/contract.ts';
export type { TTransferSafeguard } from '../../../src/shared/lists.ts';
export type TVendorFilters = ListFilters<z.input<typeof ZListVendorsQuery>>;
export type TCreateVendorInput = z.input<typeof ZCreateVendorRequest>;
export type TUpdateVendorInput = z.input<typeof ZUpdateVendorRequest>;

export const VENDOR_KINDS = Object.keys({
  processor: true,
  sub_processor: true,
  recipient: true,
  joint_controller: true,
} satisfies Record<TVendorKind, true>) as TVendorKind[];

export const TRANSFER_SAFEGUARDS = Object.keys({
  scc: true,
  bcr: true,
  code_of_conduct: true,
  certification: true,
  derogation: true,
  other: true,
} satisfies Record<TTransferSafeguard, true>) as TTransferSafeguard[];

const base = (org: string) => `/api/orgs/${encodeURIComponent(org)}/vendors`;

export const vendorsApi = {
  list: (org: string, filters: TVendorFilters = {}) =>
    http.get<z.infer<typeof ZVendorPage>>(withQuery(base(org), filters)),
  get: (org: string, id: string) => http.get<TVendor>(`${base(org)}/${encodeURIComponent(id)}`),
  create: (org: string, body: TCreateVendorInput) => http.post<TVendor>(base(org), body),
  update: (org: string, id: string, body: TUpdateVendorInput) =>
    http.patch<TVendor>(`${base(org)}/${encodeURIComponent(id)}`, body),
  retire: (org: string, id: string, retiredOn?: string) =>
    http.post<TVendor>(`${base(org)}/${encodeURIComponent(id)}/retire`, retiredOn ? { retiredOn } : {}),
  delete: (org: string, id: string) => http.delete<void>(`${base(org)}/${encodeURIComponent(id)}`),
};
