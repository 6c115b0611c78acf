import { describe, expect, it } from 'vitest';
import gdprItems from '../../../reference/gdpr-items.json' with { type: 'json' };
import {
  type ActivityFacts,
  activityCompleteness,
  compareCompleteness,
  controllerItemChecks,
  type Finding,
  type OrganisationFacts,
  organisationCompleteness,
  processorItemChecks,
  summarise,
} from './rules.ts';

const TODAY = '2026-11-23';

/** A controller activity with every item filled in; tests take one thing away at a time. */
function completeActivity(overrides: Partial<ActivityFacts> = {}): ActivityFacts {
  return {
    name: 'Sollicitanten',
    role: 'controller',
    controllers: [],
    jointControllers: [],
    processingCategories: '',
    purposes: ['Werving en selectie'],
    legalBasis: 'b',
    legalBasisJustification: '',
    specialCategoryGround: null,
    criminalDataGround: '',
    subjectCategories: [{ name: 'Sollicitanten' }],
    dataCategories: [{ name: 'Sollicitatiegegevens', isSpecial: false, isCriminal: false, isNationalId: false }],
    recipientCount: 0,
    systemVendors: [],
    hasNoRecipients: true,
    recipientCategories: '',
    destinations: [
      {
        label: 'Mail',
        country: 'NL',
        kind: 'storage',
        safeguard: null,
        safeguardDetails: '',
        transferImpactAssessment: null,
        dpf: null,
        isHrData: false,
        scopeAnswer: 'unanswered',
      },
    ],
    retention: {
      kind: 'period',
      amount: 4,
      unit: 'weeks',
      startEvent: 'end-of-application-procedure',
      reference: 'AP',
      presetId: 'applicants',
    },
    securityMeasures: 'Tweestapsverificatie',
    isDpiaRequired: false,
    dpiaReason: '',
    owner: 'member',
    reviewDate: '2027-06-01',
    ...overrides,
  };
}

function completeProcessorActivity(overrides: Partial<ActivityFacts> = {}): ActivityFacts {
  return completeActivity({
    name: 'Beheer klant-ICT',
    role: 'processor',
    controllers: [{ kind: 'external', name: 'Bakkerij De Korenschoof', contact: 'info@korenschoof.example' }],
    processingCategories: 'Beheer van werkplekken en mail',
    legalBasis: null,
    ...overrides,
  });
}

const noRetention = { kind: null, amount: null, unit: null, startEvent: '', reference: '', presetId: null };

const notComplete = (findings: Finding[]) => findings.filter((item) => item.status !== 'complete');
const codes = (findings: Finding[]) => notComplete(findings).map((item) => item.code);

describe('completeness rules are driven by reference/gdpr-items.json', () => {
  it('have a check for every Art. 30(1) and Art. 30(2) item', () => {
    expect(controllerItemChecks()).toHaveLength(gdprItems.art30_1_controller.length);
    expect(processorItemChecks()).toHaveLength(gdprItems.art30_2_processor.length);
  });

  it('report every Art. 30(1) item b–g and the further checks for a controller activity', () => {
    const findings = activityCompleteness(completeActivity(), TODAY);
    const items = new Set(findings.map((item) => item.itemId));
    for (const item of gdprItems.art30_1_controller.filter((entry) => entry.id !== 'a')) {
      expect(items, item.id).toContain(`30.1.${item.id}`);
    }
    expect([...items]).toEqual(expect.arrayContaining(['6.1', 'dpia', 'owner', 'review']));
    expect(notComplete(findings)).toEqual([]);
    expect(summarise(findings)).toEqual({ isComplete: true, missing: 0, warnings: 0 });
  });

  it('report every Art. 30(2) item for a processor activity, without controller-only checks', () => {
    const findings = activityCompleteness(completeProcessorActivity(), TODAY);
    const items = new Set(findings.map((item) => item.itemId));
    for (const item of gdprItems.art30_2_processor) expect(items, item.id).toContain(`30.2.${item.id}`);
    expect(items).not.toContain('6.1');
    expect(items).not.toContain('30.1.f');
    expect(notComplete(findings)).toEqual([]);
  });
});

