/** Sector templates as data: a coherent first register that an organisation adapts. Pure, no I/O. */

export interface Text {
  nl: string;
  en: string;
}

export interface TemplateSystem {
  /** Referred to by activities in the same template. */
  key: string;
  name: Text;
  kind:
    | 'crm'
    | 'mailbox'
    | 'administration'
    | 'hosting'
    | 'backup'
    | 'file_share'
    | 'website'
    | 'webshop'
    | 'ticketing'
    | 'hr'
    | 'payment'
    | 'newsletter'
    | 'analytics'
    | 'other';
  description: Text;
  /** Keys of src/modules/categories/defaults.ts. */
  dataCategoryKeys: string[];
}

/** Retention as a reference/retention-nl.json period (preferred) or the template's own wording. */
export type TemplateRetention =
  | { presetId: string }
  | { kind: 'period'; amount: number; unit: 'days' | 'weeks' | 'months' | 'years'; startEvent: Text; reference: Text }
  | { kind: 'until_event'; startEvent: Text; reference: Text };

export interface TemplateActivity {
  name: Text;
  description: Text;
  role: 'controller' | 'processor';
  /** Processor activities: on whose behalf, and what we do for them. */
  controllerName?: Text;
  processingCategories?: Text;
  purposes: Text[];
  legalBasis: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | null;
  legalBasisJustification: Text;
  subjectCategoryKeys: string[];
  dataCategoryKeys: string[];
  systemKeys: string[];
  recipientCategories: Text;
  hasNoRecipients?: boolean;
  retention: TemplateRetention;
  securityMeasures: Text;
  isDpiaRequired: boolean | null;
  dpiaReason: Text;
}

export interface RegisterTemplate {
  id: 'ict_provider' | 'freelancer' | 'webshop';
  name: Text;
  description: Text;
  systems: TemplateSystem[];
  activities: TemplateActivity[];
}

/** The security measures both seed pages describe; templates start from them, organisations adapt them. */
export const BASELINE_SECURITY: Text = {
  nl: 'Tweestapsverificatie op alle accounts; toegang alleen voor wie het nodig heeft; versleutelde verbindingen (TLS); versleutelde back-ups op een ander platform; software actueel gehouden; geen wachtwoorden per e-mail.',
  en: 'Two-factor authentication on every account; access only for those who need it; encrypted connections (TLS); encrypted backups on another platform; software kept up to date; no passwords sent by e-mail.',
};
