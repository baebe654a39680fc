import { ok, type OperationHandlers, type OperationRequest } from '../operation';
import { pageV1 } from '../pagination';
import { derivedSid } from '../random';
import type { SandboxAccount, WireResource } from '../state';
import { invalidParameter } from '../twilioError';
import { isoDate } from '../wireFormat';

const HOST = 'https://monitor.twilio.com';

export interface AlertFields {
  errorCode: number;
  /** What Twilio's Debugger shows as the alert's text. */
  text: string;
  logLevel?: 'error' | 'warning';
  /** The resource the alert is about (an address `IG…`, a conversation `CH…`, a message `SM…`). */
  resourceSid: string | null;
  /** The service it happened in (a Conversations service `IS…`), when there is one. */
  serviceSid?: string | null;
  /** For a webhook that failed: the request Twilio made. */
  request?: { method: 'GET' | 'POST'; url: string; variables?: string; responseBody?: string };
  /** ISO 8601; default the account's clock as it stands (not advanced, so other dates stay as they were). */
  dateGenerated?: string;
  /** Distinguishes alerts made at the same moment (the SID is derived from it). */
  key: string;
}

/**
 * One Monitor Alert, as the Debugger logs it: `error_code` as a string, `more_info` the error's
 * page (twilio.com/docs/errors/<code>), fields of a fetched alert (`request_*`, `response_*`)
 * kept too; the list leaves those out, as Twilio's list schema does. The SID (`NO…`) is derived,
 * not drawn from the seed's sequence.
 */
export function writeAlert(account: SandboxAccount, fields: AlertFields): WireResource {
  const sid = derivedSid('NO', `${account.alerts.size}:${fields.key}`);
  const when = fields.dateGenerated ?? isoDate(account.peekNow());
  const alert: WireResource = {
    account_sid: account.accountSid,
    alert_text: fields.text,
    api_version: null,
    date_created: when,
    date_generated: when,
    date_updated: when,
    error_code: String(fields.errorCode),
    log_level: fields.logLevel ?? 'error',
    more_info: `https://www.twilio.com/docs/errors/${fields.errorCode}`,
    request_method: fields.request?.method ?? null,
    request_url: fields.request?.url ?? null,
    request_variables: fields.request?.variables ?? null,
    resource_sid: fields.resourceSid,
    response_body: fields.request?.responseBody ?? null,
    response_headers: null,
    request_headers: null,
    sid,
    url: `${HOST}/v1/Alerts/${sid}`,
    service_sid: fields.serviceSid ?? null,
  };
  return account.alerts.add(alert);
}

/** The fields the list's schema (`monitor.v1.alert`) has: a fetched alert has more. */
function listed(alert: WireResource): WireResource {
  const {
    request_variables: _variables,
    response_body: _body,
    response_headers: _responseHeaders,
    request_headers: _requestHeaders,
    ...rest
  } = alert;
  return rest as WireResource;
}

/** `YYYY-MM-DD` or a date-time, as Monitor's StartDate/EndDate take; the day's start or end for a bare date. */
function boundOf(value: unknown, end: boolean): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(bare ? `${value}T${end ? '23:59:59' : '00:00:00'}Z` : value);
  if (Number.isNaN(time)) throw invalidParameter(`Invalid date ${value}`);
  return time;
}

function listAlerts(req: OperationRequest) {
  const level = typeof req.query.LogLevel === 'string' ? req.query.LogLevel.toLowerCase() : undefined;
  const start = boundOf(req.query.StartDate, false);
  const end = boundOf(req.query.EndDate, true);
  const items = req.account.alerts
    .all()
    .filter((a) => !level || a.log_level === level)
    .filter((a) => {
      const at = Date.parse(String(a.date_generated));
      return (start === undefined || at >= start) && (end === undefined || at <= end);
    })
    // Newest first, as the Debugger lists them (the later-written first among equal dates).
    .reverse()
    .sort((a, b) => Date.parse(String(b.date_generated)) - Date.parse(String(a.date_generated)))
    .map(listed);
  return pageV1(items, 'alerts', req);
}

export const monitorHandlers: OperationHandlers = {
  ListAlert: (req) => ok(listAlerts(req)),
  FetchAlert: (req) => ok(req.account.alerts.get(req.params.Sid)),
};
