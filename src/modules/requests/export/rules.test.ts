import { describe, expect, it } from 'vitest';
import { downloadsLeft, downloadVerdict, expiryOf, MAX_DOWNLOADS, pathSegment, uniquePaths } from './rules.ts';

const built = new Date('2026-11-23T09:00:00Z');
const ready = { status: 'ready', expiresAt: expiryOf(built), downloadCount: 0 };

describe('download links', () => {
  it('work for 14 days and 5 downloads', () => {
    expect(expiryOf(built).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(downloadVerdict(ready, new Date('2026-12-07T08:59:59Z'))).toBe('ok');
    expect(downloadVerdict(ready, new Date('2026-12-07T09:00:00Z'))).toBe('expired');
    expect(downloadVerdict({ ...ready, downloadCount: MAX_DOWNLOADS - 1 }, built)).toBe('ok');
    expect(downloadVerdict({ ...ready, downloadCount: MAX_DOWNLOADS }, built)).toBe('used_up');
    expect(downloadsLeft(7)).toBe(0);
  });

  it('do not work before the package is built or after it expired', () => {
    expect(downloadVerdict({ status: 'building', expiresAt: null, downloadCount: 0 }, built)).toBe('not_ready');
    expect(downloadVerdict({ status: 'expired', expiresAt: null, downloadCount: 0 }, built)).toBe('expired');
  });
});

describe('paths in the ZIP', () => {
  it('never leave their folder or carry control characters', () => {
    expect(pathSegment('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(pathSegment('a\u0000b\nc')).toBe('a_b_c');
    expect(pathSegment('  ..  ')).toBe('_');
    expect(pathSegment('Klanten (CRM)')).toBe('Klanten (CRM)');
  });

  it('are unique within the package', () => {
    expect(
      uniquePaths([
        { connector: 'CRM', recordType: 'Klanten' },
        { connector: 'crm', recordType: 'klanten' },
        { connector: 'CRM', recordType: 'Orders' },
      ]),
    ).toEqual(['CRM/Klanten', 'crm/klanten-2', 'CRM/Orders']);
  });
});
