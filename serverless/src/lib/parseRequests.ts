import {
  checkCreateAddress,
  checkUpdateAddress,
  SID_PATTERNS,
  type RuleResult,
} from '../../../src/contract/addressRules';
import {
  listOf,
  summariseFieldProblems,
  type ContractProblem,
  type FieldProblems,
} from '../../../src/contract/messages';
import {
  ADDRESS_TYPES,
  HISTORY_KINDS,
  isAddressType,
  type HistoryKind,
  type ListHistoryRequest,
  type RevertChangeRequest,
  type AddressInput,
  type DeleteAddressRequest,
  type FlexFlowRequest,
  type MigrateFlexFlowRequest,
  type ListAddressesRequest,
  type ListRequest,
  type SetDefaultServiceRequest,
  type UpdateAddressRequest,
  type UpdateNumberInboundRequest,
  type TraceCustomerRequest,
  type CloseConversationRequest,
  SET_ASIDE_CHANNELS,
  SET_ASIDE_REASON_MAX,
  type SetAsideChannel,
  type SetNumberAsideRequest,
} from '../../../src/contract/types';
import { CONTRACT_CHANNELS } from '../../../src/contract/channels';
import {
  ACCOUNT_ALERT_CODES,
  ALERT_DAYS_DEFAULT,
  ALERT_DAYS_MAX,
  type AccountAlertCode,
  type ListAlertsRequest,
} from '../../../src/contract/alerts';
import { SMS_URL_RULE, urlProblem, WEBHOOK_URL_MAX } from '../../../src/contract/webhookUrlRule';
import type { BackendConfig } from '../config';
import { BackendError } from '../http/backendError';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 400 `invalid_input` naming each field that is wrong, and one sentence of them all. */
const invalidFields = (fields: FieldProblems) =>
  new BackendError(400, 'invalid_input', summariseFieldProblems(fields), fields);

/** 400 `invalid_input` for fields whose problems each name their field themselves: side by side, without the names. */
const invalidSelfNamedFields = (fields: FieldProblems) =>
  new BackendError(
    400,
    'invalid_input',
    { key: 'MessagingSetupRuleFieldsSummary', values: { problems: listOf(Object.values(fields), ' ') } },
    fields,
  );

/** 400 `invalid_input` for one field: `problem` says it to an API caller, `field` to a form. */
const invalidField = (name: string, problem: ContractProblem, field: ContractProblem) =>
  new BackendError(400, 'invalid_input', problem, { [name]: field });

const cursorNotString = () => new BackendError(400, 'invalid_cursor', { key: 'MessagingSetupRefusalCursorNotString' });

function accept<T>(result: RuleResult<T>): T {
  if (result.ok) return result.value;
  throw invalidFields(result.fields);
}

function onlyKeys(payload: unknown, allowed: string[]): Record<string, unknown> {
  if (!isRecord(payload)) {
    throw new BackendError(400, 'invalid_input', { key: 'MessagingSetupRefusalRequestNotObject' });
  }
  const extra = Object.keys(payload).filter((key) => !allowed.includes(key));
  if (extra.length > 0) {
    throw new BackendError(400, 'invalid_input', {
      key: 'MessagingSetupRuleUnknownField',
      values: { fields: extra.join(', ') },
    });
  }
  return payload;
}

export function parseNothing(payload: unknown): Record<string, never> {
  onlyKeys(payload, []);
  return {};
}

export function parseListRequest(payload: unknown): ListRequest {
  const { cursor } = onlyKeys(payload, ['cursor']);
  if (cursor !== undefined && typeof cursor !== 'string') throw cursorNotString();
  return cursor === undefined ? {} : { cursor };
}

export function parseListAddressesRequest(payload: unknown): ListAddressesRequest {
  const { cursor, type, group } = onlyKeys(payload, ['cursor', 'type', 'group']);
  if (cursor !== undefined && typeof cursor !== 'string') throw cursorNotString();
  if (type !== undefined && !isAddressType(type)) {
    throw invalidField(
      'type',
      { key: 'MessagingSetupRefusalTypeOneOf', values: { types: ADDRESS_TYPES.join(', ') } },
      { key: 'MessagingSetupRuleChooseType' },
    );
  }
  if (group !== undefined && group !== 'non-phone') {
    throw invalidField('group', { key: 'MessagingSetupRefusalGroup' }, { key: 'MessagingSetupRefusalUnknownGroup' });
  }
  if (group !== undefined && (type !== undefined || cursor !== undefined)) {
    throw new BackendError(400, 'invalid_input', { key: 'MessagingSetupRefusalGroupAlone' });
  }
  return {
    ...(cursor === undefined ? {} : { cursor }),
    ...(type === undefined ? {} : { type }),
    ...(group === undefined ? {} : { group: 'non-phone' as const }),
  };
}

