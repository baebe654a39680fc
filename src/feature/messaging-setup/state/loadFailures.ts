import type { SetupData, SourceName } from './setupData';

/** Lists that failed for one cause: the same code and, unless the code is view-wide, the same words. */
export interface LoadFailureGroup {
  code: string;
  /** The first list's message (the others' are the same, or, for a view-wide cause, of no more use). */
  error: string;
  sources: SourceName[];
}

export interface LoadFailures {
  groups: LoadFailureGroup[];
  /** Every list that failed, for one Try again that loads them all again. */
  failed: SourceName[];
  /** True when no list loaded: the view has nothing of the account to show. */
  all: boolean;
}

/**
 * The view's load failures, one group per cause, in the order the lists are named in `sources`.
 * `isViewWide`: a code that is about the backend, the user or the account rather than one list
 * (unreachable, sign-in, role): every list fails the same way, so its lists are one group
 * whatever each one's words were. Other codes group lists whose words are the same too.
 */
export function loadFailures(sources: SetupData['sources'], isViewWide: (code: string) => boolean): LoadFailures {
  const names = Object.keys(sources) as SourceName[];
  const failed = names.filter((source) => sources[source].error !== null);
  const byCause = new Map<string, LoadFailureGroup>();
  for (const source of failed) {
    const { error, errorCode } = sources[source];
    const code = errorCode ?? 'error';
    const message = error ?? '';
    const cause = isViewWide(code) ? code : `${code}\n${message}`;
    const group = byCause.get(cause);
    if (group) group.sources.push(source);
    else byCause.set(cause, { code, error: message, sources: [source] });
  }
  return { groups: [...byCause.values()], failed, all: failed.length > 0 && failed.length === names.length };
}
