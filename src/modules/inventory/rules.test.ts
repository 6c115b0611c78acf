import { describe, expect, it } from 'vitest';
import countries from '../../../reference/countries.json' with { type: 'json' };
import {
  ALWAYS_INSIDE,
  allInsideSince,
  type DatedPeriod,
  governingVendorId,
  type InsideWindow,
  insideWindowOf,
  isInForceOn,
  judgedOn,
  lastOutsideDay,
  locationsOn,
  outsideLocations,
  recordsSince,
} from './rules.ts';

interface TestLocation extends DatedPeriod {
  name: string;
  country: string;
  isDpfCertified?: boolean;
}

const at = (name: string, country: string, since: string, until: string | null = null, isDpfCertified = false) => ({
  name,
  country,
  since,
  until,
  isDpfCertified,
});

/** A DPF certification dated on the day the framework took effect. */
const dpf = (isDpfCertified: boolean, dpfCertifiedSince: string | null = '2023-07-10') => ({
  isDpfCertified,
  dpfCertifiedSince,
  isDpfHrInScope: false,
});

const eeaOnly = (location: TestLocation) => insideWindowOf(location.country, { includeAdequate: false, dpf: null });
const eeaOrAdequate = (location: TestLocation) =>
  insideWindowOf(location.country, { includeAdequate: true, dpf: dpf(location.isDpfCertified ?? false) });

/**
 * The freelancer of seeds/004: "all backups in Europe since 1-1-2018; the primary two backups in NL, the offsite ones
 * in Frankfurt". Before that, one backup ran in the US until the last day of 2017.
 */
const freelancerBackups: TestLocation[] = [
  at('backup NL 1', 'NL', '2015-05-01'),
  at('backup NL 2', 'NL', '2016-03-01'),
  at('offsite Frankfurt', 'DE', '2018-01-01'),
  at('offsite US (old provider)', 'US', '2014-01-01', '2017-12-31'),
];
const today = '2026-11-23';

describe('isInForceOn and locationsOn', () => {
  const location = at('x', 'NL', '2018-01-01', '2018-12-31');

  it('includes the first and the last day, and nothing outside them', () => {
    expect(isInForceOn(location, '2017-12-31')).toBe(false);
    expect(isInForceOn(location, '2018-01-01')).toBe(true);
    expect(isInForceOn(location, '2018-12-31')).toBe(true);
    expect(isInForceOn(location, '2019-01-01')).toBe(false);
  });

  it('keeps a location without an end in force from its first day on', () => {
    const open = at('y', 'NL', '2018-01-01');
    expect(isInForceOn(open, '2017-12-31')).toBe(false);
    expect(isInForceOn(open, '2099-01-01')).toBe(true);
  });

  it('answers "where was the data on day D" for the freelancer', () => {
    const names = (day: string) => locationsOn(freelancerBackups, day).map((l) => l.name);
    expect(names('2017-12-31')).toEqual(['backup NL 1', 'backup NL 2', 'offsite US (old provider)']);
    expect(names('2018-01-01')).toEqual(['backup NL 1', 'backup NL 2', 'offsite Frankfurt']);
    expect(names('2015-01-01')).toEqual(['offsite US (old provider)']);
    expect(names('2013-12-31')).toEqual([]);
  });
});

describe('judgedOn', () => {
  it('is the last day of an ended location and today for one that continues', () => {
    expect(judgedOn(at('a', 'US', '2014-01-01', '2017-12-31'), today)).toBe('2017-12-31');
    expect(judgedOn(at('b', 'US', '2014-01-01'), today)).toBe(today);
    expect(judgedOn(at('c', 'US', '2014-01-01', '2030-01-01'), today)).toBe(today);
  });
});

describe('insideWindowOf (reference/countries.json)', () => {
  it('counts every EEA country as inside on every day, with or without adequacy', () => {
    for (const code of [...countries.eu, ...countries.eeaNonEu, 'EL']) {
      expect(insideWindowOf(code, { includeAdequate: false, dpf: null })).toEqual(ALWAYS_INSIDE);
    }
  });

  it('counts an adequate country as inside only when asked, from its decision through its expiry', () => {
    for (const decision of countries.adequacy) {
      const certified = dpf(decision.requiresRecipientCertification === true);
      expect(insideWindowOf(decision.code, { includeAdequate: false, dpf: certified })).toBeNull();
      expect(insideWindowOf(decision.code, { includeAdequate: true, dpf: certified })).toEqual({
        from: decision.decided,
        until: decision.expires ?? null,
      });
    }
  });

  it('counts the US as adequate only for a DPF-certified recipient', () => {
    expect(insideWindowOf('US', { includeAdequate: true, dpf: dpf(false) })).toBeNull();
    expect(insideWindowOf('US', { includeAdequate: true, dpf: dpf(true) })?.from).toBe('2023-07-10');
  });

  it('counts a US copy as inside from the later of the DPF decision and the holder’s own certification', () => {
    expect(insideWindowOf('US', { includeAdequate: true, dpf: dpf(true, '2025-03-01') })?.from).toBe('2025-03-01');
    expect(insideWindowOf('US', { includeAdequate: true, dpf: dpf(true, null) })).toBeNull();
  });

  it('never counts a country without a decision, or an unknown code, as inside', () => {
    expect(insideWindowOf('IN', { includeAdequate: true, dpf: dpf(true) })).toBeNull();
    expect(insideWindowOf('XX', { includeAdequate: true, dpf: null })).toBeNull();
  });
});

