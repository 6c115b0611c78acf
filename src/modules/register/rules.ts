import { gdprItems } from '../../reference/index.ts';
import { type RetentionFacts, retentionFindings } from './retention-rules.ts';
import { type DestinationFacts, transferFindings } from './transfer-rules.ts';

/**
 * The completeness check of the Art. 30 register: per activity, every item of Art. 30(1) (controller) or Art. 30(2)
 * (processor) from reference/gdpr-items.json, plus the further checks a register needs (legal basis, Art. 9/10
 * grounds, national identifiers, DPIA decision, owner, review date). Pure: `today` is a parameter.
 */
export type FindingStatus = 'complete' | 'missing' | 'warning';

/**
 * Why an item is checked: `art30` — Art. 30 GDPR requires it in the register; `privacydesk` — a further check
 * privacydesk adds because the rest of the law asks for it elsewhere (Art. 6, 9, 10, 26, 35, accountability).
 */
export type FindingBasis = 'art30' | 'privacydesk';

export interface Finding {
  itemId: string;
  article: string;
  status: FindingStatus;
  /** Message key `register.completeness.<code>`. */
  code: string;
  params: Record<string, string | number>;
}

/** A finding as the register reports it: with the basis of the check. */
export interface CheckedFinding extends Finding {
  basis: FindingBasis;
}

/** Art. 30 items (`30.1.x`, `30.2.x`) are the law's register; everything else is privacydesk's further checks. */
export const basisOf = (itemId: string): FindingBasis => (itemId.startsWith('30.') ? 'art30' : 'privacydesk');

export const withBasis = (item: Finding): CheckedFinding => ({ ...item, basis: basisOf(item.itemId) });

export type { DestinationFacts } from './transfer-rules.ts';

export interface CategoryFacts {
  name: string;
  isSpecial: boolean;
  isCriminal: boolean;
  isNationalId: boolean;
}

/**
 * A controller on whose behalf a processor activity is carried out (Art. 30(2)(a)): a client organisation managed
 * in privacydesk (its name and contact details read from it) or an external controller.
 */
export interface ControllerFacts {
  kind: 'managed_org' | 'external';
  /** Empty for a managed organisation that is no longer one of ours. */
  name: string;
  contact: string;
}

/** A joint controller (Art. 26) of a controller activity. */
export interface JointControllerFacts {
  name: string;
  contact: string;
  arrangement: string;
}

export interface ActivityFacts {
  name: string;
  role: 'controller' | 'processor';
  controllers: ControllerFacts[];
  jointControllers: JointControllerFacts[];
  processingCategories: string;
  purposes: string[];
  legalBasis: string | null;
  legalBasisJustification: string;
  specialCategoryGround: string | null;
  criminalDataGround: string;
  subjectCategories: { name: string }[];
  dataCategories: CategoryFacts[];
  recipientCount: number;
  /**
   * The vendors running the activity's systems (and holding their copies) that are not recorded recipients: as
   * processors to whom data is disclosed they are recipients (Art. 4(9)), listed under Art. 30(1)(d) automatically.
   */
  systemVendors: { name: string }[];
  hasNoRecipients: boolean;
  recipientCategories: string;
  destinations: DestinationFacts[];
  retention: RetentionFacts;
  securityMeasures: string;
  isDpiaRequired: boolean | null;
  dpiaReason: string;
  /** `not_member`: an owner is set but no longer belongs to the organisation. */
  owner: 'none' | 'member' | 'not_member';
  reviewDate: string | null;
  /** What the inventory says about the activity's systems (absent: not checked). */
  systems?: SystemInventoryFacts[];
}

export interface SystemInventoryFacts {
  name: string;
  kind: string;
  /** Null: not known. */
  isMfaEnforced: boolean | null;
  isEncryptedAtRest: boolean | null;
  /** A location of the system has no first day recorded yet. */
  hasLocationOfUnknownStart: boolean;
}

export interface OrganisationFacts {
  name: string;
  street: string;
  postcode: string;
  city: string;
  isController: boolean;
  isProcessor: boolean;
  privacyContact: { kind: 'dpo' | 'privacy_officer'; name: string } | null;
  /** The client organisations it manages, and whether an activity that is not retired names each as controller. */
  clients: { name: string; isCovered: boolean }[];
}

type Check = (activity: ActivityFacts, today: string) => Finding[];

const filled = (text: string) => text.trim().length > 0;

function finding(
  itemId: string,
  article: string,
  status: FindingStatus,
  code: string,
  params: Record<string, string | number>,
): Finding {
  return { itemId, article, status, code, params };
}

