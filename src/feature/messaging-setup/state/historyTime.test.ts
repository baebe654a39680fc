import { localDayRange, whenText, withLocalTimes } from './historyTime';

// The tests run in UTC (no TZ set) and en-US: the local day is the UTC day.
const at = (iso: string) => Date.parse(iso);

test('today and yesterday are calendar days, across a month and a year; older is a local date and time', () => {
  expect(whenText('2026-12-08T14:05:00Z', undefined, at('2026-12-08T23:59:00Z'))).toBe('today 02:05 PM');
  expect(whenText('2026-11-30T14:05:00Z', undefined, at('2026-12-01T00:01:00Z'))).toBe('yesterday 02:05 PM');
  expect(whenText('2025-12-31T23:59:00Z', undefined, at('2026-01-01T08:00:00Z'))).toBe('yesterday 11:59 PM');
  expect(whenText('2026-11-29T09:30:00Z', undefined, at('2026-12-01T00:01:00Z'))).toBe('Nov 29, 2026, 09:30 AM');
  expect(whenText('not a date')).toBe('not a date');
});

test("a backend sentence's UTC instants read in local time; other text is left as it is", () => {
  expect(withLocalTimes('changed it at 2026-12-06T22:56:36.555Z (entry 4, +14155550100)')).toBe(
    'changed it at Dec 6, 2026, 10:56 PM (entry 4, +14155550100)',
  );
});

test('a range of local days is sent from the start of the first to the start of the day after the last', () => {
  expect(localDayRange('2026-12-05', '2026-12-06')).toEqual({
    from: '2026-12-05T00:00:00.000Z',
    to: '2026-12-07T00:00:00.000Z',
  });
  expect(localDayRange('', '2026-12-31')).toEqual({ to: '2027-01-01T00:00:00.000Z' });
  expect(localDayRange('', '')).toEqual({});
});
