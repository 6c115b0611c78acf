import type { z } from 'zod';
import type {
  TOrganisation,
  TRole,
  ZAcceptInvitationRequest,
  ZAcceptInvitationResponse,
  ZClientOrganisationList,
  ZCreateInvitationRequest,
  ZCreateOrganisationRequest,
  ZInvitationList,
  ZInvitationPreview,
  ZMemberList,
  ZMyOrganisationList,
  ZSetupRequest,
  ZUpdateOrganisationRequest,
} from '../../../src/modules/organisations/contract.ts';
import { http } from './http.ts';

export type {
  TClientOrganisation,
  TInvitation,
  TMember,
  TMyOrganisation,
  TOrganisation,
  TPrivacyContact,
  TRole,
} from '../../../src/modules/organisations/contract.ts';
export type TCreateOrganisationInput = z.input<typeof ZCreateOrganisationRequest>;
export type TUpdateOrganisationInput = z.input<typeof ZUpdateOrganisationRequest>;
export type TSetupInput = z.input<typeof ZSetupRequest>;
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;
export type TAcceptInvitationInput = z.input<typeof ZAcceptInvitationRequest>;

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}`;

export const organisationsApi = {
  setup: (body: TSetupInput) => http.post<void>('/api/setup', body),
  mine: async () => (await http.get<z.infer<typeof ZMyOrganisationList>>('/api/orgs')).organisations,
  create: (body: TCreateOrganisationInput) => http.post<TOrganisation>('/api/orgs', body),
  get: (ref: string) => http.get<TOrganisation>(org(ref)),
  update: (ref: string, body: TUpdateOrganisationInput) => http.patch<TOrganisation>(org(ref), body),
  clients: async (ref: string) =>
    (await http.get<z.infer<typeof ZClientOrganisationList>>(`${org(ref)}/clients`)).clients,
  members: async (ref: string) => (await http.get<z.infer<typeof ZMemberList>>(`${org(ref)}/members`)).members,
  changeRole: (ref: string, userId: string, role: TRole) =>
    http.put<void>(`${org(ref)}/members/${encodeURIComponent(userId)}/role`, { role }),
  removeMember: (ref: string, userId: string) => http.delete<void>(`${org(ref)}/members/${encodeURIComponent(userId)}`),
  invitations: async (ref: string) =>
    (await http.get<z.infer<typeof ZInvitationList>>(`${org(ref)}/invitations`)).invitations,
  invite: (ref: string, body: z.input<typeof ZCreateInvitationRequest>) =>
    http.post<void>(`${org(ref)}/invitations`, body),
  revokeInvitation: (ref: string, invitationId: string) =>
    http.delete<void>(`${org(ref)}/invitations/${encodeURIComponent(invitationId)}`),
  previewInvitation: (token: string) => http.get<TInvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string, body: TAcceptInvitationInput) =>
    http.post<z.infer<typeof ZAcceptInvitationResponse>>(`/api/invitations/${encodeURIComponent(token)}/accept`, body),
};

/** The roles from least to most rights, as the server ranks them. */
export const ROLES: readonly TRole[] = ['viewer', 'editor', 'privacy_officer', 'owner'];

export function roleAtLeast(actual: TRole, required: TRole): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}
