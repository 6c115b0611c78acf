import { describe, expect, it } from 'vitest';
import retention from '../../../../reference/retention-nl.json' with { type: 'json' };
import { DEFAULT_DATA_CATEGORIES, DEFAULT_SUBJECT_CATEGORIES } from '../../categories/defaults.ts';
import { ictProviderTemplate } from './ict-provider.ts';
import { TEMPLATES } from './index.ts';
import { webshopTemplate } from './webshop.ts';

const dataKeys = new Set(DEFAULT_DATA_CATEGORIES.map((category) => category.key));
const subjectKeys = new Set(DEFAULT_SUBJECT_CATEGORIES.map((category) => category.key));
const presetIds = new Set(retention.periods.map((period) => period.id));
const specialKeys = new Set(DEFAULT_DATA_CATEGORIES.filter((category) => category.flags?.isSpecial).map((c) => c.key));

describe.each(TEMPLATES.map((template) => [template.id, template] as const))('template %s', (_id, template) => {
  it('refers only to default categories and its own systems', () => {
    const systemKeys = new Set(template.systems.map((system) => system.key));
    for (const system of template.systems) for (const key of system.dataCategoryKeys) expect(dataKeys).toContain(key);
    for (const activity of template.activities) {
      for (const key of activity.dataCategoryKeys) expect(dataKeys).toContain(key);
      for (const key of activity.subjectCategoryKeys) expect(subjectKeys).toContain(key);
      for (const key of activity.systemKeys) expect(systemKeys).toContain(key);
    }
  });

  it('uses only retention periods that reference/retention-nl.json defines', () => {
    for (const activity of template.activities) {
      if ('presetId' in activity.retention) expect(presetIds).toContain(activity.retention.presetId);
    }
  });

  it('has every visible text in Dutch and English', () => {
    const texts = [
      template.name,
      template.description,
      ...template.systems.flatMap((system) => [system.name, system.description]),
      ...template.activities.flatMap((activity) => [activity.name, activity.description, ...activity.purposes]),
    ];
    for (const text of texts) {
      expect(text.nl.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
    }
  });

  it('never sets "no recipients" on an activity that uses systems (their vendors are recipients, Art. 4(9))', () => {
    for (const activity of template.activities) {
      if (activity.systemKeys.length > 0) expect(activity.hasNoRecipients ?? false, activity.name.en).toBe(false);
    }
  });

  it('names every activity and system once', () => {
    const activityNames = template.activities.map((activity) => activity.name.nl);
    expect(new Set(activityNames).size).toBe(activityNames.length);
    const systemKeys = template.systems.map((system) => system.key);
    expect(new Set(systemKeys).size).toBe(systemKeys.length);
  });

  it('gives controller activities a legal basis and processor activities a controller', () => {
    for (const activity of template.activities) {
      if (activity.role === 'controller') expect(activity.legalBasis).not.toBeNull();
      else expect(activity.controllerName?.nl).toBeTruthy();
    }
  });

  it('never leaves an Art. 9 ground empty for an activity with special categories', () => {
    for (const activity of template.activities) {
      if (activity.dataCategoryKeys.some((key) => specialKeys.has(key))) {
        expect(activity.specialCategoryGround, activity.name.en).toBeTruthy();
      }
    }
  });

  it('does not claim "no recipients" for an activity: its systems get a vendor, and a processor is a recipient', () => {
    for (const activity of template.activities) expect(activity.hasNoRecipients, activity.name.en).toBeFalsy();
  });

  it('uses (b) for client contact persons only as the variant for consumers and sole traders', () => {
    for (const activity of template.activities) {
      if (activity.subjectCategoryKeys.includes('client-contacts') && activity.role === 'controller') {
        expect(activity.legalBasis, activity.name.en).not.toBe('b');
      }
      if (activity.legalBasis === 'f') expect(activity.legalBasisJustification.nl.length).toBeGreaterThan(40);
    }
  });
});

describe('staff administration in the ICT provider template', () => {
  const byName = (name: string) => ictProviderTemplate.activities.find((activity) => activity.name.en === name);

  it('is split by purpose, each with its own retention period of reference/retention-nl.json', () => {
    expect(byName('Payroll and wage tax records')?.retention).toEqual({ presetId: 'payroll' });
    expect(byName('Copy of employees’ identity documents')?.retention).toEqual({ presetId: 'payroll-id-copy' });
    expect(byName('Personnel file')?.retention).toEqual({ presetId: 'personnel-file' });
    expect(byName('HR and payroll administration')).toBeUndefined();
    const periods = new Map(retention.periods.map((period) => [period.id, period]));
    expect(periods.get('payroll')).toMatchObject({ years: 7, start: 'end-of-fiscal-year' });
    expect(periods.get('payroll-id-copy')).toMatchObject({ years: 5, start: 'end-of-year-of-end-of-employment' });
    expect(periods.get('personnel-file')).toMatchObject({ years: 2, start: 'end-of-employment' });
  });

  it('records sickness data under Art. 9(2)(b) GDPR and Art. 30 UAVG', () => {
    const sickness = byName('Sickness absence records');
    expect(sickness?.dataCategoryKeys).toContain('health');
    expect(sickness?.specialCategoryGround).toBe('b');
    expect(sickness?.legalBasisJustification.nl).toContain('art. 30 lid 1 UAVG');
    expect(sickness?.legalBasisJustification.en).toContain('Art. 9(2)(b) GDPR');
  });
});

describe('newsletter in the webshop template', () => {
  it('has a consent activity and a soft opt-in activity for existing customers', () => {
    const newsletters = webshopTemplate.activities.filter((activity) => activity.systemKeys.includes('newsletter'));
    expect(newsletters.map((activity) => [activity.name.en, activity.legalBasis])).toEqual([
      ['Newsletter with consent', 'a'],
      ['Newsletter to existing customers', 'f'],
    ]);
  });
});
