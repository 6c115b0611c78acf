import type { z } from 'zod';
import type {
  TEeaStatus,
  TLocation,
  TLocationRole,
  TSystem,
  TSystemKind,
  ZCreateLocationRequest,
  ZCreateSystemRequest,
  ZListSystemsQuery,
  ZLocationList,
  ZSystemPage,
  ZUpdateLocationRequest,
  ZUpdateSystemRequest,
} from '../../../src/modules/inventory/contract.ts';
import { http, withQuery } from './http.ts';
import type { ListFilters } from './list-query.ts';

export type {
  TEeaStatus,
  TLocation,
  TLocationRole,
  TSystem,
  TSystemKind,
} from '../../../src/modules/inventory/contract.ts';
export type TSystemFilters = ListFilters<z.input<typeof ZListSystemsQuery>>;
export type TCreateSystemInput = z.input<typeof ZCreateSystemRequest>;
export type TUpdateSystemInput = z.input<typeof ZUpdateSystemRequest>;
export type TLocationInput = z.input<typeof ZCreateLocationRequest>;
export type TUpdateLocationInput = z.input<typeof ZUpdateLocationRequest>;
export type TLocationList = z.infer<typeof ZLocationList>;

export const SYSTEM_KINDS = Object.keys({
  crm: true,
  mailbox: true,
  administration: true,
  hosting: true,
  backup: true,
  file_share: true,
  website: true,
  webshop: true,
  ticketing: true,
  hr: true,
  payment: true,
  newsletter: true,
  analytics: true,
  other: true,
} satisfies Record<TSystemKind, true>) as TSystemKind[];

export const LOCATION_ROLES = Object.keys({
  primary: true,
  replica: true,
  backup: true,
  offsite_backup: true,
} satisfies Record<TLocationRole, true>) as TLocationRole[];

export const BACKUP_ROLES: readonly TLocationRole[] = ['backup', 'offsite_backup'];

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}`;
const system = (ref: string, id: string) => `${org(ref)}/systems/${encodeURIComponent(id)}`;

export interface TLocationsOnFilters {
  on: string;
  roles?: TLocationRole[];
  systemId?: string;
}

export const inventoryApi = {
  list: (ref: string, filters: TSystemFilters = {}) =>
    http.get<z.infer<typeof ZSystemPage>>(withQuery(`${org(ref)}/systems`, filters)),
  get: (ref: string, id: string) => http.get<TSystem>(system(ref, id)),
  create: (ref: string, body: TCreateSystemInput) => http.post<TSystem>(`${org(ref)}/systems`, body),
  update: (ref: string, id: string, body: TUpdateSystemInput) => http.patch<TSystem>(system(ref, id), body),
  delete: (ref: string, id: string) => http.delete<void>(system(ref, id)),
  addLocation: (ref: string, systemId: string, body: TLocationInput) =>
    http.post<TLocation>(`${system(ref, systemId)}/locations`, body),
  updateLocation: (ref: string, systemId: string, locationId: string, body: TUpdateLocationInput) =>
    http.patch<TLocation>(`${system(ref, systemId)}/locations/${encodeURIComponent(locationId)}`, body),
  deleteLocation: (ref: string, systemId: string, locationId: string) =>
    http.delete<void>(`${system(ref, systemId)}/locations/${encodeURIComponent(locationId)}`),
  /** Where the data was on a day (`role` repeats for several roles). */
  locationsOn: (ref: string, { on, roles = [], systemId }: TLocationsOnFilters) => {
    const params = new URLSearchParams({ on });
    for (const role of roles) params.append('role', role);
    if (systemId) params.set('systemId', systemId);
    return http.get<TLocationList>(`${org(ref)}/locations?${params.toString()}`);
  },
  eeaStatus: (ref: string, roles: readonly TLocationRole[], includeAdequate: boolean) =>
    http.get<TEeaStatus>(
      withQuery(`${org(ref)}/locations/eea-status`, {
        roles: roles.join(','),
        includeAdequate: String(includeAdequate),
      }),
    ),
};
