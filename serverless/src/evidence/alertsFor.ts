import {
  ACCOUNT_ALERT_CODES,
  ALERT_DAYS_DEFAULT,
  ALERT_LEVELS,
  ALERTS_SCAN_MAX,
  type AlertGroup,
  type AlertLevel,
  type ListAlertsRequest,
  type ListAlertsResponse,
} from '../../../src/contract/alerts';
import type { TwilioClient } from '../twilio/clientFactory';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Monitor's largest page. */
const PAGE_SIZE_MAX = 1000;
/** The Console's Debugger, where an alert (`NO…`) opens with its request and response. */
export const CONSOLE_ALERTS_URL = 'https://console.twilio.com/us1/monitor/logs/debugger/errors';

/**
 * Twilio's own short description of the error codes a message to Flex can log, as its error
 * dictionary words them (https://www.twilio.com/docs/api/errors/<code>; the sources are listed in
 * docs/EVIDENCE.md). A code not here is still shown, with its link and no description.
 */
export const ALERT_DESCRIPTIONS: Readonly<Record<number, string>> = {
  11200: 'HTTP retrieval failure',
  11205: 'HTTP connection failure',
  11217: 'HTTP error response code',
  45760: 'Unable to validate address configuration. Auto create data missing.',
  45761: 'Failed to validate address configuration. Auto create not enabled.',
  45762: 'Failed to validate address configuration. Auto create type is empty or invalid.',
  45763: 'Unable to validate address configuration. Auto create studio flow SID missing.',
  45764: 'Unable to validate address configuration. Auto create webhook URL missing.',
  45765: 'Address configuration data not found',
  45777: 'Address Configuration not found for deployment key.',
  50610: 'Address configuration deleted',
  81017: 'Error in Twilio Function Response',
};

/** The fields of a Monitor alert the matching reads (twilio-node's AlertInstance has them all). */
export interface AlertFacts {
  sid: string;
  errorCode: string;
  alertText: string | null;
  logLevel: string;
  moreInfo: string | null;
  requestUrl: string | null;
  resourceSid: string | null;
  dateGenerated: Date | null;
}

/** The row's own SID of each kind an alert's resource can be. */
const SID_KINDS: Readonly<Record<string, 'addressSid' | 'phoneNumberSid' | 'studioFlowSid' | undefined>> = {
  IG: 'addressSid',
  PN: 'phoneNumberSid',
  FW: 'studioFlowSid',
};

const isWordChar = (c: string | undefined) => c !== undefined && /[0-9A-Za-z_]/.test(c);

/**
 * Whether `token` stands whole in `text`: not inside a longer word, number or address. +1415200001
 * is not in "+14152000010"; a plain +E164 is not in "whatsapp:+E164" (another address, of the
 * same number); a URL is not in a longer path ("…/inbound" is not in "…/inbound2" or "…/inbound/x").
 */
export function hasWholeToken(text: string, token: string): boolean {
  if (token === '') return false;
  const isUrl = /^https?:\/\//i.test(token);
  const hasScheme = token.includes(':');
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = text.slice(0, at);
    const after = text[at + token.length];
    if (isWordChar(before[before.length - 1])) continue;
    // `whatsapp:` or `messenger:` right before a bare address makes it another address.
    if (!hasScheme && /[A-Za-z][A-Za-z0-9-]*:$/.test(before)) continue;
    if (isWordChar(after)) continue;
    if (isUrl ? after !== undefined && /[-./~%+]/.test(after) : after === '+' || after === '@') continue;
    return true;
  }
  return false;
}

/** The row's tokens: its address, webhook URL and Studio flow SID. */
const tokensOf = (request: ListAlertsRequest): string[] =>
  [request.address, request.webhookUrl, request.studioFlowSid].filter(
    (t): t is string => typeof t === 'string' && t !== '',
  );

/** A text as written and, when it is form-encoded (Twilio's alert texts often are), decoded. */
function readings(text: string | null): string[] {
  if (!text) return [];
  try {
    const decoded = decodeURIComponent(text.replace(/\+/g, ' '));
    return decoded === text ? [text] : [text, decoded];
  } catch {
    return [text];
  }
}

const isAccountCode = (code: number) => (ACCOUNT_ALERT_CODES as readonly number[]).includes(code);

