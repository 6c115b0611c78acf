import { describe, expect, it } from 'vitest';
import { safeNextPath } from './session.ts';

describe('safeNextPath', () => {
  it('keeps a path inside the app, with its query', () => {
    expect(safeNextPath('/o/de-wit/audit?action=member.added')).toBe('/o/de-wit/audit?action=member.added');
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example/path'],
    ['a script', 'javascript:alert(1)'],
    ['a relative path', 'o/de-wit'],
    ['nothing', null],
    ['an empty value', ''],
  ])('goes home instead of to %s', (_case, next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});
