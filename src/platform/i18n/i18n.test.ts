import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import { hasMessage, localeFromAcceptLanguage, translate } from './index.ts';
import nl from './nl.json' with { type: 'json' };

type Messages = { [key: string]: string | Messages };

/** Every leaf of a catalogue as `dotted.key` → message. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(dotted, value);
    else for (const [leaf, message] of flatten(value, dotted)) entries.set(leaf, message);
  }
  return entries;
}

const placeholders = (message: string) => [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('server messages nl/en', () => {
  const dutch = flatten(nl);
  const english = flatten(en);

  it('have the same keys in both languages', () => {
    const onlyDutch = [...dutch.keys()].filter((key) => !english.has(key));
    const onlyEnglish = [...english.keys()].filter((key) => !dutch.has(key));
    expect({ onlyDutch, onlyEnglish }).toEqual({ onlyDutch: [], onlyEnglish: [] });
  });

  it('use the same placeholders per key', () => {
    const differing = [...english.entries()]
      .filter(([key]) => dutch.has(key))
      .filter(([key, message]) => placeholders(message).join() !== placeholders(dutch.get(key) as string).join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('have no empty messages, and Dutch that is not a copy of the English', () => {
    for (const [key, message] of [...dutch, ...english]) expect(message.trim(), key).not.toBe('');
    const copied = [...english.entries()]
      .filter(([key, message]) => message.length > 20 && dutch.get(key) === message)
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });

  it('hold a title for every error kind the HTTP layer maps', () => {
    for (const kind of [
      'invalid',
      'unauthenticated',
      'forbidden',
      'not_found',
      'conflict',
      'too_large',
      'unsupported_media_type',
      'rate_limited',
      'unavailable',
      'internal',
    ]) {
      expect(hasMessage(`errors.kind.${kind}`), kind).toBe(true);
    }
  });
});

describe('translate', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translate('en', 'errors.account_locked', { minutes: 15 })).toBe(
      'Too many failed attempts. This account is locked for 15 minutes.',
    );
    expect(translate('nl', 'errors.account_locked', { minutes: 15 })).toContain('15');
    expect(translate('nl', 'errors.account_locked', { minutes: 15 })).not.toBe(
      translate('en', 'errors.account_locked', { minutes: 15 }),
    );
  });

  it('leaves an unfilled placeholder empty and answers an unknown key with the key', () => {
    expect(translate('en', 'errors.role_insufficient')).toBe(
      'Your role does not allow this. It needs at least the role .',
    );
    expect(translate('nl', 'errors.no_such_message')).toBe('errors.no_such_message');
    expect(hasMessage('errors.no_such_message')).toBe(false);
    expect(hasMessage('errors')).toBe(false);
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['de-DE,de;q=0.9,en;q=0.8', 'en'],
    ['en;q=0.5,nl;q=0.9', 'nl'],
    ['fr, de', 'nl'],
    ['en;q=0', 'nl'],
    ['EN-us', 'en'],
    ['*', 'nl'],
    ['en;q=abc, nl;q=0.1', 'nl'],
  ])('%j → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});
