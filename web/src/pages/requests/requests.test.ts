import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  IDENTITY_METHODS as CONTRACT_IDENTITY_METHODS,
  REQUEST_OUTCOMES as CONTRACT_OUTCOMES,
  REQUEST_RIGHTS as CONTRACT_RIGHTS,
  ZListRequestsQuery,
  ZRequestChannel,
  ZRequestEventKind,
  ZRequestStatus,
} from '../../../../src/modules/requests/contract.ts';
import {
  IDENTITY_METHODS,
  MANUAL_CHANNELS,
  REQUEST_OUTCOMES,
  REQUEST_RIGHTS,
  REQUEST_STATES,
} from '../../api/requests.ts';
import { amsterdamToday, canExtend, longDate, urgencyOf } from './request-format.ts';

const i18nDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../i18n/requests');
const catalog = (locale: 'nl' | 'en') => JSON.parse(readFileSync(path.join(i18nDir, `${locale}.json`), 'utf8'));

describe('the requests pages', () => {
  it('list the contract’s values, no more and no fewer', () => {
    expect([...REQUEST_RIGHTS]).toEqual([...CONTRACT_RIGHTS]);
    expect([...IDENTITY_METHODS]).toEqual([...CONTRACT_IDENTITY_METHODS]);
    expect([...REQUEST_OUTCOMES]).toEqual([...CONTRACT_OUTCOMES]);
    expect([...REQUEST_STATES].sort()).toEqual([...ZListRequestsQuery.shape.state.unwrap().options].sort());
    expect([...MANUAL_CHANNELS]).toEqual(ZRequestChannel.options.filter((channel) => channel !== 'web'));
  });

  it.each(['nl', 'en'] as const)('name every value they show in %s', (locale) => {
    const texts = catalog(locale);
    const missing = [
      ...CONTRACT_RIGHTS.flatMap((right) => [`rights.${right}`, `rightHints.${right}`]),
      ...ZRequestChannel.options.map((channel) => `channels.${channel}`),
      ...ZRequestStatus.options.map((status) => `statuses.${status}`),
      ...CONTRACT_OUTCOMES.map((outcome) => `outcomes.${outcome}`),
      ...CONTRACT_IDENTITY_METHODS.map((method) => `identityMethods.${method}`),
      ...ZRequestEventKind.options.map((kind) => `eventKinds.${kind}`),
      ...REQUEST_STATES.map((state) => `desk.tabs.${state}`),
    ].filter((key) => typeof key.split('.').reduce((node, part) => node?.[part], texts) !== 'string');
    expect(missing).toEqual([]);
  });

  it('colours a deadline by urgency and offers the extension only once, in the first month', () => {
    expect(urgencyOf({ isOverdue: true, calendarDaysLeft: -2 })).toBe('overdue');
    expect(urgencyOf({ isOverdue: false, calendarDaysLeft: 7 })).toBe('soon');
    expect(urgencyOf({ isOverdue: false, calendarDaysLeft: 8 })).toBe('later');
    const open = { status: 'open', deadline: { isExtended: false, extensionNoticeDue: '2026-12-23' } };
    expect(canExtend(open, '2026-12-23')).toBe(true);
    expect(canExtend(open, '2026-12-24')).toBe(false);
    expect(canExtend({ ...open, deadline: { ...open.deadline, isExtended: true } }, '2026-12-01')).toBe(false);
    expect(canExtend({ ...open, status: 'closed' }, '2026-12-01')).toBe(false);
  });

  it('writes dates as the office reads them, in Amsterdam', () => {
    expect(longDate('2026-12-23', 'nl')).toBe('woensdag 23 december 2026');
    expect(longDate('2026-12-23', 'en')).toBe('Wednesday, 23 December 2026');
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(amsterdamToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
