import { fill, messagingSetupStrings, type MessagingSetupStrings } from '../strings';

/** A local date and time to the minute ("Dec 5, 2026, 09:30"), in the supervisor's time zone and language. */
const localDateTime = (at: Date) =>
  at.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The local calendar day of `date`, as a comparable key. */
const dayOf = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

/** The local calendar day before `date`'s (not 24 hours: a day of a clock change is 23 or 25). */
const dayBefore = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate() - 1);

/**
 * When a change was made, in the supervisor's time zone and language, relative to their today:
 * "today 14:05", "yesterday 14:05", else the local date and time ("Dec 5, 2026, 09:30"). Not a
 * date: as stored. The exact instant stays on demand (the History tab's `<time>` title).
 */
export function whenText(
  iso: string,
  strings: MessagingSetupStrings = messagingSetupStrings,
  now: number = Date.now(),
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return String(iso ?? '—');
  const today = new Date(now);
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (dayOf(at) === dayOf(today)) return fill(strings.MessagingSetupHistoryToday, { time });
  if (dayOf(at) === dayOf(dayBefore(today))) return fill(strings.MessagingSetupHistoryYesterday, { time });
  return localDateTime(at);
}

/** An ISO 8601 instant as the backend writes one into its sentences (`2026-12-06T22:56:36.555Z`). */
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * A backend sentence with each instant in it in the supervisor's local date and time: the backend
 * cannot know their time zone, so it says UTC ("changed it at 2026-12-06T22:56:36.555Z"), and
 * the view says when that was for them ("changed it at Dec 6, 2026, 23:56").
 */
export const withLocalTimes = (text: string): string =>
  text.replace(ISO_INSTANT, (iso) => {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? iso : localDateTime(at);
  });

/** `yyyy-mm-dd` (a date input's value) → the start of that day in the supervisor's time zone; null if not a day. */
export function startOfLocalDay(day: string, daysLater = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + daysLater);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The range of local days `fromDay`…`toDay` (each optional, both inclusive) as list-history's
 * instants: from the start of the first day to the start of the day after the last. Each is
 * sent as UTC: the backend compares instants, the supervisor's time zone is in the value.
 */
export function localDayRange(fromDay: string, toDay: string): { from?: string; to?: string } {
  const from = fromDay ? startOfLocalDay(fromDay) : null;
  const to = toDay ? startOfLocalDay(toDay, 1) : null;
  return { ...(from ? { from: from.toISOString() } : {}), ...(to ? { to: to.toISOString() } : {}) };
}
