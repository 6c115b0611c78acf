import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ZTokenScope } from '../../../src/modules/api-tokens/contract.ts';
import { ZAuditActor, ZChainBreak } from '../../../src/modules/audit/contract.ts';
import { ZInvitation, ZPrivacyContact, ZRole } from '../../../src/modules/organisations/contract.ts';
import { ZMailStatus } from '../../../src/modules/outbox/contract.ts';
import en from './en.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };

type Messages = { [key: string]: string | Messages };

function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function placeholdersOf(messages: Messages): Map<string, string[]> {
  const lookup = new Map<string, string[]>();
  const walk = (node: Messages, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string')
        lookup.set(`${prefix}${key}`, [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string).sort());
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(messages, '');
  return lookup;
}

const webSrc = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Keys written out in full in the code: t('a.b'), i18nKey="a.b", labelKey: 'a.b', and t(cond ? 'a.b' : 'c.d'). */
function literalKeysInCode(): Set<string> {
  const keys = new Set<string>();
  const patterns = [
    /\bt\(\s*'([\w.]+)'/g,
    /i18nKey="([\w.]+)"/g,
    /labelKey: '([\w.]+)'/g,
    /\bt\(\s*[\w.?!]+\s*\?\s*'([\w.]+)'\s*:\s*'([\w.]+)'/g,
  ];
  for (const file of sourceFiles(webSrc)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        for (const key of match.slice(1)) if (key) keys.add(key);
      }
    }
  }
  return keys;
}

const i18nDir = path.dirname(fileURLToPath(import.meta.url));
const readCatalog = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Messages;

/** The module catalogs, web/src/i18n/<module>/{nl,en}.json, mounted under <module>. */
const moduleCatalogs = readdirSync(i18nDir)
  .filter((name) => existsSync(path.join(i18nDir, name, 'nl.json')) || existsSync(path.join(i18nDir, name, 'en.json')))
  .map((module) => ({
    module,
    nl: readCatalog(path.join(i18nDir, module, 'nl.json')),
    en: readCatalog(path.join(i18nDir, module, 'en.json')),
  }));

describe('web translations', () => {
  it('has the same keys in Dutch and English', () => {
    expect(keysOf(en as Messages).sort()).toEqual(keysOf(nl as Messages).sort());
  });

  it.each(moduleCatalogs.map((catalog) => [catalog.module, catalog] as const))(
    'has the same keys in Dutch and English for %s',
    (_module, catalog) => {
      expect(keysOf(catalog.en).sort()).toEqual(keysOf(catalog.nl).sort());
    },
  );

  it('uses the same placeholders in both languages', () => {
    const dutch = placeholdersOf(nl as Messages);
    const english = placeholdersOf(en as Messages);
    const differing = [...dutch].filter(([key, names]) => JSON.stringify(names) !== JSON.stringify(english.get(key)));
    expect(differing).toEqual([]);
  });

  it('has no empty texts', () => {
    const empty = [nl, en].flatMap((messages) => {
      const lookup = placeholdersOf(messages as Messages);
      return [...lookup.keys()].filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Messages)[part], messages);
        return typeof value === 'string' && value.trim() === '';
      });
    });
    expect(empty).toEqual([]);
  });

  it('defines every key the code names, in the web texts or the server texts it reuses', async () => {
    const serverNl = (await import('../../../src/platform/i18n/nl.json', { with: { type: 'json' } }))
      .default as Messages;
    const known = new Set([
      ...keysOf(nl as Messages),
      ...moduleCatalogs.flatMap((catalog) => keysOf(catalog.nl, `${catalog.module}.`)),
      ...keysOf({ errors: serverNl.errors, validation: serverNl.validation, roles: serverNl.roles } as Messages),
    ]);
    const isKnown = (key: string) => known.has(key) || known.has(`${key}_one`);
    const used = literalKeysInCode();
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !isKnown(key)).sort()).toEqual([]);
  });

  it('names every value of the enums the pages show (keys the code builds from API values)', () => {
    const keys = new Set(keysOf(nl as Messages));
    const expected = [
      ...ZMailStatus.options.map((status) => `outbox.statuses.${status}`),
      ...ZInvitation.shape.status.options.map((status) => `members.invitations.statuses.${status}`),
      ...ZTokenScope.options.flatMap((scope) => [`apiTokens.scopeNames.${scope}`, `apiTokens.scopeHints.${scope}`]),
      ...ZAuditActor.shape.type.options.map((type) => `audit.actorTypes.${type}`),
      ...ZChainBreak.shape.reason.options.map((reason) => `audit.verify.reasons.${reason}`),
      ...ZPrivacyContact.shape.kind.options.map((kind) => `organisations.contact.kinds.${kind}`),
    ];
    expect(expected.filter((key) => !keys.has(key))).toEqual([]);
    const serverNl = JSON.parse(readFileSync(path.join(webSrc, '../../src/platform/i18n/nl.json'), 'utf8'));
    expect(ZRole.options.filter((role) => !serverNl.roles[role])).toEqual([]);
  });
});
