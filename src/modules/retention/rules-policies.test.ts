import { describe, expect, it } from 'vitest';
import { retentionNl } from '../../reference/index.ts';
import {
  type ActivityRetention,
  approvedLimit,
  backupsCleanWithinDays,
  type CoveragePolicy,
  checkStatutoryMinimum,
  coverageOf,
  describeCriteria,
  type Hold,
  isPolicyOutOfDate,
  maskIdentity,
  needsNewApproval,
  type PolicyRules,
  periodText,
  policyFromActivity,
  previewSelections,
  type ReferencePeriod,
} from './rules.ts';

describe('describeCriteria', () => {
  const flagged: Hold = { kind: 'condition', id: 'h1', filters: [], reason: 'gemarkeerde berichten' };
  const mail: PolicyRules & { holds: Hold[] } = {
    startEvent: { timestampField: 'internaldate', conditions: [] },
    period: { kind: 'after', amount: 12, unit: 'months' },
    action: { kind: 'delete' },
    holds: [flagged],
  };

  it('reads the seed practice in Dutch: mail older than 12 months, except flagged messages', () => {
    expect(describeCriteria(mail, 'nl', { recordType: 'E-mails in INBOX en Verzonden' })).toBe(
      'E-mails in INBOX en Verzonden die ouder zijn dan 12 maanden, behalve gemarkeerde berichten. Ze worden verwijderd.',
    );
  });

  it('and in English', () => {
    const english = { ...mail, holds: [{ ...flagged, reason: 'flagged messages' }] };
    expect(describeCriteria(english, 'en', { recordType: 'E-mails in INBOX and Sent' })).toBe(
      'E-mails in INBOX and Sent older than 12 months, except flagged messages. They are deleted.',
    );
  });

  it('fiscal data: the year of the invoice date closed at least 7 years ago', () => {
    const invoices: PolicyRules = {
      startEvent: { timestampField: 'invoice_date', conditions: [] },
      period: { kind: 'end_of_year_plus', years: 7 },
      action: { kind: 'delete' },
    };
    const names = { recordType: 'facturen', fields: { invoice_date: 'factuurdatum' } };
    expect(describeCriteria(invoices, 'nl', names)).toBe(
      'Facturen waarvan het jaar van factuurdatum ten minste 7 jaar geleden is afgesloten. Ze worden verwijderd.',
    );
    expect(describeCriteria(invoices, 'en', { recordType: 'Invoices' })).toBe(
      'Invoices whose year of the date ended at least 7 years ago. They are deleted.',
    );
  });

  it('names the start event field and its conditions with their labels, values quoted', () => {
    const applicants: PolicyRules = {
      startEvent: {
        timestampField: 'closed_at',
        conditions: [
          { field: 'status', operator: 'eq', value: 'closed' },
          { field: 'consent', operator: 'eq', value: false },
        ],
      },
      period: { kind: 'after', amount: 4, unit: 'weeks' },
      action: { kind: 'delete' },
    };
    const names = { recordType: 'Sollicitanten', fields: { closed_at: 'het einde van de procedure' } };
    expect(describeCriteria(applicants, 'nl', names)).toBe(
      "Sollicitanten waarvan het einde van de procedure 4 weken of langer geleden is (alleen waar status is 'closed' en consent is false). Ze worden verwijderd.",
    );
  });

  it('a condition on NULL reads as "is empty"', () => {
    const policy: PolicyRules = {
      startEvent: { timestampField: 'left_at', conditions: [{ field: 'deleted_at', operator: 'eq', value: null }] },
      period: { kind: 'after', amount: 0, unit: 'days' },
      action: { kind: 'delete' },
    };
    expect(describeCriteria(policy, 'en', { recordType: 'Contacts' })).toBe(
      'Contacts whose date is today or earlier (only where deleted_at is empty). They are deleted.',
    );
    const names = { recordType: 'Contactpersonen', fields: { left_at: 'de vertrekdatum' } };
    expect(describeCriteria(policy, 'nl', names)).toBe(
      'Contactpersonen waarvan de vertrekdatum vandaag of eerder is (alleen waar deleted_at is leeg). Ze worden verwijderd.',
    );
  });

  it('singular units: 1 maand, 1 jaar, 1 day', () => {
    expect(periodText({ kind: 'after', amount: 1, unit: 'months' }, 'nl')).toBe('1 maand');
    expect(periodText({ kind: 'after', amount: 1, unit: 'years' }, 'nl')).toBe('1 jaar');
    expect(periodText({ kind: 'after', amount: 1, unit: 'days' }, 'en')).toBe('1 day');
    expect(periodText({ kind: 'end_of_year_plus', years: 7 }, 'nl')).toBe('einde jaar + 7 jaar');
  });

  it('anonymise and archive say what happens', () => {
    const anonymise: PolicyRules & { holds: Hold[] } = {
      ...mail,
      holds: [],
      action: {
        kind: 'anonymise',
        fields: [
          { field: 'email', replacement: null },
          { field: 'phone', replacement: null },
          { field: 'name', replacement: 'Anoniem' },
        ],
      },
    };
    expect(describeCriteria(anonymise, 'nl', { recordType: 'Klanten', fields: { name: 'naam' } })).toBe(
      'Klanten die ouder zijn dan 12 maanden. Ze worden geanonimiseerd: email, phone en naam worden gewist of overschreven.',
    );
    const archive: PolicyRules & { holds: Hold[] } = {
      ...mail,
      holds: [],
      action: { kind: 'archive', targetRecordTypeId: 'x', fieldMapping: [{ from: 'a', to: 'b' }] },
    };
    expect(describeCriteria(archive, 'en', { recordType: 'Submissions', archiveTarget: 'Administration' })).toBe(
      'Submissions older than 12 months. They are archived to Administration, then deleted.',
    );
    expect(describeCriteria(archive, 'nl', { recordType: 'Formulieren' })).toBe(
      'Formulieren die ouder zijn dan 12 maanden. Ze worden gearchiveerd in een ander recordtype en daarna verwijderd.',
    );
  });

  it('legal holds: counted records, and a person never named', () => {
    const holds: Hold[] = [
      { kind: 'records', id: 'h2', keys: ['1', '2'], reason: 'audit 2026', expiresOn: null },
      {
        kind: 'identity',
        id: 'h3',
        reason: 'rechtszaak',
        expiresOn: null,
        identity: { emails: ['jan@example.nl'], phones: [], names: ['Jan de Vries'] },
      },
    ];
    const text = describeCriteria({ ...mail, holds }, 'nl', { recordType: 'E-mails' });
    expect(text).toBe(
      'E-mails die ouder zijn dan 12 maanden, behalve 2 records onder juridische bewaarplicht (audit 2026) en gegevens van een persoon onder juridische bewaarplicht (rechtszaak). Ze worden verwijderd.',
    );
    expect(text).not.toContain('jan@example.nl');
    expect(text).not.toContain('Vries');
    const one = describeCriteria({ ...mail, holds: [{ ...holds[0], keys: ['1'] } as Hold] }, 'en', {
      recordType: 'Mail',
    });
    expect(one).toContain('1 record under legal hold (audit 2026)');
  });

  it('has no SQL in it', () => {
    const text = describeCriteria(mail, 'en', { recordType: 'Mail' });
    expect(text).not.toMatch(/select|where|<|>|=/i);
  });
});

