import { describe, expect, it } from 'vitest';
import { MEASURE_CATALOGUE } from './catalogue.ts';
import { FINDING_KINDS } from './contract.ts';
import {
  checkEvidenceFile,
  expiredCertifications,
  hasBackupOnlyOnPrimaryPlatform,
  inventoryFindings,
  type LocationFacts,
  type MeasureFacts,
  measureCovers,
  measureErrors,
  reviewReminderDue,
  type SystemFacts,
  safeFileName,
  securityMeasuresText,
  settlingMeasureKey,
  sniffMediaType,
  splitFindings,
  type VendorFacts,
} from './rules.ts';

const TODAY = '2026-11-23';
const HOSTER = '00000000-0000-4000-8000-0000000000a1';
const OTHER = '00000000-0000-4000-8000-0000000000a2';

const system = (overrides: Partial<SystemFacts> = {}): SystemFacts => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'CRM',
  kind: 'crm',
  status: 'active',
  vendorId: HOSTER,
  isMfaEnforced: true,
  isEncryptedAtRest: true,
  ...overrides,
});
const location = (overrides: Partial<LocationFacts> = {}): LocationFacts => ({
  systemId: '00000000-0000-4000-8000-000000000001',
  role: 'primary',
  providerVendorId: null,
  since: '2024-01-01',
  until: null,
  ...overrides,
});
const vendor = (overrides: Partial<VendorFacts> = {}): VendorFacts => ({
  id: HOSTER,
  name: 'Hoster',
  status: 'active',
  hasMfa: null,
  certifications: [],
  ...overrides,
});
const measure = (overrides: Partial<MeasureFacts> = {}): MeasureFacts => ({
  id: '00000000-0000-4000-8000-0000000000f1',
  title: 'Tweestapsverificatie',
  catalogueKey: 'mfa',
  status: 'in_place',
  reviewDate: null,
  systemIds: ['00000000-0000-4000-8000-000000000001'],
  vendorIds: [],
  evidenceCount: 1,
  ...overrides,
});
const facts = (parts: Partial<Parameters<typeof inventoryFindings>[0]>) => ({
  systems: [],
  locations: [],
  vendors: [],
  ...parts,
});

describe('the catalogue', () => {
  it('has unique keys, Annex A controls of the 2022 edition, both languages, and a settling measure per kind', () => {
    const keys = MEASURE_CATALOGUE.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(15);
    for (const entry of MEASURE_CATALOGUE) {
      expect(entry.controls.length).toBeGreaterThan(0);
      for (const control of entry.controls) expect(control).toMatch(/^A\.[5-8]\.\d{1,2}$/);
      expect(entry.title.nl && entry.title.en && entry.description.nl && entry.description.en).toBeTruthy();
    }
    expect(MEASURE_CATALOGUE.find((entry) => entry.key === 'mfa')?.controls).toEqual(['A.5.17', 'A.8.5']);
    for (const kind of FINDING_KINDS) {
      const key = settlingMeasureKey(kind);
      if (key) expect(MEASURE_CATALOGUE.find((entry) => entry.key === key)?.covers).toContain(kind);
    }
  });
});

describe('inventoryFindings', () => {
  it('finds a system without 2FA, but not one whose 2FA is unknown or a retired one', () => {
    const findings = inventoryFindings(
      facts({
        systems: [
          system({ isMfaEnforced: false }),
          system({ id: '00000000-0000-4000-8000-000000000002', name: 'Mail', isMfaEnforced: null }),
          system({ id: '00000000-0000-4000-8000-000000000003', isMfaEnforced: false, status: 'retired' }),
        ],
      }),
      [],
      TODAY,
    );
    expect(findings).toEqual([
      { kind: 'system_without_mfa', target: { type: 'system', id: system().id, name: 'CRM' }, params: {} },
    ]);
  });

  it('finds an unencrypted backup system; another kind of system unencrypted at rest is not a backup', () => {
    const findings = inventoryFindings(
      facts({
        systems: [
          system({ name: 'Back-up', kind: 'backup', isEncryptedAtRest: false }),
          system({ id: '00000000-0000-4000-8000-000000000002', isEncryptedAtRest: false }),
        ],
      }),
      [],
      TODAY,
    );
    expect(findings.map((finding) => [finding.kind, finding.target.name])).toEqual([['backup_unencrypted', 'Back-up']]);
  });

  it('finds an expired certification unless one of the same name is still valid', () => {
    const expired = vendor({ certifications: [{ name: 'ISO 27001', validUntil: '2026-11-22' }] });
    expect(expiredCertifications(expired, TODAY)).toEqual(['ISO 27001']);
    const renewed = vendor({
      certifications: [
        { name: 'ISO 27001', validUntil: '2026-11-22' },
        { name: 'iso 27001', validUntil: '2029-11-22' },
      ],
    });
    expect(expiredCertifications(renewed, TODAY)).toEqual([]);
    expect(expiredCertifications(vendor({ certifications: [{ name: 'SOC 2', validUntil: TODAY }] }), TODAY)).toEqual(
      [],
    );
    const findings = inventoryFindings(
      facts({ vendors: [expired, { ...expired, id: OTHER, status: 'retired' }] }),
      [],
      TODAY,
    );
    expect(findings).toEqual([
      {
        kind: 'vendor_certification_expired',
        target: { type: 'vendor', id: HOSTER, name: 'Hoster' },
        params: { certifications: 'ISO 27001' },
      },
    ]);
  });

  it('finds a measure past its review date, except one that does not apply', () => {
    const overdue = measure({ reviewDate: '2026-11-22' });
    const findings = inventoryFindings(
      facts({}),
      [
        overdue,
        measure({ id: OTHER, reviewDate: TODAY }),
        measure({ reviewDate: '2020-01-01', status: 'not_applicable' }),
      ],
      TODAY,
    );
    expect(findings).toEqual([
      {
        kind: 'measure_review_overdue',
        target: { type: 'measure', id: overdue.id, name: 'Tweestapsverificatie' },
        params: { reviewDate: '2026-11-22' },
      },
    ]);
  });
});

