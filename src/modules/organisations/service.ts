/** The organisations module's public face: organisations, memberships, invitations and first-start setup. */

export { assertClientsOfOrg, clientOrganisations } from './use-cases/clients.ts';
export {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from './use-cases/invitations.ts';
export { addMember, assertMemberOfOrg, changeMemberRole, listMembers, removeMember } from './use-cases/members.ts';
export {
  createOrganisation,
  createOrganisationForUser,
  getOrganisation,
  listMyOrganisations,
  membershipFor,
  organisationByRef,
  updateOrganisation,
} from './use-cases/organisations.ts';
export { setupFirstOwner } from './use-cases/setup.ts';