/**
 * A malformed MESSAGING_SETUP_WEBHOOK_HOSTS refuses every request that sets a URL (a 500 naming
 * the setting), rather than letting any host through; everything else still works.
 */
function assertWebhookHostsReadable(config: BackendConfig): void {
  if (config.webhookHostsProblem) throw new BackendError(500, 'not_configured', config.webhookHostsProblem);
}

const setsWebhook = (payload: unknown): boolean =>
  isRecord(payload) && isRecord(payload.integration) && payload.integration.type === 'webhook';

export function parseCreateAddress(payload: unknown, config: BackendConfig): AddressInput {
  if (setsWebhook(payload)) assertWebhookHostsReadable(config);
  // `bulk` only marks the history entry; the address rules check the rest.
  const { bulk, ...address } = isRecord(payload) ? payload : { bulk: undefined };
  if (bulk !== undefined && typeof bulk !== 'boolean') {
    throw invalidField('bulk', { key: 'MessagingSetupRefusalBulk' }, { key: 'MessagingSetupRefusalTrueOrFalse' });
  }
  const input = accept(checkCreateAddress(isRecord(payload) ? address : payload, config.urlPolicy));
  return bulk ? { ...input, bulk } : input;
}

export function parseUpdateAddress(payload: unknown, config: BackendConfig): UpdateAddressRequest {
  if (setsWebhook(payload)) assertWebhookHostsReadable(config);
  return accept(checkUpdateAddress(payload, config.urlPolicy));
}

export function parseDeleteAddress(payload: unknown): DeleteAddressRequest {
  const { sid } = onlyKeys(payload, ['sid']);
  if (typeof sid !== 'string' || !SID_PATTERNS.address.test(sid)) {
    throw invalidField('sid', { key: 'MessagingSetupRefusalSidAddress' }, { key: 'MessagingSetupRuleNotAddressSid' });
  }
  return { sid };
}

/** A request that is one SID and nothing else: `{[key]: "<SID>"}`. */
function oneSid(payload: unknown, key: string, pattern: RegExp, whatItIsNot: ContractProblem): string {
  const value = onlyKeys(payload, [key])[key];
  if (typeof value !== 'string' || !pattern.test(value)) throw invalidFields({ [key]: whatItIsNot });
  return value;
}

export const parseFlexFlowRequest = (payload: unknown): FlexFlowRequest => ({
  sid: oneSid(payload, 'sid', SID_PATTERNS.flexFlow, { key: 'MessagingSetupRefusalNotFlexFlowSid' }),
});

export function parseMigrateFlexFlowRequest(payload: unknown): MigrateFlexFlowRequest {
  const { sid, updateExistingAddressSid } = onlyKeys(payload, ['sid', 'updateExistingAddressSid']);
  const fields: FieldProblems = {};
  if (typeof sid !== 'string' || !SID_PATTERNS.flexFlow.test(sid)) {
    fields.sid = { key: 'MessagingSetupRefusalNotFlexFlowSid' };
  }
  if (
    updateExistingAddressSid !== undefined &&
    (typeof updateExistingAddressSid !== 'string' || !SID_PATTERNS.address.test(updateExistingAddressSid))
  ) {
    fields.updateExistingAddressSid = { key: 'MessagingSetupRuleNotAddressSid' };
  }
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
  return {
    sid: sid as string,
    ...(updateExistingAddressSid !== undefined ? { updateExistingAddressSid: updateExistingAddressSid as string } : {}),
  };
}