describe('Art. 30(1) items of a controller activity', () => {
  it.each([
    { item: 'b purposes', change: { purposes: [] }, code: 'purposes_missing' },
    { item: 'c subject categories', change: { subjectCategories: [] }, code: 'subject_categories_missing' },
    { item: 'c data categories', change: { dataCategories: [] }, code: 'data_categories_missing' },
    { item: 'd recipients', change: { hasNoRecipients: false }, code: 'recipients_missing' },
  ])('$item: missing when empty', ({ change, code }) => {
    const findings = activityCompleteness(completeActivity(change), TODAY);
    expect(codes(findings)).toEqual([code]);
    expect(notComplete(findings)[0]).toMatchObject({ status: 'missing', params: { activity: 'Sollicitanten' } });
    expect(summarise(findings)).toEqual({ isComplete: false, missing: 1, warnings: 0 });
  });

  it('d: recipients, recipient categories or an explicit "no recipients" each complete the item', () => {
    const base = { hasNoRecipients: false };
    const recipientCodes = (change: Partial<ActivityFacts>) =>
      activityCompleteness(completeActivity({ ...base, ...change }), TODAY)
        .filter((item) => item.itemId === '30.1.d')
        .map((item) => [item.status, item.code]);
    expect(recipientCodes({ recipientCount: 2 })).toEqual([['complete', 'recipients_recorded']]);
    expect(recipientCodes({ recipientCategories: 'Belastingdienst' })).toEqual([['complete', 'recipients_recorded']]);
    expect(recipientCodes({ hasNoRecipients: true })).toEqual([['complete', 'no_recipients_recorded']]);
  });

  it('d: the processors running its systems are recipients (Art. 4(9)), so "no recipients" gives way to them', () => {
    const findings = activityCompleteness(
      completeActivity({ hasNoRecipients: true, systemVendors: [{ name: 'Mailhuis B.V.' }, { name: 'Cloudreus' }] }),
      TODAY,
    );
    expect(findings.filter((item) => item.itemId === '30.1.d')).toEqual([
      expect.objectContaining({
        status: 'complete',
        code: 'processors_are_recipients',
        params: { activity: 'Sollicitanten', vendors: 'Mailhuis B.V., Cloudreus' },
      }),
    ]);
  });

  it.each([
    { item: 'f retention (where possible)', change: { retention: { ...noRetention } }, code: 'retention_missing' },
    {
      item: 'g security measures (where possible)',
      change: { securityMeasures: '  ' },
      code: 'security_measures_missing',
    },
  ])('$item: a warning, not missing, when empty', ({ change, code }) => {
    const findings = activityCompleteness(completeActivity(change), TODAY);
    expect(notComplete(findings)).toEqual([expect.objectContaining({ code, status: 'warning', basis: 'art30' })]);
    expect(summarise(findings)).toEqual({ isComplete: true, missing: 0, warnings: 1 });
  });

  it('a: each joint controller (Art. 26) needs name and contact; the arrangement is a further check', () => {
    const joint = (change: Partial<ActivityFacts['jointControllers'][number]>) =>
      activityCompleteness(
        completeActivity({
          jointControllers: [
            { name: 'Stichting Samen', contact: 'info@samen.example', arrangement: 'Zie convenant', ...change },
          ],
        }),
        TODAY,
      );
    expect(codes(joint({}))).toEqual([]);
    expect(joint({}).filter((item) => item.itemId === '30.1.a')).toEqual([
      expect.objectContaining({ status: 'complete', code: 'joint_controller_recorded', basis: 'art30' }),
    ]);
    expect(notComplete(joint({ contact: '' }))).toEqual([
      expect.objectContaining({ itemId: '30.1.a', status: 'missing', code: 'joint_controller_incomplete' }),
    ]);
    expect(notComplete(joint({ arrangement: '' }))).toEqual([
      expect.objectContaining({
        itemId: '26',
        status: 'warning',
        code: 'joint_arrangement_missing',
        basis: 'privacydesk',
      }),
    ]);
  });
});

