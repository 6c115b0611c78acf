import type { z } from 'zod';
import type {
  TApiToken,
  ZApiTokenList,
  ZCreateApiTokenRequest,
  ZCreatedApiToken,
} from '../../../src/modules/api-tokens/contract.ts';
import { http } from './http.ts';

export type { TApiToken } from '../../../src/modules/api-tokens/contract.ts';
export type TCreateApiTokenInput = z.input<typeof ZCreateApiTokenRequest>;
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;
export type TTokenScope = TApiToken['scopes'][number];
export const TOKEN_SCOPES: readonly TTokenScope[] = ['read', 'write', 'webhook'];

const base = (org: string) => `/api/orgs/${encodeURIComponent(org)}/api-tokens`;

export const apiTokensApi = {
  list: async (org: string) => (await http.get<z.infer<typeof ZApiTokenList>>(base(org))).tokens,
  create: (org: string, body: TCreateApiTokenInput) => http.post<TCreatedApiToken>(base(org), body),
  revoke: (org: string, tokenId: string) => http.delete<void>(`${base(org)}/${encodeURIComponent(tokenId)}`),
};
