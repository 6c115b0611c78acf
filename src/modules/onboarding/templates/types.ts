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

export type LegalBasis = 'a' | 'b' | 'c' | 'd' | 'e' | 'f';

export interface ClientBasis {
  legalBasis: LegalBasis;
  legalBasisJustification: Text;
  subjectCategoryKeys: string[];
}

export interface TemplateActivity {
  name: Text;
  description: Text;
  role: 'controller' | 'processor';
  /** Processor activities: on whose behalf, and what we do for them. */
  controllerName?: Text;
  processingCategories?: Text;
  purposes: Text[];
  legalBasis: LegalBasis | null;
  legalBasisJustification: Text;
  /** Art. 9(2) ground; never null when the activity holds a special category (health, …). */
  specialCategoryGround?: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j';
  /**
   * The basis when the clients are consumers or sole traders, who are party to the contract themselves (Art. 6(1)(b));
   * the default is for contact persons of business clients, who are not (Art. 6(1)(f) with the balancing test).
   */
  forPrivateClients?: ClientBasis;
  subjectCategoryKeys: string[];
  dataCategoryKeys: string[];
  systemKeys: string[];
  recipientCategories: Text;
  /** Only kept when none of the activity's systems has a vendor: a processor is a recipient (Art. 4(9)). */
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

/**
 * The organisational measures both seed pages describe; templates start from them, organisations adapt them. Claims
 * about the systems themselves (two-factor sign-in, encrypted backups) are added only once the person confirms them
 * (SECURITY_CLAIMS), so the register never states what the inventory contradicts.
 */
export const BASELINE_SECURITY: Text = {
  nl: 'Toegang alleen voor wie het nodig heeft; versleutelde verbindingen (TLS); software actueel gehouden; geen wachtwoorden per e-mail.',
  en: 'Access only for those who need it; encrypted connections (TLS); software kept up to date; no passwords sent by e-mail.',
};

/** The measures a person confirms in the guided start; each also sets the matching flag on the systems. */
export const SECURITY_CLAIMS = {
  mfa: { nl: 'Tweestapsverificatie op alle accounts.', en: 'Two-factor authentication on every account.' },
  encryptedBackups: {
    nl: 'Versleutelde back-ups op een ander platform.',
    en: 'Encrypted backups on another platform.',
  },
} as const satisfies Record<string, Text>;