describe('the basis of each finding: what Art. 30 requires and what privacydesk also checks', () => {
  it('marks the Art. 30 items art30 and the legal basis, Art. 9/10 grounds, DPIA, owner and review privacydesk', () => {
    const findings = activityCompleteness(
      completeActivity({
        legalBasis: null,
        dataCategories: [{ name: 'Gezondheid', isSpecial: true, isCriminal: true, isNationalId: false }],
        isDpiaRequired: null,
        owner: 'none',
        reviewDate: null,
      }),
      TODAY,
    );
    const basisOfItem = Object.fromEntries(findings.map((item) => [item.itemId, item.basis]));
    expect(basisOfItem).toMatchObject({
      '30.1.b': 'art30',
      '30.1.c': 'art30',
      '30.1.d': 'art30',
      '30.1.e': 'art30',
      '30.1.f': 'art30',
      '30.1.g': 'art30',
      '6.1': 'privacydesk',
      '9.2': 'privacydesk',
      '10': 'privacydesk',
      dpia: 'privacydesk',
      owner: 'privacydesk',
      review: 'privacydesk',
    });
  });
});

describe('Art. 30(1)(e) transfers outside the EEA', () => {
  const destination = (
    country: string,
    safeguard: string | null = null,
    extra: Partial<ActivityFacts['destinations'][number]> = {},
  ): ActivityFacts['destinations'][number] => ({
    label: `Leverancier ${country}`,
    country,
    kind: 'vendor',
    safeguard,
    safeguardDetails: '',
    transferImpactAssessment: null,
    dpf: null,
    isHrData: false,
    scopeAnswer: 'unanswered',
    ...extra,
  });
  const tia = { assessedOn: '2026-01-15', reference: 'TIA-2026-01.pdf' };
  const certifiedSince2023 = { isDpfCertified: true, dpfCertifiedSince: '2023-07-17', isDpfHrInScope: false };
  const transferItems = (destinations: ActivityFacts['destinations']) =>
    activityCompleteness(completeActivity({ destinations }), TODAY).filter((item) => item.itemId === '30.1.e');

  it('is complete with no destination outside the EEA (Norway is in the EEA)', () => {
    expect(transferItems([destination('NL'), destination('NO')])).toEqual([
      expect.objectContaining({ status: 'complete', code: 'no_transfers' }),
    ]);
  });

  it('names each destination without adequacy and without a safeguard', () => {
    const items = transferItems([destination('US'), destination('IN'), destination('DE')]);
    expect(items.map((item) => [item.status, item.code, item.params.country, item.params.destination])).toEqual([
      ['missing', 'transfer_safeguard_missing', 'US', 'Leverancier US'],
      ['missing', 'transfer_safeguard_missing', 'IN', 'Leverancier IN'],
    ]);
  });

  it('accepts an adequacy decision, DPF certification for the US, or a recorded safeguard', () => {
    const items = transferItems([
      destination('CH'),
      destination('US', null, { dpf: certifiedSince2023 }),
      destination('IN', 'scc', { transferImpactAssessment: tia }),
    ]);
    expect(items).toEqual([expect.objectContaining({ status: 'complete', code: 'transfers_covered' })]);
    expect(items[0]?.params.count).toBe(3);
  });

  it('warns when an Art. 49 derogation for an occasional transfer has no documented details', () => {
    const items = transferItems([destination('IN', 'derogation', { kind: 'occasional' })]);
    expect(items.map((item) => [item.status, item.code])).toEqual([['warning', 'transfer_derogation_undocumented']]);
    const documented = transferItems([
      destination('IN', 'derogation', { kind: 'occasional', safeguardDetails: 'Art. 49(1)(b)' }),
    ]);
    expect(documented.map((item) => item.status)).toEqual(['complete']);
  });

  it('judges adequacy on the given day (the UK decision has an end date)', () => {
    const later = activityCompleteness(completeActivity({ destinations: [destination('GB')] }), '2032-01-01');
    expect(codes(later)).toContain('transfer_safeguard_missing');
    expect(codes(activityCompleteness(completeActivity({ destinations: [destination('GB')] }), TODAY))).toEqual([]);
  });
});

