import { describe, expect, it } from 'vitest';
import { describeData } from './labels.ts';

describe('describeData', () => {
  it('lists values, lists and objects compactly', () => {
    expect(describeData({ fields: ['city', 'name'], role: 'editor', change: { from: 'viewer' } })).toBe(
      'fields: city, name · role: editor · change: {"from":"viewer"}',
    );
  });

  it('shortens hashes and leaves out empty values', () => {
    const hash = 'a'.repeat(64);
    expect(describeData({ emailHash: hash, managedByOrgId: null })).toBe('emailHash: aaaaaaaaaa…');
  });
});