/** One finding: complete when `isMet`, else missing (or a warning when `severity` says so). */
function either(
  itemId: string,
  article: string,
  isMet: boolean,
  codes: [complete: string, notMet: string],
  params: Record<string, string | number>,
  severity: 'missing' | 'warning' = 'missing',
): Finding {
  return finding(itemId, article, isMet ? 'complete' : severity, isMet ? codes[0] : codes[1], params);
}

const names = (categories: { name: string }[]) => categories.map((category) => category.name).join(', ');

const CONTROLLER_CHECKS: Record<string, Check> = {
  // Item a concerns the organisation itself (see organisationCompleteness) and the activity's joint controllers.
  a: (activity) => activity.jointControllers.flatMap((joint) => jointControllerFindings(activity.name, joint)),
  b: (activity) => [
    either('30.1.b', '30(1)(b)', activity.purposes.length > 0, ['purposes_recorded', 'purposes_missing'], {
      activity: activity.name,
    }),
  ],
  c: (activity) => [
    either(
      '30.1.c',
      '30(1)(c)',
      activity.subjectCategories.length > 0,
      ['subject_categories_recorded', 'subject_categories_missing'],
      { activity: activity.name },
    ),
    either(
      '30.1.c',
      '30(1)(c)',
      activity.dataCategories.length > 0,
      ['data_categories_recorded', 'data_categories_missing'],
      { activity: activity.name },
    ),
  ],
  d: (activity) => {
    const params = { activity: activity.name };
    if (activity.recipientCount > 0 || filled(activity.recipientCategories)) {
      return [finding('30.1.d', '30(1)(d)', 'complete', 'recipients_recorded', params)];
    }
    // A processor to whom data is disclosed is a recipient (Art. 4(9)): "no recipients" cannot hold then.
    if (activity.systemVendors.length > 0) {
      const vendors = names(activity.systemVendors);
      return [finding('30.1.d', '30(1)(d)', 'complete', 'processors_are_recipients', { ...params, vendors })];
    }
    const code = activity.hasNoRecipients ? 'no_recipients_recorded' : 'recipients_missing';
    return [finding('30.1.d', '30(1)(d)', activity.hasNoRecipients ? 'complete' : 'missing', code, params)];
  },
  e: (activity, today) => transferFindings('30.1.e', '30(1)(e)', activity.name, activity.destinations, today),
  f: (activity, today) => retentionFindings(activity.name, activity.retention, today),
  g: (activity) => [securityFinding('30.1.g', '30(1)(g)', activity)],
};

const PROCESSOR_CHECKS: Record<string, Check> = {
  a: (activity) => controllerFindings(activity),
  b: (activity) => [
    either(
      '30.2.b',
      '30(2)(b)',
      filled(activity.processingCategories),
      ['processing_categories_recorded', 'processing_categories_missing'],
      { activity: activity.name },
    ),
  ],
  c: (activity, today) => transferFindings('30.2.c', '30(2)(c)', activity.name, activity.destinations, today),
  d: (activity) => [securityFinding('30.2.d', '30(2)(d)', activity)],
};

/** Art. 30(1)(g) and 30(2)(d) ask for the security measures "where possible": not having them is a warning. */
function securityFinding(itemId: string, article: string, activity: ActivityFacts): Finding {
  return either(
    itemId,
    article,
    filled(activity.securityMeasures),
    ['security_measures_recorded', 'security_measures_missing'],
    { activity: activity.name },
    'warning',
  );
}

/**
 * Art. 30(2)(a): the name and contact details of *each* controller on whose behalf we act. A controller without
 * contact details (such as the free text "clients (per agreement)" of older registers) is not a controller named.
 */
function controllerFindings(activity: ActivityFacts): Finding[] {
  const at = ['30.2.a', '30(2)(a)'] as const;
  const params = { activity: activity.name };
  if (activity.controllers.length === 0) return [finding(...at, 'missing', 'controllers_missing', params)];
  return activity.controllers.map((controller) => {
    const about = { ...params, controller: controller.name };
    if (!filled(controller.name)) {
      const code = controller.kind === 'managed_org' ? 'controller_not_a_client' : 'controller_name_missing';
      return finding(...at, 'missing', code, about);
    }
    if (!filled(controller.contact)) return finding(...at, 'missing', 'controller_contact_missing', about);
    return finding(...at, 'complete', 'controller_recorded', about);
  });
}

/** Art. 30(1)(a): a joint controller's name and contact details; the Art. 26 arrangement is privacydesk's check. */
function jointControllerFindings(activity: string, joint: JointControllerFacts): Finding[] {
  const params = { activity, controller: joint.name };
  const isNamed = filled(joint.name) && filled(joint.contact);
  const findings = [
    either('30.1.a', '30(1)(a)', isNamed, ['joint_controller_recorded', 'joint_controller_incomplete'], params),
  ];
  const codes: [string, string] = ['joint_arrangement_recorded', 'joint_arrangement_missing'];
  findings.push(either('26', '26(1)', filled(joint.arrangement), codes, params, 'warning'));
  return findings;
}