/** Whether the alert concerns the row (see ListAlertsRequest). */
export function concernsRow(alert: AlertFacts, request: ListAlertsRequest): boolean {
  // About the account (a Webchat deployment key), never one row's, whatever its text names.
  if (isAccountCode(Number(alert.errorCode))) return false;
  const ours = new Set(
    [request.addressSid, request.phoneNumberSid, request.studioFlowSid].filter((s): s is string => !!s),
  );
  const resource = alert.resourceSid ?? '';
  if (ours.has(resource)) return true;
  // About another address, number or flow than the row's own of that kind: never this row's,
  // whatever its text names (the text of an alert about address B may name A's number).
  const kind = SID_KINDS[resource.slice(0, 2)];
  if (kind && request[kind] !== undefined) return false;
  const tokens = tokensOf(request);
  const places = [...readings(alert.alertText), ...readings(alert.requestUrl)];
  return tokens.some((token) => places.some((place) => hasWholeToken(place, token)));
}

const levelOf = (value: string): AlertLevel => {
  const level = value.toLowerCase();
  return (ALERT_LEVELS as readonly string[]).includes(level) ? (level as AlertLevel) : 'error';
};
const moreSevere = (a: AlertLevel, b: AlertLevel) => (ALERT_LEVELS.indexOf(a) <= ALERT_LEVELS.indexOf(b) ? a : b);
const iso = (date: Date | null) => (date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null);

/** The row's alerts by error code, newest group first; within a group the newest alert gives the links. */
export function groupAlerts(alerts: readonly AlertFacts[]): AlertGroup[] {
  const groups = new Map<number, { group: AlertGroup; newest: number }>();
  for (const alert of alerts) {
    const code = Number(alert.errorCode);
    if (!Number.isInteger(code)) continue;
    const at = alert.dateGenerated?.getTime() ?? Number.NEGATIVE_INFINITY;
    const level = levelOf(alert.logLevel);
    const known = groups.get(code);
    if (!known) {
      groups.set(code, {
        newest: at,
        group: {
          code,
          count: 1,
          lastAt: iso(alert.dateGenerated),
          description: ALERT_DESCRIPTIONS[code] ?? null,
          moreInfo: alert.moreInfo || null,
          consoleUrl: `${CONSOLE_ALERTS_URL}/${alert.sid}`,
          level,
        },
      });
      continue;
    }
    known.group.count += 1;
    known.group.level = moreSevere(known.group.level, level);
    if (at > known.newest) {
      known.newest = at;
      known.group.lastAt = iso(alert.dateGenerated);
      known.group.moreInfo = alert.moreInfo || known.group.moreInfo;
      known.group.consoleUrl = `${CONSOLE_ALERTS_URL}/${alert.sid}`;
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.newest - a.newest || a.group.code - b.group.code)
    .map(({ group }) => group);
}

/** Whether the alert is one the request asks for: the account's of its `errorCode`, or else the row's. */
const isAskedFor = (alert: AlertFacts, request: ListAlertsRequest) =>
  request.errorCode !== undefined ? Number(alert.errorCode) === request.errorCode : concernsRow(alert, request);

/**
 * The Debugger alerts of the last `days` that concern one row, or the account's of one code
 * (contract: ListAlertsResponse). Monitor filters only by date and level, so the window's alerts
 * are read (at most ALERTS_SCAN_MAX, newest first) and matched here.
 */
export async function alertsFor(
  client: TwilioClient,
  request: ListAlertsRequest,
  now: number = Date.now(),
): Promise<ListAlertsResponse> {
  const days = request.days ?? ALERT_DAYS_DEFAULT;
  const startDate = new Date(now - days * DAY_MS);
  const read = await client.monitor.v1.alerts.list({
    startDate,
    pageSize: Math.min(ALERTS_SCAN_MAX + 1, PAGE_SIZE_MAX),
    limit: ALERTS_SCAN_MAX + 1,
  });
  const scanned = read.slice(0, ALERTS_SCAN_MAX);
  const facts = scanned.map((a): AlertFacts => ({
    sid: a.sid,
    errorCode: a.errorCode,
    alertText: a.alertText ?? null,
    logLevel: a.logLevel ?? 'error',
    moreInfo: a.moreInfo ?? null,
    requestUrl: a.requestUrl ?? null,
    resourceSid: a.resourceSid ?? null,
    dateGenerated: a.dateGenerated ?? null,
  }));
  // Monitor's StartDate may be a day's granularity: the window is kept exactly here.
  const inWindow = facts.filter((a) => !a.dateGenerated || a.dateGenerated.getTime() >= startDate.getTime());
  return {
    groups: groupAlerts(inWindow.filter((a) => isAskedFor(a, request))),
    scanned: scanned.length,
    truncated: read.length > ALERTS_SCAN_MAX,
    days,
  };
}
