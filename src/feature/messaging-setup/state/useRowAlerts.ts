import { useCallback, useEffect, useMemo, useState } from 'react';

import type { ListAlertsRequest, ListAlertsResponse } from '../../../contract/alerts';
import type { AddressSummary, PhoneNumberSummary } from '../../../contract/types';
import type { BackendClient } from '../api/backendClient';
import { useAsync } from './useAsync';

/** What a row is known by to Twilio's Debugger: everything the view knows of it (list-alerts matches any). */
export interface AlertsRow {
  address: string;
  number?: Pick<PhoneNumberSummary, 'sid'>;
  addressConfiguration?: Pick<AddressSummary, 'sid' | 'integration'>;
}

export function alertsRequestOf(row: AlertsRow): ListAlertsRequest {
  const integration = row.addressConfiguration?.integration;
  return {
    address: row.address,
    ...(row.addressConfiguration ? { addressSid: row.addressConfiguration.sid } : {}),
    ...(row.number ? { phoneNumberSid: row.number.sid } : {}),
    ...(integration?.type === 'studio' && integration.studioFlowSid
      ? { studioFlowSid: integration.studioFlowSid }
      : {}),
    ...(integration?.type === 'webhook' && integration.webhookUrl ? { webhookUrl: integration.webhookUrl } : {}),
  };
}

/**
 * One list-alerts read, run when `read` is called, and its latest answer: a newer read drops the
 * older answer (useAsync). A row's alerts (below) and the account's of one code
 * (useAccountAlerts.ts) are both this read.
 */
export function useAlertsRead(backend: BackendClient, request: ListAlertsRequest) {
  const { pending, error, run } = useAsync();
  const [answer, setAnswer] = useState<ListAlertsResponse | null>(null);
  const read = useCallback(async () => {
    const outcome = await run(() => backend.call('list-alerts', request));
    if (outcome.status === 'done') setAnswer(outcome.value);
  }, [backend, request, run]);
  return { answer, pending, error, read };
}

/**
 * The Debugger alerts about one row (one list-alerts call when it mounts: the dialog opens it,
 * never the table), and a retry after a failure. A newer request (the row changed) drops the
 * older answer.
 */
export function useRowAlerts(backend: BackendClient, row: AlertsRow) {
  const key = JSON.stringify(alertsRequestOf(row));
  const request = useMemo(() => JSON.parse(key) as ListAlertsRequest, [key]);
  const { answer, pending, error, read } = useAlertsRead(backend, request);

  useEffect(() => {
    void read();
  }, [read]);

  const retry = useCallback(() => void read(), [read]);
  // Loading until the first answer or failure: never "no alerts" before the backend said so.
  return { answer, loading: pending || (answer === null && error === null), error, retry };
}