/** The checks for every item of a list in reference/gdpr-items.json; an item without a check is a programming error. */
function itemChecks(items: readonly { id: string }[], checks: Record<string, Check>): Check[] {
  return items.map((item) => {
    const check = checks[item.id];
    if (!check) throw new Error(`No completeness check for Art. 30 item ${item.id}`);
    return check;
  });
}

export const controllerItemChecks = () => itemChecks(gdprItems.art30_1_controller, CONTROLLER_CHECKS);
export const processorItemChecks = () => itemChecks(gdprItems.art30_2_processor, PROCESSOR_CHECKS);

function legalBasisFindings(activity: ActivityFacts): Finding[] {
  const params = { activity: activity.name, basis: activity.legalBasis ?? '' };
  if (!activity.legalBasis) return [finding('6.1', '6(1)', 'missing', 'legal_basis_missing', params)];
  if (activity.legalBasis === 'f' && !filled(activity.legalBasisJustification)) {
    return [finding('6.1', '6(1)(f)', 'missing', 'legitimate_interest_assessment_missing', params)];
  }
  return [finding('6.1', '6(1)', 'complete', 'legal_basis_recorded', params)];
}

/** Art. 9(2) for special categories, Art. 10 for criminal data, Art. 87 / UAVG art. 46 for national identifiers. */
function sensitiveDataFindings(activity: ActivityFacts): Finding[] {
  const findings: Finding[] = [];
  const special = activity.dataCategories.filter((category) => category.isSpecial);
  const criminal = activity.dataCategories.filter((category) => category.isCriminal);
  const nationalIds = activity.dataCategories.filter((category) => category.isNationalId);
  const about = (categories: CategoryFacts[]) => ({ activity: activity.name, categories: names(categories) });
  if (special.length > 0) {
    const codes: [string, string] = ['special_category_ground_recorded', 'special_category_ground_missing'];
    findings.push(either('9.2', '9(2)', activity.specialCategoryGround !== null, codes, about(special)));
  }
  if (criminal.length > 0) {
    const codes: [string, string] = ['criminal_data_ground_recorded', 'criminal_data_ground_missing'];
    findings.push(either('10', '10', filled(activity.criminalDataGround), codes, about(criminal)));
  }
  if (nationalIds.length > 0) {
    const codes: [string, string] = ['national_id_by_law', 'national_id_without_law'];
    findings.push(either('87', '87', activity.legalBasis === 'c', codes, about(nationalIds), 'warning'));
  }
  return findings;
}

function dpiaFinding(activity: ActivityFacts): Finding {
  const params = { activity: activity.name };
  if (activity.isDpiaRequired === null) return finding('dpia', '35', 'warning', 'dpia_undecided', params);
  if (activity.isDpiaRequired && !filled(activity.dpiaReason)) {
    return finding('dpia', '35', 'warning', 'dpia_reason_missing', params);
  }
  return finding('dpia', '35', 'complete', 'dpia_decided', params);
}

function ownerFinding(activity: ActivityFacts): Finding {
  const params = { activity: activity.name };
  if (activity.owner === 'member') return finding('owner', '5(2)', 'complete', 'owner_recorded', params);
  const code = activity.owner === 'none' ? 'owner_missing' : 'owner_not_member';
  return finding('owner', '5(2)', 'warning', code, params);
}

function reviewFinding(activity: ActivityFacts, today: string): Finding {
  const params = { activity: activity.name, date: activity.reviewDate ?? '' };
  if (!activity.reviewDate) return finding('review', '24(1)', 'warning', 'review_date_missing', params);
  if (activity.reviewDate < today) return finding('review', '24(1)', 'warning', 'review_overdue', params);
  return finding('review', '24(1)', 'complete', 'review_scheduled', params);
}

/**
 * A measure the security text claims, and which of the activity's systems would have to confirm it: two-factor
 * sign-in on all of them; encrypted backups on its backup systems; encryption at rest on all of them.
 */
const SECURITY_CLAIM_CHECKS = [
  {
    code: 'security_claim_mfa_unconfirmed',
    claims: /tweestapsverificatie|twee-?factor|two-factor|multi-?factor|\b2fa\b|\bmfa\b/i,
    concerns: () => true,
    confirms: (system: SystemInventoryFacts) => system.isMfaEnforced === true,
  },
  {
    code: 'security_claim_encryption_unconfirmed',
    claims: /versleutelde back-?ups?|encrypted back-?ups?/i,
    concerns: (system: SystemInventoryFacts) => system.kind === 'backup',
    confirms: (system: SystemInventoryFacts) => system.isEncryptedAtRest === true,
  },
  {
    code: 'security_claim_encryption_unconfirmed',
    claims: /versleuteld opgeslagen|versleutelde opslag|encrypted at rest|encrypted storage/i,
    concerns: () => true,
    confirms: (system: SystemInventoryFacts) => system.isEncryptedAtRest === true,
  },
] as const;

