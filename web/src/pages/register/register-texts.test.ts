import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import retentionNl from '../../../../reference/retention-nl.json' with { type: 'json' };
import { ZLocationRole, ZSystemKind } from '../../../../src/modules/inventory/contract.ts';
import { ZTemplateId } from '../../../../src/modules/onboarding/contract.ts';
import {
  ZActivityRole,
  ZActivityStatus,
  ZExportQuery,
  ZImportEntity,
  ZLegalBasis,
  ZRetentionUnit,
  ZSpecialCategoryGround,
  ZTransferOverviewQuery,
  ZTransferWarning,
} from '../../../../src/modules/register/contract.ts';
import { ZVendorKind, ZVendorStatus } from '../../../../src/modules/vendors/contract.ts';
import { ZTransferSafeguard, ZTransferStatus } from '../../../../src/shared/lists.ts';
import { ACTIVITY_ROLES, ACTIVITY_STATUSES, LEGAL_BASES, SPECIAL_CATEGORY_GROUNDS } from '../../api/activities.ts';
import { DATA_CATEGORY_FLAGS } from '../../api/categories.ts';
import { LOCATION_ROLES, SYSTEM_KINDS } from '../../api/inventory.ts';
import { PLAN_ENTITIES } from '../../api/onboarding.ts';
import { EXPORT_ENTITIES, EXPORT_FORMATS, IMPORT_ENTITIES } from '../../api/register-io.ts';
import { TRANSFER_SAFEGUARDS, VENDOR_KINDS } from '../../api/vendors.ts';
import { sectionOfItem } from './activities/completeness-sections.ts';
import { RETENTION_PRESETS, retentionFromPreset } from './activities/retention-presets.ts';

type Messages = { [key: string]: string | Messages };
const catalogDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../i18n/register');
const catalog = (locale: 'nl' | 'en') =>
  JSON.parse(readFileSync(path.join(catalogDir, `${locale}.json`), 'utf8')) as Messages;

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') entries.set(`${prefix}${key}`, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text);
  }
  return entries;
}

const nl = flatten(catalog('nl'));
const en = flatten(catalog('en'));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
const sorted = (values: readonly string[]) => [...values].sort();

