import { describe, expect, it } from 'vitest';
import { composeGuidedStart, type GuidedStartAnswers } from './guided-start.ts';

const none = { mailProvider: null, accountingPackage: null, crm: null, hostingProvider: null, backupProvider: null };
const TODAY = '2026-11-23';

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
    const names = activityNames(composeGuidedStart(answers({}), TODAY));
    expect(names).toContain('Client administration and invoicing');
    expect(names).toContain('E-mail and contact form');
    expect(names).not.toContain('Recruitment');
    expect(names).not.toContain('HR and payroll administration');
  });

  it('adds recruitment, HR, webshop and newsletter activities with their systems when answered yes', () => {
    const blueprint = composeGuidedStart(
      answers({ hasStaff: true, hasApplicants: true, hasWebshop: true, hasNewsletter: true }),
      TODAY,
    );
    expect(activityNames(blueprint)).toEqual(
      expect.arrayContaining([
        'Recruitment',
        'HR and payroll administration',
        'Orders, delivery and returns',
        'Newsletter',
      ]),
    );
    const systemKeys = new Set(blueprint.systems.map((system) => system.key));
    for (const activity of blueprint.activities)
      for (const key of activity.systemKeys) expect(systemKeys).toContain(key);
  });

  it('drops the staff activities of the ICT template for a provider without staff', () => {
    const names = activityNames(composeGuidedStart(answers({ businessKind: 'ict_provider' }), TODAY));
    expect(names).not.toContain('HR and payroll administration');
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
      TODAY,
    );
    expect(blueprint.vendors.map((vendor) => vendor.name)).toEqual(['Mailhuis', 'Bewaarkluis']);
    const mailbox = blueprint.systems.find((system) => system.kind === 'mailbox');
    expect(mailbox?.vendorKey).toBe('vendor:mailhuis');
    expect(mailbox?.locations).toEqual([{ role: 'primary', country: 'IE', region: 'Dublin', since: TODAY }]);
    const backup = blueprint.systems.find((system) => system.kind === 'backup');
    expect(backup?.locations).toEqual([
      { role: 'backup', country: 'NL', region: 'Amsterdam', since: '2018-01-01' },
      { role: 'offsite_backup', country: 'DE', region: 'Frankfurt', since: '2018-01-01' },
    ]);
  });

  it('dates a provider’s location from the answer when given, else today', () => {
    const blueprint = composeGuidedStart(
      answers({
        mailProvider: { name: 'Mailhuis', country: 'NL', region: '', since: '2016-09-01' },
        accountingPackage: { name: 'Boek', country: 'NL', region: '' },
      }),
      TODAY,
    );
    expect(blueprint.systems.find((system) => system.kind === 'mailbox')?.locations[0]?.since).toBe('2016-09-01');
    expect(blueprint.systems.find((system) => system.kind === 'administration')?.locations[0]?.since).toBe(TODAY);
  });

  it('adds a CRM system and links it to the client activity when a freelancer names a CRM', () => {
    const blueprint = composeGuidedStart(
      answers({ crm: { name: 'Relatiebeheer BV', country: 'NL', region: '' } }),
      TODAY,
    );
    const crm = blueprint.systems.find((system) => system.kind === 'crm');
    expect(crm?.vendorKey).toBe('vendor:relatiebeheer bv');
    const clientAdministration = blueprint.activities.find(
      (activity) => activity.name.en === 'Client administration and invoicing',
    );
    expect(clientAdministration?.systemKeys).toContain(crm?.key);
  });

  it('merges one provider named for two services into one vendor', () => {
    const provider = { name: 'Alles-in-een', country: 'NL', region: '' };
    const blueprint = composeGuidedStart(answers({ mailProvider: provider, hostingProvider: provider }), TODAY);
    expect(blueprint.vendors).toHaveLength(1);
    expect(blueprint.vendors[0]?.services.en).toBe('E-mail, Hosting');
  });
});
