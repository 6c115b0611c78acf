import { describe, expect, it } from 'vitest';
import { sampleSnapshot } from '../../../test/register-snapshot.ts';
import { statementChecklist } from './checklist.ts';
import {
  composeStatement,
  diffLines,
  generateStatement,
  groupActivities,
  registerInputText,
  type StatementInput,
  statementLines,
} from './rules.ts';

function input(change: (snapshot: StatementInput) => void = () => {}): StatementInput {
  const snapshot = { ...sampleSnapshot(), requestPageUrl: 'https://desk.example/p/korenschoof/request' };
  change(snapshot);
  return snapshot;
}

const ownTexts = { introduction: { nl: '', en: '' }, cookies: { nl: '', en: '' } };
const statusOf = (items: ReturnType<typeof statementChecklist>, id: string) =>
  items.find((item) => item.itemId === id)?.status;

describe('groupActivities', () => {
  it('puts default subject categories under the known groups and others under their own name', () => {
    const groups = groupActivities(
      input((snapshot) => {
        const invoicing = snapshot.activities[0];
        if (invoicing) invoicing.subjectCategories.push({ id: snapshot.subjectCategories[1]?.id ?? '', name: 'x' });
      }),
    );
    expect(groups.map((group) => group.key)).toEqual(['clients', `category:${groups[1]?.key.slice(9)}`]);
    expect(groups[1]?.name.en).toBe(input().subjectCategories[1]?.nameEn);
  });

  it('leaves out processor and retired activities', () => {
    const groups = groupActivities(input());
    expect(groups.flatMap((group) => group.activities.map((activity) => activity.name))).toEqual(['Facturatie']);
    const retired = groupActivities(
      input((snapshot) => {
        for (const activity of snapshot.activities) activity.status = 'retired';
      }),
    );
    expect(retired).toEqual([]);
  });
});

describe('generateStatement', () => {
  it('writes the Art. 13 items of each activity in plain Dutch and English', () => {
    const nl = statementLines(generateStatement(input(), 'nl')).join('\n');
    expect(nl).toContain('Privacyverklaring van Bakkerij De Korenschoof B.V.');
    expect(nl).toContain('## Als u klant bent');
    expect(nl).toContain('- Facturen versturen');
    expect(nl).toContain('De wet verplicht ons om dit te doen.');
    expect(nl).toContain('- Cloudreus Inc.');
    expect(nl).toContain('Zwitserse bank in Zwitserland (CH)');
    expect(nl).toContain('7 jaar');
    expect(nl).toContain('https://desk.example/p/korenschoof/request');
    expect(nl).toContain('Autoriteit Persoonsgegevens');
    const en = statementLines(generateStatement(input(), 'en')).join('\n');
    expect(en).toContain('## If you are one of our clients');
    expect(en).toContain('The law requires us to do this.');
    expect(en).toContain('Switzerland (CH)');
  });

  it('names the legitimate interest and the right to withdraw consent where they apply', () => {
    const withInterest = input((snapshot) => {
      const activity = snapshot.activities[0];
      if (activity) Object.assign(activity, { legalBasis: 'f', legalBasisJustification: 'Fraude voorkomen' });
    });
    expect(statementLines(generateStatement(withInterest, 'nl'))).toContain('Ons belang is: Fraude voorkomen');
    const withConsent = input((snapshot) => {
      const activity = snapshot.activities[0];
      if (activity) activity.legalBasis = 'a';
    });
    expect(statementLines(generateStatement(withConsent, 'en')).join('\n')).toContain('withdraw your consent');
  });

  it('keeps markup in register fields as plain text', () => {
    const hostile = input((snapshot) => {
      const activity = snapshot.activities[0];
      if (activity) activity.purposes = ['<script>alert(1)</script>'];
    });
    expect(statementLines(generateStatement(hostile, 'nl'))).toContain('- <script>alert(1)</script>');
  });
});

describe('composeStatement', () => {
  it('puts the introduction first and the cookie section before the rights', () => {
    const composed = composeStatement(generateStatement(input(), 'nl'), {
      introduction: { nl: 'Welkom.\n\nTweede alinea.', en: '' },
      cookies: { nl: 'Wij gebruiken geen cookies.', en: '' },
    });
    const keys = composed.sections.map((section) => section.key);
    expect(keys[0]).toBe('introduction');
    expect(keys.indexOf('cookies')).toBe(keys.indexOf('rights') - 1);
    expect(composed.sections[0]?.blocks).toHaveLength(2);
    expect(composeStatement(generateStatement(input(), 'en'), ownTexts).sections.map((s) => s.key)).not.toContain(
      'introduction',
    );
  });
});

describe('registerInputText', () => {
  it('changes when the register changes what the statement says, not otherwise', () => {
    const hash = (statementInput: StatementInput) =>
      registerInputText({ nl: generateStatement(statementInput, 'nl'), en: generateStatement(statementInput, 'en') });
    expect(hash(input())).toBe(hash(input()));
    const changed = input((snapshot) => {
      const activity = snapshot.activities[0];
      if (activity) activity.purposes = ['Iets anders'];
    });
    expect(hash(changed)).not.toBe(hash(input()));
  });
});

describe('statementChecklist', () => {
  it('checks every Art. 13 and 14 item', () => {
    const items = statementChecklist(input(), 'en');
    expect(items.map((item) => item.itemId)).toEqual([
      '13.1.a',
      '13.1.b',
      '13.1.c',
      '13.1.d',
      '13.1.e',
      '13.1.f',
      '13.2.a',
      '13.2.b',
      '13.2.c',
      '13.2.d',
      '13.2.e',
      '13.2.f',
      '14.1.d',
      '14.2.f',
    ]);
    expect(statusOf(items, '13.1.c')).toBe('present');
    expect(statusOf(items, '13.1.d')).toBe('not_applicable');
    expect(statusOf(items, '13.2.f')).toBe('own_text');
    expect(items.find((item) => item.itemId === '13.2.e')?.articles).toEqual(['13']);
  });

  it('links each missing item to the register field that fills it', () => {
    const lacking = input((snapshot) => {
      const activity = snapshot.activities[0];
      if (!activity) return;
      Object.assign(activity, { purposes: [], legalBasis: 'f', legalBasisJustification: '', dataCategories: [] });
      activity.retention = { ...activity.retention, kind: null };
      snapshot.organisation.privacyContact = null;
    });
    const items = statementChecklist(lacking, 'nl');
    const invoicing = lacking.activities[0]?.id;
    const targetsOf = (id: string) => items.find((item) => item.itemId === id)?.targets;
    expect(targetsOf('13.1.b')).toEqual([{ target: 'organisation', field: 'privacyContact' }]);
    expect(targetsOf('13.1.c')).toEqual([
      { target: 'activity', activityId: invoicing, activityName: 'Facturatie', field: 'purposes' },
    ]);
    expect(targetsOf('13.1.d')?.[0]).toMatchObject({ field: 'legalBasisJustification' });
    expect(targetsOf('13.2.a')?.[0]).toMatchObject({ field: 'retention' });
    expect(targetsOf('14.1.d')?.[0]).toMatchObject({ field: 'dataCategories' });
    // The US vendor among the recipients has no safeguard recorded.
    expect(statusOf(items, '13.1.f')).toBe('missing');
    expect(items.find((item) => item.itemId === '13.1.b')?.label).toContain('FG');
  });
});

describe('diffLines', () => {
  it('marks removed and added lines', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { change: 'same', text: 'a' },
      { change: 'removed', text: 'b' },
      { change: 'same', text: 'c' },
      { change: 'added', text: 'd' },
    ]);
  });
});
