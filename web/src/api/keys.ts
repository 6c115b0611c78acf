/** TanStack Query keys, in one place so invalidation after a change names exactly what it touched. */
export const queryKeys = {
  session: ['session'] as const,
  me: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  myOrganisations: ['organisations'] as const,
  organisation: (org: string) => ['org', org] as const,
  members: (org: string) => ['org', org, 'members'] as const,
  clients: (org: string) => ['org', org, 'clients'] as const,
  invitations: (org: string) => ['org', org, 'invitations'] as const,
  apiTokens: (org: string) => ['org', org, 'api-tokens'] as const,
  audit: (org: string, filters: object) => ['org', org, 'audit', filters] as const,
  auditActions: (org: string) => ['org', org, 'audit-actions'] as const,
  outbox: (org: string, filters: object) => ['org', org, 'outbox', filters] as const,
  outboxMessage: (org: string, id: string) => ['org', org, 'outbox-message', id] as const,
  outboxSmtp: (org: string) => ['org', org, 'outbox-smtp'] as const,
  invitationPreview: (token: string) => ['invitation', token] as const,
};