describe('the register texts (web/src/i18n/register)', () => {
  it('has the same keys, the same placeholders and no empty text in Dutch and English', () => {
    expect(sorted([...en.keys()])).toEqual(sorted([...nl.keys()]));
    const differing = [...nl].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(en.get(key) ?? '').join(),
    );
    expect(differing).toEqual([]);
    expect([...nl, ...en].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it("names every value of the contracts' enums the pages show (keys built from API values)", () => {
    const expected = [
      ...ZSystemKind.options.map((value) => `enums.systemKinds.${value}`),
      ...ZVendorKind.options.map((value) => `enums.vendorKinds.${value}`),
      ...ZVendorStatus.options.map((value) => `enums.activeStatus.${value}`),
      ...ZLocationRole.options.map((value) => `enums.locationRoles.${value}`),
      ...ZTransferSafeguard.options.map((value) => `enums.safeguards.${value}`),
      ...ZTransferStatus.shape.status.options.map((value) => `enums.transferStatus.${value}`),
      ...ZLegalBasis.options.map((value) => `enums.legalBases.${value}`),
      ...ZSpecialCategoryGround.options.map((value) => `enums.art9Grounds.${value}`),
      ...ZActivityStatus.options.map((value) => `enums.activityStatus.${value}`),
      ...ZActivityRole.options.flatMap((value) => [
        `enums.activityRoles.${value}`,
        `enums.activityRolesShort.${value}`,
      ]),
      ...ZRetentionUnit.options.map((value) => `enums.units.${value}`),
      ...DATA_CATEGORY_FLAGS.flatMap((flag) => [`enums.flags.${flag}`, `enums.flagsShort.${flag}`]),
      ...ZTransferWarning.shape.source.options.map((value) => `transfers.sources.${value}`),
      ...ZTransferOverviewQuery.shape.sort.unwrap().options.map((value) => `transfers.sort.${value}`),
      ...ZExportQuery.shape.format.options.map((value) => `io.formats.${value}`),
      ...EXPORT_ENTITIES.map((value) => `io.entities.${value}`),
      ...PLAN_ENTITIES.map((value) => `start.entities.${value}`),
      ...Object.keys(retentionNl.startEvents).map((event) => `retention.startEvents.${event}`),
      ...['law', 'guidance', 'policy'].flatMap((kind) => [
        `retention.presetKinds.${kind}`,
        `retention.presetMeaning.${kind}`,
      ]),
    ];
    expect(expected.filter((key) => !nl.has(key))).toEqual([]);
  });

  it("keeps the client's option lists equal to the contracts' enums", () => {
    expect(sorted(SYSTEM_KINDS)).toEqual(sorted(ZSystemKind.options));
    expect(sorted(LOCATION_ROLES)).toEqual(sorted(ZLocationRole.options));
    expect(sorted(VENDOR_KINDS)).toEqual(sorted(ZVendorKind.options));
    expect(sorted(TRANSFER_SAFEGUARDS)).toEqual(sorted(ZTransferSafeguard.options));
    expect(sorted(LEGAL_BASES)).toEqual(sorted(ZLegalBasis.options));
    expect(sorted(SPECIAL_CATEGORY_GROUNDS)).toEqual(sorted(ZSpecialCategoryGround.options));
    expect(sorted(ACTIVITY_STATUSES)).toEqual(sorted(ZActivityStatus.options));
    expect(sorted(ACTIVITY_ROLES)).toEqual(sorted(ZActivityRole.options));
    expect(sorted(EXPORT_FORMATS)).toEqual(sorted(ZExportQuery.shape.format.options));
    expect(sorted(EXPORT_ENTITIES)).toEqual(sorted(ZExportQuery.shape.entity.unwrap().options));
    expect(sorted(IMPORT_ENTITIES)).toEqual(sorted(ZImportEntity.options));
    expect(ZTemplateId.options.length).toBeGreaterThan(0);
  });
});

describe('retention presets from reference/retention-nl.json', () => {
  it('offers every period of the reference file', () => {
    expect(RETENTION_PRESETS.map((preset) => preset.id)).toEqual(retentionNl.periods.map((period) => period.id));
  });

  it('fills in the reference in the form’s language, never the reference file’s developer note', () => {
    for (const preset of RETENTION_PRESETS) {
      expect(retentionFromPreset(preset, 'x', 'nl').reference).not.toMatch(/seed|\.txt|Business policy/);
    }
    const payroll = RETENTION_PRESETS.find((preset) => preset.id === 'payroll');
    expect(payroll && retentionFromPreset(payroll, 'x', 'nl').reference).toMatch(/^art\. 52 lid 4 AWR/);
  });

  it('fills a fixed period with its unit, start event, reference and preset id', () => {
    const fiscal = RETENTION_PRESETS.find((preset) => preset.id === 'fiscal-records');
    expect(fiscal && retentionFromPreset(fiscal, 'Einde van het boekjaar', 'nl')).toEqual({
      kind: 'period',
      amount: 7,
      unit: 'years',
      startEvent: 'Einde van het boekjaar',
      reference: fiscal?.reference.nl,
      presetId: 'fiscal-records',
    });
    const applicants = RETENTION_PRESETS.find((preset) => preset.id === 'applicants');
    expect(applicants && retentionFromPreset(applicants, 'x', 'en')).toMatchObject({ amount: 4, unit: 'weeks' });
  });

  it('fills a period that runs until an event without an amount', () => {
    const newsletter = RETENTION_PRESETS.find((preset) => preset.id === 'newsletter');
    expect(newsletter && retentionFromPreset(newsletter, 'Intrekking van de toestemming', 'nl')).toMatchObject({
      kind: 'until_event',
      amount: '',
      unit: null,
      startEvent: 'Intrekking van de toestemming',
      presetId: 'newsletter',
    });
  });
});

describe('completeness items lead to the section of the form that answers them', () => {
  it.each([
    ['30.1.b', 'purposes'],
    ['30.1.f', 'retention'],
    ['30.2.a', 'controller'],
    ['9.2', 'legal-basis'],
    ['dpia', 'dpia'],
  ])('%s → %s', (itemId, section) => {
    expect(sectionOfItem(itemId)).toBe(section);
  });

  it('knows no section for an item it does not recognise', () => {
    expect(sectionOfItem('99.9')).toBeUndefined();
  });
});