describe('maskIdentity', () => {
  it('e-mail: first letters of the local part and the domain, the top-level domain kept', () => {
    expect(maskIdentity('jan.jansen@example.nl', 'email')).toBe('j***@e***.nl');
    expect(maskIdentity('info@mail.example.co.uk', 'email')).toBe('i***@m***.uk');
  });

  it('e-mail: a one-letter part is masked whole, or the mask would be the value', () => {
    expect(maskIdentity('j@e.nl', 'email')).toBe('***@***.nl');
  });

  it('e-mail without @ or without a dot in the domain is still masked', () => {
    expect(maskIdentity('not-an-address', 'email')).toBe('n***');
    expect(maskIdentity('root@localhost', 'email')).toBe('r***@l***');
  });

  it('e-mail with a display name: only the address, masked', () => {
    expect(maskIdentity('Jan Jansen <jan@example.nl>', 'email')).toBe('j***@e***.nl');
  });

  it('phone keeps the last two digits', () => {
    expect(maskIdentity('+31 6 1234 5678', 'phone')).toBe('***78');
    expect(maskIdentity('020-1234567', 'phone')).toBe('***67');
  });

  it('a short number is masked whole', () => {
    expect(maskIdentity('12', 'phone')).toBe('***');
    expect(maskIdentity('12345', 'phone')).toBe('***');
  });

  it('names become initials, unicode included', () => {
    expect(maskIdentity('Jan de Vries', 'name')).toBe('J. d. V.');
    expect(maskIdentity('Élodie  Ørsted', 'name')).toBe('É. Ø.');
    expect(maskIdentity('J', 'name')).toBe('***');
  });

  it('other text: the first character only', () => {
    expect(maskIdentity('Berichtonderwerp', 'text')).toBe('B***');
  });

  it('NULL and empty stay as they are', () => {
    expect(maskIdentity(null, 'email')).toBeNull();
    expect(maskIdentity('', 'name')).toBe('');
  });

  it('never returns the value itself', () => {
    const samples: [string, 'email' | 'phone' | 'name' | 'text'][] = [
      ['a@b.c', 'email'],
      ['x', 'text'],
      ['0612345678', 'phone'],
      ['A B', 'name'],
      ['***', 'text'],
    ];
    for (const [value, kind] of samples) expect(maskIdentity(value, kind)).not.toBe(value);
  });
});