export function parseUpdateNumberInbound(payload: unknown, config: BackendConfig): UpdateNumberInboundRequest {
  const { sid, smsUrl, smsApplicationSid } = onlyKeys(payload, ['sid', 'smsUrl', 'smsApplicationSid']);
  const fields: FieldProblems = {};
  if (typeof sid !== 'string' || !SID_PATTERNS.phoneNumber.test(sid)) {
    fields.sid = { key: 'MessagingSetupRefusalNotNumberSid' };
  }
  // "" clears; a value is only ever the one the view read before (undo), and it meets the same
  // rule as a webhook URL (http allowed): Twilio calls it from the internet.
  if (smsUrl !== undefined && typeof smsUrl !== 'string') {
    fields.smsUrl = { key: 'MessagingSetupRefusalSmsUrl' };
  } else if (typeof smsUrl === 'string' && smsUrl !== '') {
    assertWebhookHostsReadable(config);
    const problem = urlProblem(smsUrl, SMS_URL_RULE, config.urlPolicy);
    if (problem) fields.smsUrl = problem;
  }
  if (
    smsApplicationSid !== undefined &&
    (typeof smsApplicationSid !== 'string' ||
      (smsApplicationSid !== '' && !SID_PATTERNS.smsApplication.test(smsApplicationSid)))
  ) {
    fields.smsApplicationSid = { key: 'MessagingSetupRefusalSmsApplication' };
  }
  if (smsUrl === undefined && smsApplicationSid === undefined) {
    fields.request = { key: 'MessagingSetupRefusalSmsNothing' };
  }
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
  return {
    sid: sid as string,
    ...(smsUrl !== undefined ? { smsUrl: smsUrl as string } : {}),
    ...(smsApplicationSid !== undefined ? { smsApplicationSid: smsApplicationSid as string } : {}),
  };
}

export const parseSetDefaultService = (payload: unknown): SetDefaultServiceRequest => ({
  serviceSid: oneSid(payload, 'serviceSid', SID_PATTERNS.conversationService, {
    key: 'MessagingSetupRefusalNotServiceSid',
  }),
});

const MAX_FILTER_CHARS = 256;

/** An ISO 8601 instant with its offset (`2026-12-06T00:00:00+01:00`, `…Z`): list-history's `from` and `to`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));

/** list-history's request: each filter optional, each checked (400 naming the field). */
export function parseListHistory(payload: unknown): ListHistoryRequest {
  const { cursor, address, identity, kind, search, from, to } = onlyKeys(payload, [
    'cursor',
    'address',
    'identity',
    'kind',
    'search',
    'from',
    'to',
  ]);
  if (cursor !== undefined && typeof cursor !== 'string') throw cursorNotString();
  const fields: FieldProblems = {};
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '' && value.length <= MAX_FILTER_CHARS;
  if (address !== undefined && !text(address)) {
    fields.address = { key: 'MessagingSetupRefusalHistoryAddress', values: { max: MAX_FILTER_CHARS } };
  }
  if (identity !== undefined && !text(identity)) {
    fields.identity = { key: 'MessagingSetupRefusalHistoryIdentity', values: { max: MAX_FILTER_CHARS } };
  }
  if (kind !== undefined && !HISTORY_KINDS.includes(kind as HistoryKind)) {
    fields.kind = { key: 'MessagingSetupRefusalHistoryKind', values: { kinds: HISTORY_KINDS.join(', ') } };
  }
  if (search !== undefined && !text(search)) {
    fields.search = { key: 'MessagingSetupRefusalHistorySearch', values: { max: MAX_FILTER_CHARS } };
  }
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && !isInstant(value)) {
      fields[name] = { key: 'MessagingSetupRefusalHistoryInstant', values: { field: name } };
    }
  }
  // A range that holds no instant is a mistake to say, not an empty list to answer.
  if (isInstant(from) && isInstant(to) && Date.parse(from) >= Date.parse(to)) {
    fields.to = { key: 'MessagingSetupRefusalHistoryRange', values: { from, to } };
  }
  // Each problem names its filter itself.
  if (Object.keys(fields).length > 0) throw invalidSelfNamedFields(fields);
  return {
    ...(cursor !== undefined ? { cursor: cursor as string } : {}),
    ...(address !== undefined ? { address: (address as string).trim() } : {}),
    ...(identity !== undefined ? { identity: (identity as string).trim() } : {}),
    ...(kind !== undefined ? { kind: kind as HistoryKind } : {}),
    ...(search !== undefined ? { search: (search as string).trim() } : {}),
    ...(from !== undefined ? { from: from as string } : {}),
    ...(to !== undefined ? { to: to as string } : {}),
  };
}

/** revert-change's request: the id of a history entry (a Sync List item's index). */
export function parseRevertChange(payload: unknown): RevertChangeRequest {
  const { id } = onlyKeys(payload, ['id']);
  if (typeof id !== 'string' || !/^\d{1,10}$/.test(id)) {
    throw invalidField('id', { key: 'MessagingSetupRefusalHistoryId' }, { key: 'MessagingSetupRefusalNotHistoryId' });
  }
  return { id };
}