/**
 * Where the register and the inventory disagree: a security text claiming a measure that a system's flags say is
 * absent or unknown (Art. 30(1)(g) / 30(2)(d) must describe what is done, not what a template suggested), and a
 * system whose location has no first day yet, so "where was the data on day D" cannot be answered.
 */
export function inventoryFindings(activity: ActivityFacts): Finding[] {
  const systems = activity.systems ?? [];
  const [itemId, article] = activity.role === 'processor' ? ['30.2.d', '30(2)(d)'] : ['30.1.g', '30(1)(g)'];
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const check of SECURITY_CLAIM_CHECKS) {
    if (reported.has(check.code) || !check.claims.test(activity.securityMeasures)) continue;
    const unconfirmed = systems.filter((system) => check.concerns(system) && !check.confirms(system));
    if (unconfirmed.length === 0) continue;
    reported.add(check.code);
    findings.push(
      finding(itemId, article, 'warning', check.code, { activity: activity.name, systems: names(unconfirmed) }),
    );
  }
  const undated = systems.filter((system) => system.hasLocationOfUnknownStart);
  if (undated.length > 0) {
    findings.push(
      finding('locations', '5(2)', 'warning', 'location_since_unknown', {
        activity: activity.name,
        systems: names(undated),
      }),
    );
  }
  return findings;
}

/** Every finding for one activity, in the order of the law's item lists, then the further checks. */
export function activityCompleteness(activity: ActivityFacts, today: string): CheckedFinding[] {
  if (activity.role === 'processor') {
    return [
      ...processorItemChecks().flatMap((check) => check(activity, today)),
      ...inventoryFindings(activity),
      ownerFinding(activity),
      reviewFinding(activity, today),
    ].map(withBasis);
  }
  return [
    ...controllerItemChecks().flatMap((check) => check(activity, today)),
    ...inventoryFindings(activity),
    ...legalBasisFindings(activity),
    ...sensitiveDataFindings(activity),
    dpiaFinding(activity),
    ownerFinding(activity),
    reviewFinding(activity, today),
  ].map(withBasis);
}

/** Art. 30(1)(a) / 30(2)(a) as far as they concern the organisation itself: name, contact details, DPO. */
export function organisationCompleteness(organisation: OrganisationFacts): CheckedFinding[] {
  const itemId = organisation.isController ? '30.1.a' : '30.2.a';
  const article = organisation.isController ? '30(1)(a)' : '30(2)(a)';
  const params = { organisation: organisation.name };
  const hasAddress = [organisation.street, organisation.postcode, organisation.city].every(filled);
  const findings = [
    either(itemId, article, hasAddress, ['organisation_contact_recorded', 'organisation_address_missing'], params),
  ];
  const contact = organisation.privacyContact;
  if (!contact) findings.push(finding(itemId, article, 'warning', 'privacy_contact_missing', params));
  else {
    const code = contact.kind === 'dpo' ? 'dpo_recorded' : 'privacy_contact_recorded';
    findings.push(finding(itemId, article, 'complete', code, { ...params, name: contact.name }));
  }
  return [...findings, ...clientCoverageFindings(organisation)].map(withBasis);
}

/**
 * For a provider: Art. 30(2) asks for a record of what it does on behalf of each controller, so a client
 * organisation that no processor activity names as its controller is a gap in the provider's register.
 */
function clientCoverageFindings(organisation: OrganisationFacts): Finding[] {
  return organisation.clients.map((client) => {
    const params = { organisation: organisation.name, client: client.name };
    const codes: [string, string] = ['client_covered', 'client_not_covered'];
    return either('30.2.a', '30(2)(a)', client.isCovered, codes, params);
  });
}

export interface CompletenessSummary {
  isComplete: boolean;
  missing: number;
  warnings: number;
}

/** Complete means nothing the law requires is missing; warnings do not make an activity incomplete. */
export function summarise(findings: readonly { status: FindingStatus }[]): CompletenessSummary {
  const missing = findings.filter((item) => item.status === 'missing').length;
  const warnings = findings.filter((item) => item.status === 'warning').length;
  return { isComplete: missing === 0, missing, warnings };
}

/** Ordering for "sort by completeness": the least complete first (most missing items, then most warnings). */
export function compareCompleteness(a: CompletenessSummary, b: CompletenessSummary): number {
  return b.missing - a.missing || b.warnings - a.warnings;
}
