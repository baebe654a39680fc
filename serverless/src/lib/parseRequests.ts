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
} from '../../../src/contract/types';
import { SMS_URL_RULE, urlProblem } from '../../../src/contract/webhookUrlRule';
import type { BackendConfig } from '../config';
import { BackendError } from '../http/backendError';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 400 `invalid_input` naming each field that is wrong, and one sentence of them all. */
const invalidFields = (fields: FieldProblems) =>
  new BackendError(400, 'invalid_input', summariseFieldProblems(fields), fields);

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

/** list-history's request: each filter optional, each checked (400 naming the field). */
export function parseListHistory(payload: unknown): ListHistoryRequest {
  const { cursor, address, identity, kind } = onlyKeys(payload, ['cursor', 'address', 'identity', 'kind']);
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
  if (Object.keys(fields).length > 0) {
    // The field problems side by side, without the field names: each names its filter itself.
    const problems = listOf(Object.values(fields), ' ');
    throw new BackendError(
      400,
      'invalid_input',
      { key: 'MessagingSetupRuleFieldsSummary', values: { problems } },
      fields,
    );
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
    throw invalidField('id', { key: 'MessagingSetupRefusalHistoryId' }, { key: 'MessagingSetupRefusalNotHistoryId' });
  }
  return { id };
}
