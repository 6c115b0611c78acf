import { describe, expect, it } from 'vitest';
import retention from '../../../../reference/retention-nl.json' with { type: 'json' };
import { DEFAULT_DATA_CATEGORIES, DEFAULT_SUBJECT_CATEGORIES } from '../../categories/defaults.ts';
import { TEMPLATES } from './index.ts';

const dataKeys = new Set(DEFAULT_DATA_CATEGORIES.map((category) => category.key));
const subjectKeys = new Set(DEFAULT_SUBJECT_CATEGORIES.map((category) => category.key));
const presetIds = new Set(retention.periods.map((period) => period.id));

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
});
