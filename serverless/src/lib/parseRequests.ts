import {
  checkCreateAddress,
  checkUpdateAddress,
  SID_PATTERNS,
  summariseFieldErrors,
  type RuleResult,
} from '../../../src/contract/addressRules';
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
} from '../../../src/contract/types';
import { SMS_URL_RULE, urlProblem } from '../../../src/contract/webhookUrlRule';
import type { BackendConfig } from '../config';
import { BackendError } from '../http/backendError';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function accept<T>(result: RuleResult<T>): T {
  if (result.ok) return result.value;
  throw new BackendError(400, 'invalid_input', summariseFieldErrors(result.fields), result.fields);
}

function onlyKeys(payload: unknown, allowed: string[]): Record<string, unknown> {
  if (!isRecord(payload)) throw new BackendError(400, 'invalid_input', 'The request must be a JSON object.');
  const extra = Object.keys(payload).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw new BackendError(400, 'invalid_input', `Unknown field: ${extra.join(', ')}.`);
  return payload;
}

export function parseNothing(payload: unknown): Record<string, never> {
  onlyKeys(payload, []);
  return {};
}

export function parseListRequest(payload: unknown): ListRequest {
  const { cursor } = onlyKeys(payload, ['cursor']);
  if (cursor !== undefined && typeof cursor !== 'string')
    throw new BackendError(400, 'invalid_cursor', 'cursor must be a string.');
  return cursor === undefined ? {} : { cursor };
}

export function parseListAddressesRequest(payload: unknown): ListAddressesRequest {
  const { cursor, type, group } = onlyKeys(payload, ['cursor', 'type', 'group']);
  if (cursor !== undefined && typeof cursor !== 'string')
    throw new BackendError(400, 'invalid_cursor', 'cursor must be a string.');
  if (type !== undefined && !isAddressType(type)) {
    throw new BackendError(400, 'invalid_input', `type must be one of ${ADDRESS_TYPES.join(', ')}.`, {
      type: 'Choose SMS, WhatsApp, Chat, Facebook Messenger or Email.',
    });
  }
  if (group !== undefined && group !== 'non-phone') {
    throw new BackendError(400, 'invalid_input', 'group must be non-phone.', { group: 'Unknown group.' });
  }
  if (group !== undefined && (type !== undefined || cursor !== undefined)) {
    throw new BackendError(
      400,
      'invalid_input',
      'group lists everything in one answer: send it without type or cursor.',
    );
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
    throw new BackendError(400, 'invalid_input', 'bulk must be true or false.', { bulk: 'Must be true or false.' });
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
    throw new BackendError(400, 'invalid_input', 'sid must be an address SID (IG…).', {
      sid: 'Not an address SID (IG…).',
    });
  }
  return { sid };
}

/** A request that is one SID and nothing else: `{[key]: "<SID>"}`. */
function oneSid(payload: unknown, key: string, pattern: RegExp, whatItIsNot: string): string {
  const value = onlyKeys(payload, [key])[key];
  if (typeof value !== 'string' || !pattern.test(value)) {
    const fields = { [key]: whatItIsNot };
    throw new BackendError(400, 'invalid_input', summariseFieldErrors(fields), fields);
  }
  return value;
}

export const parseFlexFlowRequest = (payload: unknown): FlexFlowRequest => ({
  sid: oneSid(payload, 'sid', SID_PATTERNS.flexFlow, 'Not a Flex Flow SID (FO…).'),
});

export function parseMigrateFlexFlowRequest(payload: unknown): MigrateFlexFlowRequest {
  const { sid, updateExistingAddressSid } = onlyKeys(payload, ['sid', 'updateExistingAddressSid']);
  const fields: Record<string, string> = {};
  if (typeof sid !== 'string' || !SID_PATTERNS.flexFlow.test(sid)) fields.sid = 'Not a Flex Flow SID (FO…).';
  if (
    updateExistingAddressSid !== undefined &&
    (typeof updateExistingAddressSid !== 'string' || !SID_PATTERNS.address.test(updateExistingAddressSid))
  ) {
    fields.updateExistingAddressSid = 'Not an address SID (IG…).';
  }
  if (Object.keys(fields).length > 0)
    throw new BackendError(400, 'invalid_input', summariseFieldErrors(fields), fields);
  return {
    sid: sid as string,
    ...(updateExistingAddressSid !== undefined ? { updateExistingAddressSid: updateExistingAddressSid as string } : {}),
  };
}

