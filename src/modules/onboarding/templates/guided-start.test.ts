import { describe, expect, it } from 'vitest';
import { composeGuidedStart, type GuidedStartAnswers } from './guided-start.ts';

const none = { mailProvider: null, accountingPackage: null, crm: null, hostingProvider: null, backupProvider: null };

function answers(overrides: Partial<GuidedStartAnswers>): GuidedStartAnswers {
  return {
    businessKind: 'freelancer',
    hasStaff: false,
    hasApplicants: false,
    hasWebshop: false,
    hasNewsletter: false,
    ...none,
    ...overrides,
  };
}

const activityNames = (blueprint: ReturnType<typeof composeGuidedStart>) =>
  blueprint.activities.map((activity) => activity.name.en);

describe('composeGuidedStart', () => {
  it('gives a freelancer without staff the freelancer register, nothing about staff or applicants', () => {
    const names = activityNames(composeGuidedStart(answers({})));
    expect(names).toContain('Client administration and invoicing');
    expect(names).toContain('E-mail and contact form');
    expect(names).not.toContain('Recruitment');
    expect(names).not.toContain('Payroll and wage tax records');
  });

  it('adds recruitment, HR, webshop and newsletter activities with their systems when answered yes', () => {
    const blueprint = composeGuidedStart(
      answers({ hasStaff: true, hasApplicants: true, hasWebshop: true, hasNewsletter: true }),
    );
    expect(activityNames(blueprint)).toEqual(
      expect.arrayContaining([
        'Recruitment',
        'Payroll and wage tax records',
        'Copy of employees’ identity documents',
        'Personnel file',
        'Sickness absence records',
        'Orders, delivery and returns',
        'Newsletter with consent',
      ]),
    );
    const systemKeys = new Set(blueprint.systems.map((system) => system.key));
    for (const activity of blueprint.activities)
      for (const key of activity.systemKeys) expect(systemKeys).toContain(key);
  });

  it('drops the staff activities of the ICT template for a provider without staff', () => {
    const names = activityNames(composeGuidedStart(answers({ businessKind: 'ict_provider' })));
    expect(names).not.toContain('Personnel file');
    expect(names).not.toContain('Security monitoring and phishing training');
    expect(names).toContain('Ticket handling and management for clients');
  });

  it('turns the named providers into vendors with the systems located where they keep the data', () => {
    const blueprint = composeGuidedStart(
      answers({
        mailProvider: { name: 'Mailhuis', country: 'IE', region: 'Dublin' },
        backupProvider: {
          name: 'Bewaarkluis',
          country: 'NL',
          region: 'Amsterdam',
          offsiteCountry: 'DE',
          offsiteRegion: 'Frankfurt',
          since: '2018-01-01',
        },
      }),
    );
    expect(blueprint.vendors.map((vendor) => vendor.name)).toEqual(['Mailhuis', 'Bewaarkluis']);
    const mailbox = blueprint.systems.find((system) => system.kind === 'mailbox');
    expect(mailbox?.vendorKey).toBe('vendor:mailhuis');
    expect(mailbox?.locations).toEqual([{ role: 'primary', country: 'IE', region: 'Dublin', since: null }]);
    const backup = blueprint.systems.find((system) => system.kind === 'backup');
    expect(backup?.locations).toEqual([
      { role: 'backup', country: 'NL', region: 'Amsterdam', since: '2018-01-01' },
      { role: 'offsite_backup', country: 'DE', region: 'Frankfurt', since: '2018-01-01' },
    ]);
  });

  it('dates a provider’s location from the answer when given, else leaves it unknown to fill in later', () => {
    const blueprint = composeGuidedStart(
      answers({
        mailProvider: { name: 'Mailhuis', country: 'NL', region: '', since: '2016-09-01' },
        accountingPackage: { name: 'Boek', country: 'NL', region: '' },
      }),
    );
    expect(blueprint.systems.find((system) => system.kind === 'mailbox')?.locations[0]?.since).toBe('2016-09-01');
    expect(blueprint.systems.find((system) => system.kind === 'administration')?.locations[0]?.since).toBeNull();
  });

  it('adds a CRM system and links it to the client activity when a freelancer names a CRM', () => {
    const blueprint = composeGuidedStart(answers({ crm: { name: 'Relatiebeheer BV', country: 'NL', region: '' } }));
    const crm = blueprint.systems.find((system) => system.kind === 'crm');
    expect(crm?.vendorKey).toBe('vendor:relatiebeheer bv');
    const clientAdministration = blueprint.activities.find(
      (activity) => activity.name.en === 'Client administration and invoicing',
    );
    expect(clientAdministration?.systemKeys).toContain(crm?.key);
  });

  it('merges one provider named for two services into one vendor', () => {
    const provider = { name: 'Alles-in-een', country: 'NL', region: '' };
    const blueprint = composeGuidedStart(answers({ mailProvider: provider, hostingProvider: provider }));
    expect(blueprint.vendors).toHaveLength(1);
    expect(blueprint.vendors[0]?.services.en).toBe('E-mail, Hosting');
  });

  it('uses Art. 6(1)(f) with the balancing test for business contacts, (b) only for consumers and sole traders', () => {
    const crmOf = (clients: 'business' | 'private') =>
      composeGuidedStart(answers({ businessKind: 'ict_provider', clients })).activities.find(
        (activity) => activity.name.en === 'Client relations and transparency e-mail (CRM)',
      );
    expect(crmOf('business')).toMatchObject({ legalBasis: 'f', subjectCategoryKeys: ['client-contacts'] });
    expect(crmOf('business')?.legalBasisJustification.nl).toMatch(/afweging/i);
    expect(crmOf('private')).toMatchObject({ legalBasis: 'b', subjectCategoryKeys: ['customers'] });
    const invoicing = composeGuidedStart(answers({})).activities.find(
      (activity) => activity.name.en === 'Client administration and invoicing',
    );
    expect(invoicing?.legalBasis).toBe('f');
  });

  it('adds the soft opt-in newsletter (basis f) only when existing customers receive it', () => {
    const consentOnly = activityNames(composeGuidedStart(answers({ hasNewsletter: true })));
    expect(consentOnly).toContain('Newsletter with consent');
    expect(consentOnly).not.toContain('Newsletter to existing customers');
    const both = composeGuidedStart(answers({ hasNewsletter: true, mailsExistingCustomers: true }));
    const softOptIn = both.activities.find((activity) => activity.name.en === 'Newsletter to existing customers');
    expect(softOptIn).toMatchObject({ legalBasis: 'f', retention: { kind: 'until_event' } });
    expect(softOptIn?.legalBasisJustification.nl).toContain('art. 11.7 lid 3 Telecommunicatiewet');
    expect(softOptIn?.legalBasisJustification.nl).toContain('art. 21 lid 3 AVG');
  });

  it('claims two-factor sign-in and encrypted backups only when confirmed, and records them on the systems', () => {
    const unconfirmed = composeGuidedStart(answers({ backupProvider: null }));
    for (const activity of unconfirmed.activities) {
      expect(activity.securityMeasures.nl).not.toMatch(/tweestapsverificatie|versleutelde back-ups/i);
      expect(activity.securityMeasures.en).not.toMatch(/two-factor|encrypted backups/i);
    }
    expect(unconfirmed.systems.every((system) => system.isMfaEnforced === null)).toBe(true);
    const confirmed = composeGuidedStart(answers({ security: { mfaOnAllAccounts: true, backupsEncrypted: true } }));
    expect(confirmed.activities[0]?.securityMeasures.nl).toMatch(/^Tweestapsverificatie op alle accounts/);
    expect(confirmed.systems.every((system) => system.isMfaEnforced === true)).toBe(true);
    expect(confirmed.systems.find((system) => system.kind === 'backup')?.isEncryptedAtRest).toBe(true);
  });
});