describe('a vendor without 2FA', () => {
  it('is a finding when the vendor is marked without it, settled by a 2FA measure linked to the vendor', () => {
    const findings = inventoryFindings(
      facts({ vendors: [vendor({ hasMfa: false }), vendor({ id: OTHER, hasMfa: null })] }),
      [],
      TODAY,
    );
    expect(findings).toEqual([
      { kind: 'vendor_without_mfa', target: { type: 'vendor', id: HOSTER, name: 'Hoster' }, params: {} },
    ]);
    expect(measureCovers(measure({ systemIds: [], vendorIds: [HOSTER] }), findings[0] as never)).toBe(true);
    expect(measureCovers(measure({ systemIds: [HOSTER], vendorIds: [] }), findings[0] as never)).toBe(false);
  });
});

describe('hasBackupOnlyOnPrimaryPlatform', () => {
  it('is true when every current backup is with the primary copy’s vendor', () => {
    const locations = [
      location(),
      location({ role: 'backup' }),
      location({ role: 'offsite_backup', providerVendorId: HOSTER }),
    ];
    expect(hasBackupOnlyOnPrimaryPlatform(system(), locations, TODAY)).toBe(true);
  });

  it('is false when one backup is with another vendor, when there is no backup, or the platform is unknown', () => {
    const offsite = [
      location(),
      location({ role: 'backup' }),
      location({ role: 'offsite_backup', providerVendorId: OTHER }),
    ];
    expect(hasBackupOnlyOnPrimaryPlatform(system(), offsite, TODAY)).toBe(false);
    expect(hasBackupOnlyOnPrimaryPlatform(system(), [location()], TODAY)).toBe(false);
    expect(
      hasBackupOnlyOnPrimaryPlatform(system({ vendorId: null }), [location(), location({ role: 'backup' })], TODAY),
    ).toBe(false);
  });

  it('looks only at locations current today: an ended offsite backup no longer counts', () => {
    const locations = [
      location(),
      location({ role: 'backup' }),
      location({ role: 'offsite_backup', providerVendorId: OTHER, until: '2026-11-22' }),
      location({ role: 'offsite_backup', providerVendorId: OTHER, since: '2026-12-01' }),
    ];
    expect(hasBackupOnlyOnPrimaryPlatform(system(), locations, TODAY)).toBe(true);
  });
});

describe('what settles a finding', () => {
  const finding = inventoryFindings(facts({ systems: [system({ isMfaEnforced: false })] }), [], TODAY)[0] as never;

  it('a 2FA measure in place, linked to the system, with evidence', () => {
    expect(measureCovers(measure(), finding)).toBe(true);
  });

  it('not without evidence, not while planned, not linked to another system, not another kind of measure', () => {
    expect(measureCovers(measure({ evidenceCount: 0 }), finding)).toBe(false);
    expect(measureCovers(measure({ status: 'planned' }), finding)).toBe(false);
    expect(measureCovers(measure({ systemIds: [OTHER] }), finding)).toBe(false);
    expect(measureCovers(measure({ catalogueKey: 'firewall' }), finding)).toBe(false);
    expect(measureCovers(measure({ catalogueKey: null }), finding)).toBe(false);
  });

  it('a measure marked not applicable (with its reason) for that system settles it without evidence', () => {
    expect(measureCovers(measure({ status: 'not_applicable', evidenceCount: 0 }), finding)).toBe(true);
  });

  it('a supplier measure linked to the vendor settles an expired certification; an overdue review stays open', () => {
    const certification = inventoryFindings(
      facts({ vendors: [vendor({ certifications: [{ name: 'ISO 27001', validUntil: '2025-01-01' }] })] }),
      [],
      TODAY,
    )[0] as never;
    expect(measureCovers(measure({ catalogueKey: 'supplier_security', vendorIds: [HOSTER] }), certification)).toBe(
      true,
    );
    expect(measureCovers(measure({ catalogueKey: 'supplier_security', systemIds: [HOSTER] }), certification)).toBe(
      false,
    );
    const review = measure({ reviewDate: '2026-01-01' });
    const [overdue] = inventoryFindings(facts({}), [review], TODAY);
    expect(splitFindings([overdue as never], [review]).open).toHaveLength(1);
  });

  it('splits findings into open and settled, naming the measures that settle', () => {
    const split = splitFindings([finding], [measure(), measure({ id: OTHER, evidenceCount: 0 })]);
    expect(split.open).toEqual([]);
    expect(split.covered).toEqual([{ ...(finding as object), measureIds: [measure().id] }]);
  });
});