describe('Art. 6(1), 9(2), 10 and national identifiers', () => {
  const special = { name: 'Gezondheid', isSpecial: true, isCriminal: false, isNationalId: false };
  const criminal = { name: 'VOG', isSpecial: false, isCriminal: true, isNationalId: false };
  const bsn = { name: 'BSN', isSpecial: false, isCriminal: false, isNationalId: true };

  it('requires a legal basis, and a legitimate-interest assessment for basis f', () => {
    expect(codes(activityCompleteness(completeActivity({ legalBasis: null }), TODAY))).toEqual(['legal_basis_missing']);
    expect(codes(activityCompleteness(completeActivity({ legalBasis: 'f' }), TODAY))).toEqual([
      'legitimate_interest_assessment_missing',
    ]);
    const assessed = completeActivity({ legalBasis: 'f', legalBasisJustification: 'Afweging van 2026-01-10' });
    expect(codes(activityCompleteness(assessed, TODAY))).toEqual([]);
  });

  it('requires an Art. 9(2) ground for special categories, naming them', () => {
    const withHealth = completeActivity({ dataCategories: [special] });
    const missing = notComplete(activityCompleteness(withHealth, TODAY));
    expect(missing).toEqual([
      expect.objectContaining({
        itemId: '9.2',
        status: 'missing',
        params: { activity: 'Sollicitanten', categories: 'Gezondheid' },
      }),
    ]);
    expect(codes(activityCompleteness({ ...withHealth, specialCategoryGround: 'b' }, TODAY))).toEqual([]);
  });

  it('requires an Art. 10 ground for criminal data', () => {
    const withVog = completeActivity({ dataCategories: [criminal] });
    expect(codes(activityCompleteness(withVog, TODAY))).toEqual(['criminal_data_ground_missing']);
    expect(codes(activityCompleteness({ ...withVog, criminalDataGround: 'Wet justitiële gegevens' }, TODAY))).toEqual(
      [],
    );
  });

  it('warns about a national identifier unless a law prescribes it (basis c)', () => {
    const withBsn = completeActivity({ dataCategories: [bsn] });
    expect(notComplete(activityCompleteness(withBsn, TODAY))).toEqual([
      expect.objectContaining({ itemId: '87', status: 'warning', code: 'national_id_without_law' }),
    ]);
    expect(codes(activityCompleteness({ ...withBsn, legalBasis: 'c' }, TODAY))).toEqual([]);
  });
});

describe('DPIA, owner and review date (warnings only)', () => {
  it.each([
    { change: { isDpiaRequired: null }, code: 'dpia_undecided' },
    { change: { isDpiaRequired: true }, code: 'dpia_reason_missing' },
    { change: { owner: 'none' as const }, code: 'owner_missing' },
    { change: { owner: 'not_member' as const }, code: 'owner_not_member' },
    { change: { reviewDate: null }, code: 'review_date_missing' },
    { change: { reviewDate: '2026-11-22' }, code: 'review_overdue' },
  ])('$code', ({ change, code }) => {
    const findings = activityCompleteness(completeActivity(change), TODAY);
    expect(codes(findings)).toEqual([code]);
    expect(summarise(findings)).toEqual({ isComplete: true, missing: 0, warnings: 1 });
  });

  it('accepts a DPIA that is required with its reason, and a review due today', () => {
    const findings = activityCompleteness(
      completeActivity({ isDpiaRequired: true, dpiaReason: 'Camerabewaking', reviewDate: TODAY }),
      TODAY,
    );
    expect(codes(findings)).toEqual([]);
  });
});

