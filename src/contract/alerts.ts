/**
 * Alerts as evidence (issue #26): the Debugger alerts Twilio logged in the last days that concern
 * one row of the view (a number, a sender, an address). Monitor's Alerts list filters only by date
 * and log level, so the backend reads the window's alerts and keeps those about the row: by the
 * alert's resource SID, or by the row's address, webhook URL or Studio flow SID standing as a whole
 * token in the alert's text or request URL. Everything here is observed (Twilio logged it), unlike
 * a diagnosis's findings, which are inferred from configuration. See docs/EVIDENCE.md.
 */

/** The window when none is asked for, and the longest Monitor keeps alerts (30 days). */
export const ALERT_DAYS_DEFAULT = 7;
export const ALERT_DAYS_MAX = 30;
/** At most this many alerts of the window are read per request; `truncated` says when there were more. */
export const ALERTS_SCAN_MAX = 1000;

/**
 * The codes Twilio logs about the account rather than about a row, which list-alerts answers by
 * code (`errorCode`): 45777, "Address Configuration not found for deployment key." — a Webchat 3
 * deployment key that points at no chat address (https://twilio.com/docs/api/errors/45777). Such
 * an alert names no address, number or flow, so it is never one row's.
 */
export const ACCOUNT_ALERT_CODES = [45777] as const;
export type AccountAlertCode = (typeof ACCOUNT_ALERT_CODES)[number];
/** A Webchat 3 deployment key connected to no address (see ACCOUNT_ALERT_CODES). */
export const WEBCHAT_KEY_WITHOUT_ADDRESS: AccountAlertCode = 45777;

/**
 * Which row: at least one of the row's fields. Or, instead of a row, `errorCode`: the account's
 * alerts of that code (one of ACCOUNT_ALERT_CODES), answered in the same shape.
 */
export interface ListAlertsRequest {
  /** The row's address as Twilio writes it: `+E164`, `whatsapp:+E164`, `messenger:<id>`, … */
  address?: string;
  /** The row's Address Configuration (`IG…`). */
  addressSid?: string;
  /** The row's phone number (`PN…`). */
  phoneNumberSid?: string;
  /** The address's auto-creation webhook URL. */
  webhookUrl?: string;
  /** The address's Studio flow (`FW…`). */
  studioFlowSid?: string;
  /** The account's alerts of this code, instead of a row's (never with a row's fields). */
  errorCode?: AccountAlertCode;
  /** How many days back, 1 to ALERT_DAYS_MAX; ALERT_DAYS_DEFAULT when absent. */
  days?: number;
}

/** Monitor's log levels, most severe first. */
export type AlertLevel = 'error' | 'warning' | 'notice' | 'debug';
export const ALERT_LEVELS: readonly AlertLevel[] = ['error', 'warning', 'notice', 'debug'];

/** The row's (or, asked by `errorCode`, the account's) alerts of one error code. */
export interface AlertGroup {
  /** Twilio's error code (Monitor sends it as a string; a number here). */
  code: number;
  count: number;
  /** ISO date of the newest alert of the group. */
  lastAt: string | null;
  /** Twilio's own short description of the code (its error dictionary), when the backend knows it. */
  description: string | null;
  /** The newest alert's `more_info`: the code's page in Twilio's error dictionary. */
  moreInfo: string | null;
  /** The newest alert in the Console's Debugger. */
  consoleUrl: string;
  /** The most severe level among the group's alerts. */
  level: AlertLevel;
}

export interface ListAlertsResponse {
  /** Newest group first (by `lastAt`). */
  groups: AlertGroup[];
  /** How many alerts of the window were read (of every row and code, not only those asked for). */
  scanned: number;
  /** The window held more than ALERTS_SCAN_MAX alerts: older ones were not read. */
  truncated: boolean;
  /** The window read, in days. */
  days: number;
}
