import { useCallback, useState } from 'react';

import type { AccountAlertCode, ListAlertsResponse } from '../../../contract/alerts';
import type { BackendClient } from '../api/backendClient';
import { useAsync } from './useAsync';

/**
 * The account's Debugger alerts of one code (list-alerts `{errorCode}`), read only when `check`
 * is called: an account-wide read is on demand, never part of the view's load. A newer check drops
 * the older answer (useAsync); a failed one keeps the last answer out of sight until it succeeds.
 */
export function useAccountAlerts(backend: BackendClient, errorCode: AccountAlertCode) {
  const { pending, error, run } = useAsync();
  const [answer, setAnswer] = useState<ListAlertsResponse | null>(null);

  const check = useCallback(async () => {
    const outcome = await run(() => backend.call('list-alerts', { errorCode }));
    if (outcome.status === 'done') setAnswer(outcome.value);
  }, [backend, errorCode, run]);

  return { answer: error ? null : answer, pending, error, check };
}
