/**
 * Every action the audit trail records, with what a person reads for it in Dutch and English. `recordAudit`
 * accepts only these; a test fails on an action string in src/ that is missing here (docs/audit-trail.md).
 *
 * Adding an action is one line: `'<subject>.<past tense verb>': { nl: '…', en: '…' },`.
 */
export const AUDIT_ACTIONS = {
  'activity.created': { nl: 'Verwerking toegevoegd', en: 'Processing activity added' },
  'activity.updated': { nl: 'Verwerking gewijzigd', en: 'Processing activity changed' },
  'activity.retired': { nl: 'Verwerking beëindigd', en: 'Processing activity retired' },
  'activity.deleted': { nl: 'Verwerking verwijderd', en: 'Processing activity deleted' },
  'breach_playbook.updated': { nl: 'Draaiboek datalekken aangepast', en: 'Breach playbook changed' },
  'breach_incident.recorded': { nl: 'Datalek of incident vastgelegd', en: 'Breach or incident recorded' },
  'breach_incident.updated': { nl: 'Datalek of incident gewijzigd', en: 'Breach or incident changed' },
  'breach_incident.triaged': { nl: 'Risicobeoordeling van datalek uitgevoerd', en: 'Breach triage run' },
  'breach_incident.decided': {
    nl: 'Besluit over melden van datalek vastgelegd',
    en: 'Decision on notifying a breach recorded',
  },
  'breach_incident.notified': { nl: 'Melding van datalek vastgelegd', en: 'Breach notification recorded' },
  'breach_incident.closed': { nl: 'Datalek of incident afgesloten', en: 'Breach or incident closed' },
  'breach_incident.clients_notified': {
    nl: 'Klantorganisaties over datalek geïnformeerd',
    en: 'Client organisations informed of breach',
  },
  'breach_incident.register_exported': {
    nl: 'Register van datalekken geëxporteerd',
    en: 'Register of data breaches exported',
  },
  'breach_incident.subjects_informed': {
    nl: 'Betrokkenen per brief over datalek geïnformeerd',
    en: 'People affected informed of breach by letter',
  },
  'breach_incident.report_downloaded': {
    nl: 'Melding aan de AP gedownload (PDF)',
    en: 'Authority notification downloaded (PDF)',
  },
  'privacy_statement.texts_updated': {
    nl: 'Eigen teksten van de privacyverklaring gewijzigd',
    en: 'Own texts of the privacy statement changed',
  },
  'privacy_statement.published': { nl: 'Privacyverklaring gepubliceerd', en: 'Privacy statement published' },
  'security_measure.created': { nl: 'Beveiligingsmaatregel toegevoegd', en: 'Security measure added' },
  'security_measure.updated': { nl: 'Beveiligingsmaatregel gewijzigd', en: 'Security measure changed' },
  'security_measure.deleted': { nl: 'Beveiligingsmaatregel verwijderd', en: 'Security measure deleted' },
  'security_measure.evidence_added': { nl: 'Bewijs bij maatregel toegevoegd', en: 'Evidence of a measure added' },
  'security_measure.evidence_removed': { nl: 'Bewijs bij maatregel verwijderd', en: 'Evidence of a measure removed' },
  'security_measures.exported': { nl: 'Beveiligingsmaatregelen geëxporteerd', en: 'Security measures exported' },
  'security_measure.review_reminded': {
    nl: 'Herinnering voor herzien van maatregel verstuurd',
    en: 'Reminder to review a measure sent',
  },
  'processor_agreement.created': { nl: 'Verwerkersovereenkomst vastgelegd', en: 'Processor agreement recorded' },
  'processor_agreement.updated': { nl: 'Verwerkersovereenkomst gewijzigd', en: 'Processor agreement changed' },
  'processor_agreement.deleted': { nl: 'Verwerkersovereenkomst verwijderd', en: 'Processor agreement deleted' },
  'processor_agreement.checklist_updated': {
    nl: 'Checklist art. 28 lid 3 van verwerkersovereenkomst bijgewerkt',
    en: 'Art. 28(3) checklist of processor agreement updated',
  },
  'processor_agreement.document_added': {
    nl: 'Document bij verwerkersovereenkomst toegevoegd',
    en: 'Document added to processor agreement',
  },
  'processor_agreement.document_removed': {
    nl: 'Document bij verwerkersovereenkomst verwijderd',
    en: 'Document removed from processor agreement',
  },
  'api_token.created': { nl: 'API-token aangemaakt', en: 'API token created' },
  'api_token.revoked': { nl: 'API-token ingetrokken', en: 'API token revoked' },
  'auth.account_locked': { nl: 'Account tijdelijk geblokkeerd', en: 'Account temporarily locked' },
  'auth.password_changed': { nl: 'Wachtwoord gewijzigd', en: 'Password changed' },
  'auth.password_reset': { nl: 'Wachtwoord hersteld', en: 'Password reset' },
  'auth.password_reset_requested': { nl: 'Wachtwoordherstel aangevraagd', en: 'Password reset requested' },
  'auth.password_reset_throttled': {
    nl: 'Wachtwoordherstel te vaak aangevraagd',
    en: 'Password reset requested too often',
  },
  'auth.password_verified': { nl: 'Wachtwoord juist, tweede stap nodig', en: 'Password correct, second step due' },
  'auth.recovery_codes_regenerated': { nl: 'Nieuwe herstelcodes gemaakt', en: 'New recovery codes created' },
  'auth.sign_in_failed': { nl: 'Inloggen mislukt', en: 'Sign-in failed' },
  'auth.second_factor_failed': { nl: 'Tweede stap van inloggen mislukt', en: 'Second sign-in step failed' },
  'auth.signed_in': { nl: 'Ingelogd', en: 'Signed in' },
  'auth.signed_out': { nl: 'Uitgelogd', en: 'Signed out' },
  'auth.totp_disabled': { nl: 'Tweestapsverificatie uitgeschakeld', en: 'Two-factor authentication switched off' },
  'auth.totp_enabled': { nl: 'Tweestapsverificatie ingeschakeld', en: 'Two-factor authentication switched on' },
  'client_organisation.created': { nl: 'Klantorganisatie aangemaakt', en: 'Client organisation created' },
  'connector.created': { nl: 'Koppeling toegevoegd', en: 'Connector added' },
  'connector.updated': { nl: 'Koppeling gewijzigd', en: 'Connector changed' },
  'connector.deleted': { nl: 'Koppeling verwijderd', en: 'Connector deleted' },
  'data_category.created': { nl: 'Gegevenscategorie toegevoegd', en: 'Data category added' },
  'data_category.updated': { nl: 'Gegevenscategorie gewijzigd', en: 'Data category changed' },
  'data_category.deleted': { nl: 'Gegevenscategorie verwijderd', en: 'Data category deleted' },
  'invitation.accepted': { nl: 'Uitnodiging geaccepteerd', en: 'Invitation accepted' },
  'invitation.created': { nl: 'Uitnodiging verstuurd', en: 'Invitation sent' },
  'invitation.revoked': { nl: 'Uitnodiging ingetrokken', en: 'Invitation revoked' },
  'location.created': { nl: 'Locatie van gegevens toegevoegd', en: 'Data location added' },
  'location.updated': { nl: 'Locatie van gegevens gewijzigd', en: 'Data location changed' },
  'location.deleted': { nl: 'Locatie van gegevens verwijderd', en: 'Data location deleted' },
  'mail.retried': { nl: 'E-mail opnieuw verstuurd', en: 'Email sent again' },
  'member.added': { nl: 'Lid toegevoegd', en: 'Member added' },
  'member.removed': { nl: 'Lid verwijderd', en: 'Member removed' },
  'member.role_changed': { nl: 'Rol gewijzigd', en: 'Role changed' },
  'organisation.created': { nl: 'Organisatie aangemaakt', en: 'Organisation created' },
  'organisation.updated': { nl: 'Organisatiegegevens gewijzigd', en: 'Organisation details changed' },
  'register.exported': { nl: 'Register geëxporteerd', en: 'Register exported' },
  'register.guided_start_applied': {
    nl: 'Register gevuld vanuit de vragen',
    en: 'Register filled in from the questions',
  },
  'register.imported': { nl: 'Register geïmporteerd', en: 'Register imported' },
  'register.template_applied': { nl: 'Sjabloon toegepast op het register', en: 'Template applied to the register' },
  'session.others_revoked': { nl: 'Andere sessies beëindigd', en: 'Other sessions ended' },
  'session.revoked': { nl: 'Sessie beëindigd', en: 'Session ended' },
  'record_type.created': { nl: 'Soort gegevens van koppeling toegevoegd', en: 'Record type added' },
  'record_type.updated': { nl: 'Soort gegevens van koppeling gewijzigd', en: 'Record type changed' },
  'record_type.deleted': { nl: 'Soort gegevens van koppeling verwijderd', en: 'Record type deleted' },
  'retention_policy.created': { nl: 'Bewaarbeleid aangemaakt', en: 'Retention policy created' },
  'retention_policy.updated': { nl: 'Bewaarbeleid gewijzigd', en: 'Retention policy changed' },
  'retention_policy.deleted': { nl: 'Bewaarbeleid verwijderd', en: 'Retention policy deleted' },
  'retention_policy.activated': { nl: 'Bewaarbeleid ingeschakeld', en: 'Retention policy switched on' },
  'retention_policy.paused': { nl: 'Bewaarbeleid gepauzeerd', en: 'Retention policy paused' },
  'retention_policy.hold_added': { nl: 'Bewaarplicht (hold) toegevoegd', en: 'Hold added' },
  'retention_policy.hold_removed': { nl: 'Bewaarplicht (hold) opgeheven', en: 'Hold lifted' },
  'retention_preview.approved': { nl: 'Voorbeeld van opschoning goedgekeurd', en: 'Retention preview approved' },
  'retention_run.started': { nl: 'Opschoning gestart', en: 'Retention run started' },
  'retention_run.batch_started': {
    nl: 'Opschoning van een reeks gegevens begonnen',
    en: 'Retention batch begun',
  },
  'retention_run.finished': { nl: 'Opschoning afgerond', en: 'Retention run finished' },
  'retention_run.failed': { nl: 'Opschoning mislukt', en: 'Retention run failed' },
  'retention_run.cancelled': { nl: 'Opschoning afgebroken', en: 'Retention run cancelled' },
  'retention_run.paused_for_approval': {
    nl: 'Opschoning gestopt: meer gegevens dan goedgekeurd',
    en: 'Retention run stopped: more records than approved',
  },
  'subject_request.received': { nl: 'Verzoek van betrokkene ontvangen', en: 'Data-subject request received' },
  'subject_request.created': { nl: 'Verzoek van betrokkene ingevoerd', en: 'Data-subject request entered' },
  'subject_request.assigned': { nl: 'Verzoek toegewezen', en: 'Request assigned' },
  'subject_request.identity_verified': {
    nl: 'Identiteit van verzoeker vastgesteld',
    en: 'Requester identity verified',
  },
  'subject_request.extended': { nl: 'Termijn van verzoek verlengd', en: 'Request deadline extended' },
  'subject_request.closed': { nl: 'Verzoek afgesloten', en: 'Request closed' },
  'subject_request.records_handling': {
    nl: 'Gevonden gegevens van verzoeker worden verwijderd, aangepast of beperkt',
    en: "Requester's records about to be erased, changed or restricted",
  },
  'subject_request.export_built': { nl: 'Exportpakket van verzoek gemaakt', en: 'Request export package built' },
  'subject_request.export_downloaded': {
    nl: 'Exportpakket van verzoek gedownload',
    en: 'Request export package downloaded',
  },
  'subject_request.minimised': {
    nl: 'Inhoud van afgesloten verzoek verwijderd',
    en: 'Content of closed request removed',
  },
  'subject_category.created': { nl: 'Categorie betrokkenen toegevoegd', en: 'Data subject category added' },
  'subject_category.updated': { nl: 'Categorie betrokkenen gewijzigd', en: 'Data subject category changed' },
  'subject_category.deleted': { nl: 'Categorie betrokkenen verwijderd', en: 'Data subject category deleted' },
  'system.created': { nl: 'Systeem toegevoegd', en: 'System added' },
  'system.updated': { nl: 'Systeem gewijzigd', en: 'System changed' },
  'system.deleted': { nl: 'Systeem verwijderd', en: 'System deleted' },
  'transfer_scope.answered': {
    nl: 'Vraag over de reikwijdte van een adequaatheidsbesluit beantwoord',
    en: 'Question on the scope of an adequacy decision answered',
  },
  'user.created': { nl: 'Account aangemaakt', en: 'Account created' },
  'user.profile_updated': { nl: 'Accountgegevens gewijzigd', en: 'Account details changed' },
  'vendor.created': { nl: 'Leverancier toegevoegd', en: 'Vendor added' },
  'vendor.updated': { nl: 'Leverancier gewijzigd', en: 'Vendor changed' },
  'vendor.retired': { nl: 'Leverancier beëindigd', en: 'Vendor retired' },
  'vendor.deleted': { nl: 'Leverancier verwijderd', en: 'Vendor deleted' },
} as const satisfies Record<string, AuditActionLabel>;

export interface AuditActionLabel {
  nl: string;
  en: string;
}

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The label of an action in a language; an action no longer registered (from an older version) shows its code. */
export function auditActionLabel(action: string, locale: keyof AuditActionLabel): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action][locale] : action;
}