describe('needsNewApproval', () => {
  it('allows up to the approved count plus the margin, exactly at the limit included', () => {
    expect(needsNewApproval(100, 110, 10)).toBe(false);
    expect(needsNewApproval(100, 111, 10)).toBe(true);
  });

  it('no floating point slack: 1000 approved with 10 % allows 1100', () => {
    expect(needsNewApproval(1000, 1100, 10)).toBe(false);
    expect(needsNewApproval(1000, 1101, 10)).toBe(true);
    expect(approvedLimit(1000, 10)).toBe(1100);
  });

  it('a margin of 0 allows no more than approved', () => {
    expect(needsNewApproval(100, 100, 0)).toBe(false);
    expect(needsNewApproval(100, 101, 0)).toBe(true);
  });

  it('small counts round down: 3 approved with 10 % allows 3', () => {
    expect(approvedLimit(3, 10)).toBe(3);
    expect(needsNewApproval(3, 3, 10)).toBe(false);
    expect(needsNewApproval(3, 4, 10)).toBe(true);
  });

  it('an approved preview of 0 allows nothing more, whatever the margin', () => {
    expect(needsNewApproval(0, 0, 50)).toBe(false);
    expect(needsNewApproval(0, 1, 50)).toBe(true);
  });

  it('fewer records than approved need no new approval', () => {
    expect(needsNewApproval(100, 20, 10)).toBe(false);
  });

  it('without an approved preview a run always asks', () => {
    expect(needsNewApproval(null, 0, 10)).toBe(true);
  });

  it('a negative margin counts as 0', () => {
    expect(needsNewApproval(100, 100, -10)).toBe(false);
    expect(approvedLimit(100, -10)).toBe(100);
  });
});

const retention = (overrides: Partial<ActivityRetention>): ActivityRetention => ({
  kind: 'period',
  amount: 12,
  unit: 'months',
  startEvent: '',
  reference: '',
  presetId: null,
  ...overrides,
});

