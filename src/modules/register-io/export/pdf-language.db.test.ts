import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { TestClient } from '../../../../test/client.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import { ensureDemoData } from '../../../demo/load-demo.ts';

/**
 * The Dutch PDF of the demo registers (built from the templates) read as text, the way the AP or a client reads it:
 * no English, no file or key names, the right singular and plural, lower case inside sentences.
 */
const ENGLISH_WORDS = [
  'the',
  'and',
  'with',
  'from',
  'until',
  'since',
  'after',
  'policy',
  'business',
  'legal',
  'entities',
  'traders',
  'partnerships',
  'clock',
  'starts',
  'guidance',
  'former',
  'consent',
  'withdrawn',
  'record',
  'missing',
  'warning',
  'unknown',
  'none',
  'yes',
  'controller',
  'processor',
  'recipient',
  'recipients',
  'vendor',
  'retention',
  'purpose',
  'review',
  'owner',
  'safeguard',
  'annex',
  'page',
  'months',
  'years',
  'weeks',
  'days',
  'GDPR',
];
const FILE_NAME = /\b[\w-]+\.(txt|json|tsx?|js|md|csv|xlsx|pdf)\b/i;
const INTERNAL = /\bseed\b|\bretention-nl\b|\bgdpr-items\b|\b[a-z]+(_[a-z]+)+\b|\bregister\.[a-z_]+\.[a-z_]+/;

let app: TestApp;
let demo: TestClient;
const texts = new Map<string, string>();

beforeAll(async () => {
  app = await createTestApp();
  const signIn = await ensureDemoData(app.ctx);
  demo = new TestClient(app.http);
  await demo.signIn(signIn.email, signIn.password);
  for (const slug of ['domstad-ict', 'eemcode']) {
    for (const locale of ['nl', 'en']) {
      const response = await demo.get(`/api/orgs/${slug}/register/export?format=pdf&locale=${locale}`);
      expect(response.status).toBe(200);
      texts.set(`${slug}-${locale}`, pdfText(response.raw));
    }
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const englishIn = (text: string) =>
  ENGLISH_WORDS.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'iu').test(text));

describe.each(['domstad-ict', 'eemcode'])('the Dutch PDF of %s', (slug) => {
  it('holds no English word from the list', () => {
    expect(englishIn(texts.get(`${slug}-nl`) ?? '')).toEqual([]);
  });

  it('names no file, seed page or internal key', () => {
    const text = texts.get(`${slug}-nl`) ?? '';
    expect(text.match(FILE_NAME)?.[0] ?? null).toBeNull();
    expect(text.match(INTERNAL)?.[0] ?? null).toBeNull();
  });

  it('counts and cases like a Dutch document', () => {
    const text = texts.get(`${slug}-nl`) ?? '';
    expect(text).not.toMatch(
      /\b1 (ontbrekende onderdelen|waarschuwingen|verwerkingsactiviteiten|systemen|leveranciers)\b/,
    );
    expect(text).not.toMatch(/\b0 (dagen|weken|maanden|jaar) vanaf\b/);
    expect(text).not.toMatch(/\b(vanaf|tot|na) (Einde|Datum|Moment|Vertrek|Intrekking|Afhandeling)\b/);
    expect(text).not.toMatch(/Herzien op/);
    expect(text).toMatch(/Volgende herziening/);
  });
});

describe('the English PDF', () => {
  it('says the same things in English', () => {
    const text = texts.get('domstad-ict-en') ?? '';
    expect(text).toMatch(/immediately after the contact person leaving the client/);
    expect(text).toMatch(/7 years from the end of the fiscal year/);
    expect(text).toMatch(/Next review/);
    expect(text.match(FILE_NAME)?.[0] ?? null).toBeNull();
    expect(text).not.toMatch(/\bseed\b|lid 4 Algemene wet/);
  });

  it('is Dutch where the Dutch register says "direct na"', () => {
    expect(texts.get('domstad-ict-nl')).toMatch(/direct na het vertrek van de contactpersoon bij de klant/);
  });
});
