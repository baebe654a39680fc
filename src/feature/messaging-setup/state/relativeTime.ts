const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The largest unit first: an age is said in the largest unit it has at least one of. */
const STEPS: readonly { unit: Intl.RelativeTimeFormatUnit; ms: number }[] = [
  { unit: 'year', ms: 365 * DAY },
  { unit: 'month', ms: 30 * DAY },
  { unit: 'day', ms: DAY },
  { unit: 'hour', ms: HOUR },
  { unit: 'minute', ms: MINUTE },
  { unit: 'second', ms: SECOND },
];

let formatter: Intl.RelativeTimeFormat | null = null;

/**
 * When `iso` was, relative to `now`, in the user's language ("3 days ago", "yesterday"); null for
 * no date or one that is not a date. A browser without Intl.RelativeTimeFormat (Safari before 14)
 * gets the local date and time instead.
 */
export function relativeAge(iso: string | null | undefined, now: number = Date.now()): string | null {
  if (!iso) return null;
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return null;
  if (typeof Intl.RelativeTimeFormat !== 'function') return new Date(at).toLocaleString();
  formatter ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const diff = at - now;
  const step = STEPS.find(({ ms }) => Math.abs(diff) >= ms) ?? STEPS[STEPS.length - 1];
  return formatter.format(Math.round(diff / step.ms), step.unit);
}