describe('policyFromActivity (reference/retention-nl.json presets)', () => {
  it('invoices: fiscal-records 7 years becomes end of year + 7 years, with its start event and reference', () => {
    const activity = retention({ amount: 7, unit: 'years', presetId: 'fiscal-records' });
    const prefill = policyFromActivity(activity, retentionNl);
    const fiscal = retentionNl.periods.find((period) => period.id === 'fiscal-records') as ReferencePeriod;
    expect(prefill).toEqual({
      isPrefilled: true,
      period: { kind: 'end_of_year_plus', years: 7 },
      startEventId: 'end-of-fiscal-year',
      legalReference: { presetId: 'fiscal-records', reference: fiscal.ref },
      basedOnRetention: activity,
    });
    if (prefill.isPrefilled) expect(checkStatutoryMinimum(prefill.period, fiscal).isAllowed).toBe(true);
  });

  it('mail: client-communication 12 months from the message date', () => {
    const prefill = policyFromActivity(retention({ presetId: 'client-communication' }), retentionNl);
    expect(prefill).toMatchObject({
      period: { kind: 'after', amount: 12, unit: 'months' },
      startEventId: 'message-date',
    });
  });

  it('applicants: 4 weeks after the procedure', () => {
    const prefill = policyFromActivity(retention({ amount: 4, unit: 'weeks', presetId: 'applicants' }), retentionNl);
    expect(prefill).toMatchObject({
      period: { kind: 'after', amount: 4, unit: 'weeks' },
      startEventId: 'end-of-application-procedure',
    });
  });

  it('until an event (newsletter): 0 days after consent is withdrawn', () => {
    const activity = retention({ kind: 'until_event', amount: null, unit: null, presetId: 'newsletter' });
    expect(policyFromActivity(activity, retentionNl)).toMatchObject({
      period: { kind: 'after', amount: 0, unit: 'days' },
      startEventId: 'consent-withdrawn',
    });
  });

  it('keeps the organisation’s own reference over the preset’s', () => {
    const prefill = policyFromActivity(
      retention({ presetId: 'inactive-clients', reference: 'Ons beleid 2026' }),
      retentionNl,
    );
    expect(prefill).toMatchObject({ legalReference: { presetId: 'inactive-clients', reference: 'Ons beleid 2026' } });
  });

  it('without a preset, a start event written as a reference key is recognised; free text is not', () => {
    expect(policyFromActivity(retention({ startEvent: 'end-of-employment' }), retentionNl)).toMatchObject({
      startEventId: 'end-of-employment',
      legalReference: { presetId: null, reference: '' },
    });
    expect(policyFromActivity(retention({ startEvent: 'na laatste bestelling' }), retentionNl)).toMatchObject({
      startEventId: null,
    });
  });

  it('an activity without a retention cannot pre-fill a policy', () => {
    expect(policyFromActivity(retention({ kind: null, amount: null, unit: null }), retentionNl)).toEqual({
      isPrefilled: false,
      code: 'activity_retention_missing',
    });
  });
});

describe('isPolicyOutOfDate', () => {
  const basedOn = retention({ presetId: 'client-communication', startEvent: 'message-date' });

  it('is null while the activity’s retention is what the policy was made from', () => {
    expect(isPolicyOutOfDate({ basedOnRetention: basedOn }, { ...basedOn })).toBeNull();
  });

  it('names a changed period, was and now', () => {
    expect(isPolicyOutOfDate({ basedOnRetention: basedOn }, { ...basedOn, amount: 6 })).toEqual({
      code: 'activity_retention_changed',
      params: { changed: 'period', was: '12 months', now: '6 months' },
    });
  });

  it('names a changed start event and reference together', () => {
    const reason = isPolicyOutOfDate(
      { basedOnRetention: basedOn },
      { ...basedOn, startEvent: 'end-of-last-service', reference: 'new' },
    );
    expect(reason?.params.changed).toBe('start_event,reference');
  });

  it('says so when the activity no longer records a retention', () => {
    const reason = isPolicyOutOfDate(
      { basedOnRetention: basedOn },
      { ...basedOn, kind: null, amount: null, unit: null },
    );
    expect(reason).toEqual({
      code: 'activity_retention_removed',
      params: { changed: 'period', was: '12 months', now: 'none' },
    });
  });

  it('a policy not made from an activity is never out of date', () => {
    expect(isPolicyOutOfDate({ basedOnRetention: null }, basedOn)).toBeNull();
  });
});