describe('measureErrors', () => {
  it('asks a reason for not applicable, a title for a measure of its own, and a known catalogue key', () => {
    const base = { catalogueKey: 'mfa', title: '', status: 'planned', notApplicableReason: null };
    expect(measureErrors(base)).toEqual([]);
    expect(measureErrors({ ...base, status: 'not_applicable', notApplicableReason: '  ' })).toEqual([
      { path: 'notApplicableReason', code: 'measure_reason_required' },
    ]);
    expect(measureErrors({ ...base, catalogueKey: null })).toEqual([{ path: 'title', code: 'required' }]);
    expect(measureErrors({ ...base, catalogueKey: 'nonsense' })).toEqual([
      { path: 'catalogueKey', code: 'measure_catalogue_unknown' },
    ]);
  });
});

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00');

describe('evidence files', () => {
  it('tells PDF, PNG and JPEG by their bytes', () => {
    expect(sniffMediaType(PDF)).toBe('application/pdf');
    expect(sniffMediaType(PNG)).toBe('image/png');
    expect(sniffMediaType(JPEG)).toBe('image/jpeg');
    expect(sniffMediaType(EXE)).toBeNull();
    expect(sniffMediaType(Buffer.from('%PD'))).toBeNull();
  });

  it('accepts a file whose name and type agree with its bytes', () => {
    expect(checkEvidenceFile({ bytes: PDF, fileName: 'mfa.pdf', claimedType: 'application/pdf' }, 100)).toEqual({
      mediaType: 'application/pdf',
    });
    expect(
      checkEvidenceFile({ bytes: JPEG, fileName: 'Scherm.JPG', claimedType: 'application/octet-stream' }, 100),
    ).toEqual({ mediaType: 'image/jpeg' });
  });

  it('refuses a file that lies about its type, another type, an empty one and one over the limit', () => {
    expect(checkEvidenceFile({ bytes: EXE, fileName: 'bewijs.pdf', claimedType: 'application/pdf' }, 100)).toEqual({
      error: 'evidence_type_not_allowed',
    });
    expect(checkEvidenceFile({ bytes: PNG, fileName: 'bewijs.pdf', claimedType: 'application/pdf' }, 100)).toEqual({
      error: 'evidence_type_mismatch',
    });
    expect(checkEvidenceFile({ bytes: PDF, fileName: 'bewijs.pdf', claimedType: 'image/png' }, 100)).toEqual({
      error: 'evidence_type_mismatch',
    });
    expect(checkEvidenceFile({ bytes: Buffer.alloc(0), fileName: 'a.pdf', claimedType: null }, 100)).toEqual({
      error: 'evidence_empty',
    });
    expect(checkEvidenceFile({ bytes: PDF, fileName: 'a.pdf', claimedType: null }, PDF.length - 1)).toEqual({
      error: 'evidence_too_large',
    });
  });

  it('keeps only the base name of a file, without control characters', () => {
    expect(safeFileName('C:\\Users\\jan\\mfa\u0007.pdf')).toBe('mfa.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('   ')).toBe('bewijs');
  });
});

describe('securityMeasuresText', () => {
  it('lists each measure with the systems it covers, in Dutch and English', () => {
    const text = securityMeasuresText([
      { title: { nl: 'Tweestapsverificatie', en: 'Two-factor authentication' }, systemNames: ['CRM', 'Mail'] },
      { title: { nl: 'Phishingsimulaties', en: 'Phishing simulations' }, systemNames: [] },
    ]);
    expect(text).toEqual({
      nl: 'Tweestapsverificatie (CRM, Mail); Phishingsimulaties.',
      en: 'Two-factor authentication (CRM, Mail); Phishing simulations.',
    });
    expect(securityMeasuresText([])).toEqual({ nl: '', en: '' });
  });
});

describe('reviewReminderDue', () => {
  const due = (reviewDate: string | null, reviewRemindedFor: string | null = null, status = 'in_place') =>
    reviewReminderDue({ status, reviewDate, reviewRemindedFor }, TODAY);

  it('is due from fourteen days before the review date, and for one already past', () => {
    expect(due('2026-12-07')).toBe(true);
    expect(due('2026-12-08')).toBe(false);
    expect(due('2026-01-01')).toBe(true);
  });

  it('is sent once per review date; a new review date asks again; no date or not applicable asks nothing', () => {
    expect(due('2026-12-01', '2026-12-01')).toBe(false);
    expect(due('2026-12-01', '2025-12-01')).toBe(true);
    expect(due(null)).toBe(false);
    expect(due('2026-12-01', null, 'not_applicable')).toBe(false);
  });
});