export function parseUpdateNumberInbound(payload: unknown, config: BackendConfig): UpdateNumberInboundRequest {
  const { sid, smsUrl, smsApplicationSid } = onlyKeys(payload, ['sid', 'smsUrl', 'smsApplicationSid']);
  const fields: Record<string, string> = {};
  if (typeof sid !== 'string' || !SID_PATTERNS.phoneNumber.test(sid)) fields.sid = 'Not a phone number SID (PN…).';
  // "" clears; a value is only ever the one the view read before (undo), and it meets the same
  // rule as a webhook URL (http allowed): Twilio calls it from the internet.
  if (smsUrl !== undefined && typeof smsUrl !== 'string') {
    fields.smsUrl = 'Give "" to clear it, or an absolute http(s) URL.';
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
    fields.smsApplicationSid = 'Give "" to clear it, or a TwiML app SID (AP…).';
  }
  if (smsUrl === undefined && smsApplicationSid === undefined) fields.request = 'Give smsUrl or smsApplicationSid.';
  if (Object.keys(fields).length > 0)
    throw new BackendError(400, 'invalid_input', summariseFieldErrors(fields), fields);
  return {
    sid: sid as string,
    ...(smsUrl !== undefined ? { smsUrl: smsUrl as string } : {}),
    ...(smsApplicationSid !== undefined ? { smsApplicationSid: smsApplicationSid as string } : {}),
  };
}

export const parseSetDefaultService = (payload: unknown): SetDefaultServiceRequest => ({
  serviceSid: oneSid(payload, 'serviceSid', SID_PATTERNS.conversationService, 'Not a conversation service SID (IS…).'),
});

const MAX_FILTER_CHARS = 256;

/** list-history's request: each filter optional, each checked (400 naming the field). */
export function parseListHistory(payload: unknown): ListHistoryRequest {
  const { cursor, address, identity, kind } = onlyKeys(payload, ['cursor', 'address', 'identity', 'kind']);
  if (cursor !== undefined && typeof cursor !== 'string') {
    throw new BackendError(400, 'invalid_cursor', 'cursor must be a string.');
  }
  const fields: Record<string, string> = {};
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '' && value.length <= MAX_FILTER_CHARS;
  if (address !== undefined && !text(address))
    fields.address = `Give an address or SID of at most ${MAX_FILTER_CHARS} characters.`;
  if (identity !== undefined && !text(identity))
    fields.identity = `Give a Flex identity of at most ${MAX_FILTER_CHARS} characters.`;
  if (kind !== undefined && !HISTORY_KINDS.includes(kind as HistoryKind)) {
    fields.kind = `Unknown kind; one of ${HISTORY_KINDS.join(', ')}.`;
  }
  if (Object.keys(fields).length > 0) {
    throw new BackendError(400, 'invalid_input', Object.values(fields).join(' '), fields);
  }
  return {
    ...(cursor !== undefined ? { cursor: cursor as string } : {}),
    ...(address !== undefined ? { address: (address as string).trim() } : {}),
    ...(identity !== undefined ? { identity: (identity as string).trim() } : {}),
    ...(kind !== undefined ? { kind: kind as HistoryKind } : {}),
  };
}

/** revert-change's request: the id of a history entry (a Sync List item's index). */
export function parseRevertChange(payload: unknown): RevertChangeRequest {
  const { id } = onlyKeys(payload, ['id']);
  if (typeof id !== 'string' || !/^\d{1,10}$/.test(id)) {
    throw new BackendError(400, 'invalid_input', 'id must be a history entry id.', { id: 'Not a history entry id.' });
  }
  return { id };
}