/** Longest customer or our-address text a trace takes (an email address is at most 254). */
const MAX_TRACE_CHARS = 256;
/** No control characters, quotes or backslashes: the customer goes into a TaskRouter expression's string and a filter. */
const traceText = (value: string): boolean =>
  [...value].every((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f && c !== '"' && c !== '\\');

/** trace-customer's request: the customer's address or identity, and optionally one of our addresses. */
export function parseTraceCustomer(payload: unknown): TraceCustomerRequest {
  const { customer, ourAddress } = onlyKeys(payload, ['customer', 'ourAddress']);
  const fields: FieldProblems = {};
  const text = (value: unknown): value is string =>
    typeof value === 'string' &&
    value.trim() !== '' &&
    value.trim().length <= MAX_TRACE_CHARS &&
    traceText(value.trim());
  if (!text(customer))
    fields.customer = { key: 'MessagingSetupRefusalTraceCustomer', values: { max: MAX_TRACE_CHARS } };
  if (ourAddress !== undefined && !text(ourAddress)) {
    fields.ourAddress = { key: 'MessagingSetupRefusalTraceOurAddress', values: { max: MAX_TRACE_CHARS } };
  }
  if (Object.keys(fields).length > 0) throw invalidSelfNamedFields(fields);
  return {
    customer: (customer as string).trim(),
    ...(ourAddress !== undefined ? { ourAddress: (ourAddress as string).trim() } : {}),
  };
}

/** An address as Twilio writes it: 4 to 256 characters (an email address is at most 254). */
const ALERT_ADDRESS_MIN = 4;
const ALERT_ADDRESS_MAX = 256;
/** No white space, control characters, quotes or backslashes: the address is a whole token of an alert's text. */
const isTokenText = (value: string) =>
  [...value].every((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f && !/[\s"'\\]/.test(c));

function isWebUrl(value: string): boolean {
  if (value.length > WEBHOOK_URL_MAX || !isTokenText(value)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const isAccountAlertCode = (value: unknown): value is AccountAlertCode =>
  typeof value === 'number' && (ACCOUNT_ALERT_CODES as readonly number[]).includes(value);

/**
 * list-alerts' request: which row (at least one of its address, address SID, phone number SID,
 * webhook URL and Studio flow SID) or, instead, the account's alerts of one code (`errorCode`,
 * one of ACCOUNT_ALERT_CODES), and how many days back (1 to 30, default 7).
 */
export function parseListAlerts(payload: unknown): ListAlertsRequest {
  const { address, addressSid, phoneNumberSid, webhookUrl, studioFlowSid, errorCode, days } = onlyKeys(payload, [
    'address',
    'addressSid',
    'phoneNumberSid',
    'webhookUrl',
    'studioFlowSid',
    'errorCode',
    'days',
  ]);
  const fields: FieldProblems = {};
  const request: ListAlertsRequest = {};
  if (address !== undefined) {
    if (
      typeof address === 'string' &&
      address.length >= ALERT_ADDRESS_MIN &&
      address.length <= ALERT_ADDRESS_MAX &&
      isTokenText(address)
    ) {
      request.address = address;
    } else {
      fields.address = {
        key: 'MessagingSetupRefusalAlertsAddress',
        values: { min: ALERT_ADDRESS_MIN, max: ALERT_ADDRESS_MAX },
      };
    }
  }
  const sids = [
    ['addressSid', addressSid, SID_PATTERNS.address, 'IG'],
    ['phoneNumberSid', phoneNumberSid, SID_PATTERNS.phoneNumber, 'PN'],
    ['studioFlowSid', studioFlowSid, SID_PATTERNS.studioFlow, 'FW'],
  ] as const;
  for (const [name, value, pattern, prefix] of sids) {
    if (value === undefined) continue;
    if (typeof value === 'string' && pattern.test(value)) request[name] = value;
    else fields[name] = { key: 'MessagingSetupRefusalAlertsSid', values: { prefix } };
  }
  if (webhookUrl !== undefined) {
    if (typeof webhookUrl === 'string' && isWebUrl(webhookUrl)) request.webhookUrl = webhookUrl;
    else fields.webhookUrl = { key: 'MessagingSetupRefusalAlertsWebhookUrl', values: { max: WEBHOOK_URL_MAX } };
  }
  if (
    days !== undefined &&
    !(typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= ALERT_DAYS_MAX)
  ) {
    fields.days = { key: 'MessagingSetupRefusalAlertsDays', values: { max: ALERT_DAYS_MAX } };
  }
  const named = [address, addressSid, phoneNumberSid, webhookUrl, studioFlowSid].some((v) => v !== undefined);
  if (errorCode !== undefined) {
    if (!isAccountAlertCode(errorCode)) {
      fields.errorCode = {
        key: 'MessagingSetupRefusalAlertsErrorCode',
        values: { codes: ACCOUNT_ALERT_CODES.join(', ') },
      };
    } else if (named) {
      // The account's alerts of a code are no row's (alertsFor.ts): a row and a code ask two things.
      fields.errorCode = { key: 'MessagingSetupRefusalAlertsErrorCodeWithRow' };
    } else {
      request.errorCode = errorCode;
    }
  }
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
  if (!named && request.errorCode === undefined) {
    throw new BackendError(400, 'invalid_input', { key: 'MessagingSetupRefusalAlertsWhichRow' });
  }
  return { ...request, days: typeof days === 'number' ? days : ALERT_DAYS_DEFAULT };
}

/** close-conversation's request: the conversation's SID and its service's. */
export function parseCloseConversation(payload: unknown): CloseConversationRequest {
  const { sid, serviceSid } = onlyKeys(payload, ['sid', 'serviceSid']);
  if (typeof sid !== 'string' || !SID_PATTERNS.conversation.test(sid)) {
    throw invalidField(
      'sid',
      { key: 'MessagingSetupRefusalConversationSid' },
      { key: 'MessagingSetupRefusalNotConversationSid' },
    );
  }
  if (typeof serviceSid !== 'string' || !SID_PATTERNS.conversationService.test(serviceSid)) {
    throw invalidField(
      'serviceSid',
      { key: 'MessagingSetupRefusalConversationServiceSid' },
      { key: 'MessagingSetupRefusalNotConversationServiceSid' },
    );
  }
  return { sid, serviceSid };
}

/** A reason is one line of text: no control characters (a line break included). */
const isOneLine = (value: string): boolean =>
  [...value].every((c) => c.charCodeAt(0) > 0x1f && !(c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f));

/**
 * set-number-aside's request: the channel (sms or whatsapp), its address by the channel's rule
 * (+E.164, whatsapp:+E.164; spaces around it forgiven, as the dialog forgives them), whether it is
 * set aside, and with `aside: true` only, an optional reason (trimmed, one line, at most
 * SET_ASIDE_REASON_MAX characters; empty is none).
 */
export function parseSetNumberAside(payload: unknown): SetNumberAsideRequest {
  const { channel, address, aside, reason } = onlyKeys(payload, ['channel', 'address', 'aside', 'reason']);
  const fields: FieldProblems = {};
  const knownChannel = SET_ASIDE_CHANNELS.find((c) => c === channel);
  if (!knownChannel) fields.channel = { key: 'MessagingSetupRefusalSetAsideChannel' };
  const trimmedAddress = typeof address === 'string' ? address.trim() : undefined;
  if (knownChannel) {
    const rule = CONTRACT_CHANNELS[knownChannel];
    if (trimmedAddress === undefined || !rule.isValidAddress(trimmedAddress)) {
      fields.address = { key: rule.addressRule, values: { example: rule.example } };
    }
  }
  if (typeof aside !== 'boolean') fields.aside = { key: 'MessagingSetupRefusalTrueOrFalse' };
  const trimmedReason = typeof reason === 'string' ? reason.trim() : undefined;
  if (reason !== undefined) {
    if (aside === false) {
      fields.reason = { key: 'MessagingSetupRefusalSetAsideReasonOnlyAside' };
    } else if (
      trimmedReason === undefined ||
      trimmedReason.length > SET_ASIDE_REASON_MAX ||
      !isOneLine(trimmedReason)
    ) {
      fields.reason = { key: 'MessagingSetupRefusalSetAsideReason', values: { max: SET_ASIDE_REASON_MAX } };
    }
  }
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
  return {
    channel: knownChannel as SetAsideChannel,
    address: trimmedAddress as string,
    aside: aside as boolean,
    ...(trimmedReason ? { reason: trimmedReason } : {}),
  };
}
