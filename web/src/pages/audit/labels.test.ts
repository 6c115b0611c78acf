import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ZUpdateDataCategoryRequest,
  ZUpdateSubjectCategoryRequest,
} from '../../../../src/modules/categories/contract.ts';
import { ZUpdateConnectorRequest, ZUpdateRecordTypeRequest } from '../../../../src/modules/connectors/contract.ts';
import { ZUpdateLocationRequest, ZUpdateSystemRequest } from '../../../../src/modules/inventory/contract.ts';
import { ZUpdateOrganisationRequest } from '../../../../src/modules/organisations/contract.ts';
import { ZUpdateActivityRequest } from '../../../../src/modules/register/contract.ts';
import { ZUpdatePolicyRequest } from '../../../../src/modules/retention/contract.ts';
import { ZUpdateVendorRequest } from '../../../../src/modules/vendors/contract.ts';
import type { TAuditEntry } from '../../api/audit.ts';
import en from '../../i18n/catalogs/en.ts';
import nl from '../../i18n/catalogs/nl.ts';
import { FIELD_LABEL_KEYS } from './field-labels.ts';
import { actionLabel, actorOf, describeEntry, subjectOf } from './labels.ts';

let tNl: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: 'nl',
    interpolation: { escapeValue: false },
  });
  tNl = i18n.getFixedT('nl');
  tEn = i18n.getFixedT('en');
});

type Entry = Pick<TAuditEntry, 'action' | 'target' | 'data'>;
const entry = (action: string, target: Entry['target'], data: Entry['data'] = {}): Entry => ({ action, target, data });
const SYSTEM_ID = 'ebdf3ceb-66fa-477e-a091-3ca15321966f';

describe('an audit entry in words', () => {
  it('names the action in both languages', () => {
    expect(actionLabel('location.created', 'nl')).toBe('Locatie van gegevens toegevoegd');
    expect(actionLabel('register.template_applied', 'en')).toBe('Template applied to the register');
  });

  it('lists the changed fields by their labels, not their keys', () => {
    const updated = entry(
      'activity.updated',
      { type: 'activity', id: 'a', name: 'Salarisadministratie' },
      {
        fields: ['ownerUserId', 'reviewDate'],
      },
    );
    expect(describeEntry(tNl, updated, 'nl')).toBe('Gewijzigd: Eigenaar en Herzieningsdatum.');
    expect(describeEntry(tEn, updated, 'en')).toBe('Changed: Owner and Review date.');
    const retired = entry(
      'activity.retired',
      { type: 'activity', id: 'a', name: 'Werving' },
      {
        fields: ['status'],
        status: { from: 'active', to: 'retired' },
      },
    );
    expect(describeEntry(tNl, retired, 'nl')).toBe('Gewijzigd: Status. Status van In gebruik naar Beëindigd.');
  });

  it('tells what a location, a system, a template and a role change carry, as sentences', () => {
    const location = entry(
      'location.created',
      { type: 'location', id: 'l', name: 'Exact Online' },
      { role: 'primary', country: 'US', since: '2019-03-01', until: null, systemId: SYSTEM_ID },
    );
    expect(describeEntry(tNl, location, 'nl')).toBe('Primaire opslag in Verenigde Staten, sinds 1 mrt 2019.');
    const system = entry(
      'system.created',
      { type: 'system', id: 's', name: 'CRM' },
      { kind: 'crm', locations: 0, dataCategories: 1 },
    );
    expect(describeEntry(tEn, system, 'en')).toBe('Kind of system: CRM. With 1 data category and 0 locations.');
    const template = entry(
      'register.template_applied',
      { type: 'template', id: 'ict_provider', name: 'ICT-dienstverlener' },
      { source: 'ict_provider', created: { systems: 8, vendors: 0, activities: 6, dataCategories: 0 } },
    );
    expect(describeEntry(tNl, template, 'nl')).toBe('Toegevoegd: 8 systemen en 6 verwerkingen.');
    const role = entry(
      'member.role_changed',
      { type: 'user', id: 'u', name: 'Ruben' },
      { from: 'viewer', to: 'editor' },
    );
    expect(describeEntry(tEn, role, 'en')).toBe('Role from viewer to editor.');
    const invitation = entry(
      'invitation.created',
      { type: 'invitation', id: 'i', name: null },
      { role: 'editor', emailHash: 'c'.repeat(64) },
    );
    expect(describeEntry(tNl, invitation, 'nl')).toBe('Rol: redacteur.');
  });

  it('names the subject, and shows an old entry without a stored name by kind and short id', () => {
    const names = new Map<string, string>();
    expect(subjectOf(tNl, { type: 'location', id: 'l', name: 'Exact Online' }, names)).toBe(
      'Locatie van systeem: Exact Online',
    );
    expect(subjectOf(tEn, { type: 'system', id: SYSTEM_ID, name: null }, names)).toBe('System (no. ebdf3ceb)');
    expect(subjectOf(tNl, { type: 'invitation', id: SYSTEM_ID, name: null }, names)).toBe('Uitnodiging');
    expect(subjectOf(tNl, null, names)).toBe('—');
    expect(actorOf(tNl, { type: 'system', id: 'demo', name: 'demo' })).toBe('privacydesk (demogegevens)');
  });
});

describe('the labels', () => {
  const updateRequests = {
    activity: ZUpdateActivityRequest,
    system: ZUpdateSystemRequest,
    location: ZUpdateLocationRequest,
    vendor: ZUpdateVendorRequest,
    data_category: ZUpdateDataCategoryRequest,
    subject_category: ZUpdateSubjectCategoryRequest,
    organisation: ZUpdateOrganisationRequest,
    connector: ZUpdateConnectorRequest,
    record_type: ZUpdateRecordTypeRequest,
    retention_policy: ZUpdatePolicyRequest,
  };

  it('name every field of every update request in Dutch and English', () => {
    const missing = Object.entries(updateRequests).flatMap(([type, schema]) =>
      Object.keys(schema.shape).flatMap((field) => {
        const key = FIELD_LABEL_KEYS[type]?.[field];
        if (!key) return [`${type}.${field}: no label`];
        return [tNl, tEn].filter((t) => t(key) === key).map(() => `${type}.${field}: ${key} unknown`);
      }),
    );
    expect(missing).toEqual([]);
  });

  it('name every kind of subject that src/ writes, in Dutch and English', () => {
    const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../src');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory()
          ? files(full)
          : name.endsWith('.ts') && !name.includes('.test.')
            ? [full]
            : [];
      });
    const types = new Set(
      files(srcDir).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/target: \{ type: '(\w+)'/g)].map((match) => match[1] as string),
      ),
    );
    expect(types.size).toBeGreaterThan(8);
    const missing = [...types].filter((type) => [tNl, tEn].some((t) => t(`audit.targetTypes.${type}`).includes('.')));
    expect(missing).toEqual([]);
  });
});