describe('lastOutsideDay', () => {
  const window: InsideWindow = { from: '2023-07-10', until: '2031-12-27' };

  it('is the last day (or today) of a location that is never inside', () => {
    expect(lastOutsideDay(at('a', 'IN', '2019-01-01', '2020-06-30'), null, today)).toBe('2020-06-30');
    expect(lastOutsideDay(at('b', 'IN', '2019-01-01'), null, today)).toBe(today);
  });

  it('is the day before the window opens for a location that started earlier', () => {
    expect(lastOutsideDay(at('c', 'US', '2020-01-01'), window, today)).toBe('2023-07-09');
    expect(lastOutsideDay(at('d', 'US', '2020-01-01', '2021-01-01'), window, today)).toBe('2021-01-01');
  });

  it('is null inside the window, and the last day once the window has closed', () => {
    expect(lastOutsideDay(at('e', 'US', '2024-01-01'), window, today)).toBeNull();
    expect(lastOutsideDay(at('f', 'GB', '2024-01-01'), window, '2032-03-01')).toBe('2032-03-01');
  });

  it('ignores a location that has not started yet', () => {
    expect(lastOutsideDay(at('g', 'IN', '2027-01-01'), null, today)).toBeNull();
  });
});

describe('allInsideSince', () => {
  it('answers the freelancer: all backups inside the EEA since 2018-01-01', () => {
    expect(allInsideSince(freelancerBackups, today, eeaOnly)).toBe('2018-01-01');
    expect(outsideLocations(freelancerBackups, today, eeaOnly).map((l) => l.name)).toEqual([
      'offsite US (old provider)',
    ]);
    expect(recordsSince(freelancerBackups, today)).toBe('2014-01-01');
  });

  it('is null while a location is outside today, including one whose last day is today', () => {
    expect(allInsideSince([...freelancerBackups, at('cloud IN', 'IN', '2020-01-01')], today, eeaOnly)).toBeNull();
    expect(allInsideSince([at('ends today', 'IN', '2020-01-01', today)], today, eeaOnly)).toBeNull();
    expect(allInsideSince([at('ended yesterday', 'IN', '2020-01-01', '2026-11-22')], today, eeaOnly)).toBe(today);
  });

  it('is the earliest record when nothing was ever outside, and null when nothing is recorded', () => {
    const inside = [at('NL', 'NL', '2016-06-01'), at('DE', 'DE', '2015-02-01', '2019-01-01')];
    expect(allInsideSince(inside, today, eeaOnly)).toBe('2015-02-01');
    expect(allInsideSince([], today, eeaOnly)).toBeNull();
  });

  it('ignores locations dated in the future, inside or outside', () => {
    const planned = [
      at('NL', 'NL', '2019-01-01'),
      at('planned US', 'US', '2027-01-01'),
      at('planned DE', 'DE', '2027-06-01'),
    ];
    expect(allInsideSince(planned, today, eeaOnly)).toBe('2019-01-01');
    expect(recordsSince(planned, today)).toBe('2019-01-01');
    expect(allInsideSince([at('only planned', 'DE', '2027-01-01')], today, eeaOnly)).toBeNull();
  });

  it('takes the latest end among overlapping and adjacent outside periods', () => {
    const locations = [
      at('US 1', 'US', '2012-01-01', '2016-05-01'),
      at('US 2', 'US', '2015-01-01', '2019-03-31'),
      at('AU', 'AU', '2019-04-01', '2020-12-31'),
      at('NL', 'NL', '2021-01-01'),
    ];
    expect(allInsideSince(locations, today, eeaOnly)).toBe('2021-01-01');
    expect(outsideLocations(locations, today, eeaOnly)).toHaveLength(3);
  });

  it('counts an adequate country as inside only when asked (Switzerland)', () => {
    const locations = [at('NL', 'NL', '2016-01-01'), at('Zürich', 'CH', '2017-01-01')];
    expect(allInsideSince(locations, today, eeaOnly)).toBeNull();
    expect(allInsideSince(locations, today, eeaOrAdequate)).toBe('2016-01-01');
  });

  it('counts a US location as inside only for a DPF-certified provider, and only from the DPF decision', () => {
    const certified = [at('NL', 'NL', '2016-01-01'), at('US DPF', 'US', '2024-02-01', null, true)];
    expect(allInsideSince(certified, today, eeaOrAdequate)).toBe('2016-01-01');
    const uncertified = [at('NL', 'NL', '2016-01-01'), at('US', 'US', '2024-02-01', null, false)];
    expect(allInsideSince(uncertified, today, eeaOrAdequate)).toBeNull();
    const beforeDecision = [at('NL', 'NL', '2016-01-01'), at('US DPF', 'US', '2020-01-01', null, true)];
    expect(allInsideSince(beforeDecision, today, eeaOrAdequate)).toBe('2023-07-10');
  });
});

describe('governingVendorId', () => {
  it('is the provider of the copy when named, otherwise the system vendor', () => {
    expect(governingVendorId({ providerVendorId: 'hetzner' }, 'exact')).toBe('hetzner');
    expect(governingVendorId({ providerVendorId: null }, 'exact')).toBe('exact');
    expect(governingVendorId({ providerVendorId: null }, null)).toBeNull();
  });
});
