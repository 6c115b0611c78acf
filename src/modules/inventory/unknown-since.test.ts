import { describe, expect, it } from 'vitest';
import {
  ALWAYS_INSIDE,
  allInsideSince,
  type DatedPeriod,
  type InsideWindow,
  isAllInsideOn,
  isInForceOn,
  lastOutsideDay,
  locationsOfUnknownStartOn,
  locationsOn,
  recordsSince,
} from './rules.ts';

const TODAY = '2026-11-23';

interface Located extends DatedPeriod {
  name: string;
  window: InsideWindow | null;
}

const undated = (name: string, window: InsideWindow | null = ALWAYS_INSIDE, until: string | null = null): Located => ({
  name,
  since: null,
  until,
  window,
});
const dated = (name: string, since: string, window: InsideWindow | null = ALWAYS_INSIDE): Located => ({
  name,
  since,
  until: null,
  window,
});
const windowOf = (location: Located) => location.window;

describe('a location whose first day is not known yet', () => {
  it('is never reported as where the data was on a day, but as unknown for that day', () => {
    const locations = [undated('mail'), dated('backup', '2020-01-01')];
    expect(locationsOn(locations, '2019-06-01')).toEqual([]);
    expect(locationsOn(locations, TODAY).map((location) => location.name)).toEqual(['backup']);
    expect(locationsOfUnknownStartOn(locations, '2019-06-01').map((location) => location.name)).toEqual(['mail']);
    expect(locationsOfUnknownStartOn([undated('old', ALWAYS_INSIDE, '2018-12-31')], '2019-06-01')).toEqual([]);
  });

  it('still counts for today’s transfer check: it may be there', () => {
    expect(isInForceOn({ since: null, until: null }, TODAY)).toBe(true);
  });

  it('leaves "since when is everything inside" unknown, while saying it is inside now', () => {
    const locations = [undated('backup'), dated('offsite', '2018-01-01')];
    expect(recordsSince(locations, TODAY)).toBeNull();
    expect(allInsideSince(locations, TODAY, windowOf)).toBeNull();
    expect(isAllInsideOn(locations, TODAY, windowOf)).toBe(true);
  });

  it('is assumed to have started before an adequacy decision, so no inside day is claimed that is not proven', () => {
    const adequate = { from: '2021-06-28', until: null };
    expect(lastOutsideDay(undated('uk', adequate), adequate, TODAY)).toBe('2021-06-27');
    expect(allInsideSince([undated('uk', adequate)], TODAY, windowOf)).toBe('2021-06-28');
  });

  it('outside today is outside now', () => {
    expect(isAllInsideOn([undated('us', null)], TODAY, windowOf)).toBe(false);
    expect(isAllInsideOn([], TODAY, windowOf)).toBe(false);
  });
});