describe('coverageOf', () => {
  const mail = { id: 'sys-mail', name: 'Mail' };
  const crm = { id: 'sys-crm', name: 'CRM' };
  const activities = [
    { id: 'act-comm', name: 'Client communication', systems: [mail, crm] },
    { id: 'act-apply', name: 'Applicants', systems: [crm] },
    { id: 'act-news', name: 'Newsletter', systems: [] },
  ];
  const systems = [
    {
      ...mail,
      backups: [
        { locationId: 'loc-1', rotationDays: 30 },
        { locationId: 'loc-2', rotationDays: 90 },
      ],
    },
    { ...crm, backups: [{ locationId: 'loc-3', rotationDays: null }] },
  ];
  const policy = (overrides: Partial<CoveragePolicy>): CoveragePolicy => ({
    id: 'pol-1',
    status: 'active',
    approvedPreviewId: 'prev-1',
    activityId: 'act-comm',
    systemId: 'sys-mail',
    ...overrides,
  });
  const manual = [
    { subject: { kind: 'activity' as const, id: 'act-apply' }, ownerUserId: 'user-1', reviewDate: '2026-12-01' },
    { subject: { kind: 'system' as const, id: 'sys-crm' }, ownerUserId: 'user-2', reviewDate: '2026-12-03' },
  ];

  it('an active, approved policy enforces its activity and its system; the others are manual or none', () => {
    const coverage = coverageOf(activities, systems, [policy({})], manual, '2026-12-03');
    expect(coverage.activities.map((entry) => entry.enforcement)).toEqual([
      { kind: 'enforced', policyIds: ['pol-1'] },
      { kind: 'manual', ownerUserId: 'user-1', reviewDate: '2026-12-01', isReviewOverdue: true },
      { kind: 'none' },
    ]);
    expect(coverage.systems.map((entry) => entry.enforcement)).toEqual([
      { kind: 'enforced', policyIds: ['pol-1'] },
      { kind: 'manual', ownerUserId: 'user-2', reviewDate: '2026-12-03', isReviewOverdue: false },
    ]);
  });

  it('lists the activity’s systems no policy reaches', () => {
    const coverage = coverageOf(activities, systems, [policy({})], [], '2026-12-03');
    expect(coverage.activities[0]?.systemsWithoutPolicy).toEqual([crm]);
  });

  it('a policy without an approved preview, or not active, enforces nothing', () => {
    for (const unfinished of [
      policy({ approvedPreviewId: null }),
      policy({ status: 'paused' }),
      policy({ status: 'awaiting_approval' }),
      policy({ status: 'out_of_date' }),
      policy({ status: 'draft' }),
    ]) {
      const coverage = coverageOf(activities, systems, [unfinished], [], '2026-12-03');
      expect(coverage.activities[0]?.enforcement).toEqual({ kind: 'none' });
      expect(coverage.systems[0]?.enforcement).toEqual({ kind: 'none' });
    }
  });

  it('a policy wins over manual handling', () => {
    const both = [
      { subject: { kind: 'activity' as const, id: 'act-comm' }, ownerUserId: 'u', reviewDate: '2027-01-01' },
    ];
    const coverage = coverageOf(activities, systems, [policy({})], both, '2026-12-03');
    expect(coverage.activities[0]?.enforcement.kind).toBe('enforced');
  });

  it('backups: an erasure leaves them after the longest rotation; unknown when one rotation is unknown', () => {
    const coverage = coverageOf(activities, systems, [], [], '2026-12-03');
    expect(coverage.systems.map((entry) => entry.backupsCleanWithinDays)).toEqual([90, null]);
    expect(backupsCleanWithinDays([])).toBe(0);
  });
});

describe('previewSelections', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const policy: PolicyRules = {
    startEvent: { timestampField: 'internaldate', conditions: [] },
    period: { kind: 'after', amount: 12, unit: 'months' },
    action: { kind: 'anonymise', fields: [{ field: 'email', replacement: null }] },
  };
  const flagged: Hold = {
    kind: 'condition',
    id: 'h1',
    reason: 'flagged',
    filters: [{ field: 'flags', operator: 'contains', value: '\\Flagged' }],
  };
  const expired: Hold = { kind: 'records', id: 'h2', reason: 'old audit', keys: ['1'], expiresOn: '2026-01-01' };
  const marker = [{ field: 'email', operator: 'is_null' }];

  it('all keeps only the anonymised marker; toAct adds the active holds; one excluding selection per active hold', () => {
    const selections = previewSelections(policy, now, [flagged, expired]);
    expect(selections.all.exclusions).toEqual([marker]);
    expect(selections.toAct.exclusions).toEqual([flagged.filters, marker]);
    expect(selections.perHold).toEqual([{ holdId: 'h1', reason: 'flagged', excluding: selections.toAct }]);
  });
});