describe('Art. 30(2) items of a processor activity', () => {
  it.each([
    { change: { controllers: [] }, code: 'controllers_missing' },
    {
      change: { controllers: [{ kind: 'external' as const, name: 'Klant', contact: '' }] },
      code: 'controller_contact_missing',
    },
    {
      change: { controllers: [{ kind: 'managed_org' as const, name: '', contact: '' }] },
      code: 'controller_not_a_client',
    },
    { change: { processingCategories: '' }, code: 'processing_categories_missing' },
    {
      change: {
        destinations: [
          {
            label: 'Backup',
            country: 'IN',
            kind: 'storage' as const,
            safeguard: null,
            safeguardDetails: '',
            transferImpactAssessment: null,
            dpf: null,
            isHrData: false,
            scopeAnswer: 'unanswered' as const,
          },
        ],
      },
      code: 'transfer_safeguard_missing',
    },
  ])('$code', ({ change, code }) => {
    const findings = activityCompleteness(completeProcessorActivity(change), TODAY);
    expect(codes(findings)).toEqual([code]);
    expect(notComplete(findings)[0]?.itemId).toMatch(/^30\.2\./);
  });

  it('a: names each controller; a free text such as "clients (per agreement)" without contact is incomplete', () => {
    const findings = activityCompleteness(
      completeProcessorActivity({
        controllers: [
          { kind: 'managed_org', name: 'Bakkerij De Zoete Korst', contact: 'henk@dezoetekorst.test' },
          { kind: 'external', name: 'Klanten (per verwerkersovereenkomst)', contact: '' },
        ],
      }),
      TODAY,
    );
    expect(
      findings
        .filter((item) => item.itemId === '30.2.a')
        .map((item) => [item.status, item.code, item.params.controller]),
    ).toEqual([
      ['complete', 'controller_recorded', 'Bakkerij De Zoete Korst'],
      ['missing', 'controller_contact_missing', 'Klanten (per verwerkersovereenkomst)'],
    ]);
  });

  it('d: missing security measures are a warning ("where possible")', () => {
    const findings = activityCompleteness(completeProcessorActivity({ securityMeasures: '' }), TODAY);
    expect(notComplete(findings)).toEqual([
      expect.objectContaining({ itemId: '30.2.d', status: 'warning', code: 'security_measures_missing' }),
    ]);
  });
});

describe('organisation items (Art. 30(1)(a))', () => {
  const organisation: OrganisationFacts = {
    name: 'Korenschoof BV',
    street: 'Stationsplein 1',
    postcode: '3811 AB',
    city: 'Amersfoort',
    isController: true,
    isProcessor: false,
    privacyContact: { kind: 'dpo', name: 'Fien de Groot' },
    clients: [],
  };

  it('is complete with an address and a DPO', () => {
    const findings = organisationCompleteness(organisation);
    expect(findings.map((item) => [item.itemId, item.status, item.code])).toEqual([
      ['30.1.a', 'complete', 'organisation_contact_recorded'],
      ['30.1.a', 'complete', 'dpo_recorded'],
    ]);
  });

  it('misses an incomplete address and warns when no privacy contact is named', () => {
    const findings = organisationCompleteness({ ...organisation, city: '', privacyContact: null });
    expect(findings.map((item) => [item.status, item.code])).toEqual([
      ['missing', 'organisation_address_missing'],
      ['warning', 'privacy_contact_missing'],
    ]);
  });

  it('a provider: each client organisation that no processor activity covers is missing (Art. 30(2))', () => {
    const findings = organisationCompleteness({
      ...organisation,
      isProcessor: true,
      clients: [
        { name: 'Bakkerij De Zoete Korst', isCovered: true },
        { name: 'Tandartspraktijk Lindelaan', isCovered: false },
      ],
    });
    expect(
      findings
        .filter((item) => item.params.client)
        .map((item) => [item.itemId, item.status, item.code, item.params.client]),
    ).toEqual([
      ['30.2.a', 'complete', 'client_covered', 'Bakkerij De Zoete Korst'],
      ['30.2.a', 'missing', 'client_not_covered', 'Tandartspraktijk Lindelaan'],
    ]);
  });

  it('uses the Art. 30(2)(a) item for an organisation that is only a processor', () => {
    const findings = organisationCompleteness({ ...organisation, isController: false, isProcessor: true });
    expect(new Set(findings.map((item) => item.itemId))).toEqual(new Set(['30.2.a']));
  });
});

describe('compareCompleteness', () => {
  it('orders the least complete first', () => {
    const summaries = [
      { isComplete: true, missing: 0, warnings: 2 },
      { isComplete: false, missing: 3, warnings: 0 },
      { isComplete: true, missing: 0, warnings: 0 },
      { isComplete: false, missing: 1, warnings: 1 },
    ];
    expect([...summaries].sort(compareCompleteness).map((s) => `${s.missing}/${s.warnings}`)).toEqual([
      '3/0',
      '1/1',
      '0/2',
      '0/0',
    ]);
  });
});
