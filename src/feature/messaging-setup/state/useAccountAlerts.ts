import { useMemo } from 'react';

import type { AccountAlertCode } from '../../../contract/alerts';
import type { BackendClient } from '../api/backendClient';
import { useAlertsRead } from './useRowAlerts';

/**
 * The account's Debugger alerts of one code (list-alerts `{errorCode}`), read only when `check`
 * is called: an account-wide read is on demand, never part of the view's load. A newer check drops
 * the older answer; a failed one keeps the last answer out of sight until it succeeds.
 */
export function useAccountAlerts(backend: BackendClient, errorCode: AccountAlertCode) {
  const request = useMemo(() => ({ errorCode }), [errorCode]);
  const { answer, pending, error, read } = useAlertsRead(backend, request);
  return { answer: error ? null : answer, pending, error, check: read };
}
