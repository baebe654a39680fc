/**
 * The rules an address request must meet, in one place: the create/edit dialog shows their
 * problems inline, and the backend applies the same rules before any Twilio call. A rule answers
 * problems (keys of messages.ts and their values), which each side words.
 */
import { CONTRACT_CHANNELS } from './channels';
import { problemWith, type ContractProblem, type FieldProblems } from './wording';
import {
  isAddressType,
  WEBHOOK_FILTERS,
  WEBHOOK_METHODS,
  type AddressInput,
  type AddressIntegration,
  type AddressType,
  type UpdateAddressRequest,
  type WebhookFilter,
  type WebhookMethod,
} from './types';
import { urlProblem, WEBHOOK_URL_MAX, WEBHOOK_URL_RULE, type UrlPolicy } from './webhookUrlRule';

export const FRIENDLY_NAME_MAX = 256;
export const RETRY_COUNT_MIN = 0;
export const RETRY_COUNT_MAX = 3;
export { WEBHOOK_URL_MAX };

export const SID_PATTERNS = {
  address: /^IG[0-9a-fA-F]{32}$/,
  studioFlow: /^FW[0-9a-fA-F]{32}$/,
  conversationService: /^IS[0-9a-fA-F]{32}$/,
  phoneNumber: /^PN[0-9a-fA-F]{32}$/,
  smsApplication: /^AP[0-9a-fA-F]{32}$/,
  flexFlow: /^FO[0-9a-fA-F]{32}$/,
  conversation: /^CH[0-9a-fA-F]{32}$/,
} as const;

/** Field name (as the dialog names its fields) → what is wrong with it, in words. */
export type FieldErrors = Record<string, string>;
export type { FieldProblems };

export type RuleResult<T> = { ok: true; value: T } | { ok: false; fields: FieldProblems };

/** What is wrong with an address for its type, by the channel's own rule (contract/channels/). */
export function addressError(type: AddressType, address: string): ContractProblem | undefined {
  const channel = CONTRACT_CHANNELS[type];
  return channel.isValidAddress(address) ? undefined : problemWith(channel.addressRule, { example: channel.example });
}

/** An address's webhook URL against the one URL rule (webhookUrlRule.ts) and the caller's policy. */
export const webhookUrlError = (url: string, policy: UrlPolicy): ContractProblem | undefined =>
  urlProblem(url, WEBHOOK_URL_RULE, policy);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], fields: FieldProblems, label: string) {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) {
    const key = extra.length > 1 ? 'MessagingSetupRuleUnknownFields' : 'MessagingSetupRuleUnknownField';
    fields[label] = { key, values: { fields: extra.join(', ') } };
  }
}

const CHOOSE_INTEGRATION: ContractProblem = { key: 'MessagingSetupRuleChooseIntegration' };

function checkIntegration(raw: unknown, fields: FieldProblems, policy: UrlPolicy): AddressIntegration | undefined {
  if (!isRecord(raw)) {
    fields.integration = CHOOSE_INTEGRATION;
    return undefined;
  }
  switch (raw.type) {
    case 'studio': {
      unknownKeys(raw, ['type', 'studioFlowSid', 'retryCount'], fields, 'integration');
      const { studioFlowSid, retryCount } = raw;
      if (typeof studioFlowSid !== 'string' || !SID_PATTERNS.studioFlow.test(studioFlowSid)) {
        fields.studioFlowSid = { key: 'MessagingSetupRuleChooseStudioFlow' };
      }
      if (
        typeof retryCount !== 'number' ||
        !Number.isInteger(retryCount) ||
        retryCount < RETRY_COUNT_MIN ||
        retryCount > RETRY_COUNT_MAX
      ) {
        fields.retryCount = {
          key: 'MessagingSetupRuleRetryCount',
          values: { min: RETRY_COUNT_MIN, max: RETRY_COUNT_MAX },
        };
      }
      if (fields.studioFlowSid || fields.retryCount) return undefined;
      return { type: 'studio', studioFlowSid: studioFlowSid as string, retryCount: retryCount as number };
    }
    case 'webhook': {
      unknownKeys(raw, ['type', 'webhookUrl', 'webhookMethod', 'webhookFilters'], fields, 'integration');
      const { webhookUrl, webhookMethod, webhookFilters } = raw;
      const urlError: ContractProblem | undefined =
        typeof webhookUrl === 'string'
          ? webhookUrlError(webhookUrl, policy)
          : { key: 'MessagingSetupRuleEnterWebhookUrl' };
      if (urlError) fields.webhookUrl = urlError;
      if (!WEBHOOK_METHODS.includes(webhookMethod as WebhookMethod)) {
        fields.webhookMethod = { key: 'MessagingSetupRuleChooseMethod' };
      }
      const filters = Array.isArray(webhookFilters) ? webhookFilters : [];
      const badFilters = filters.filter((f) => !WEBHOOK_FILTERS.includes(f as WebhookFilter));
      if (!Array.isArray(webhookFilters) || badFilters.length > 0) {
        fields.webhookFilters = {
          key: 'MessagingSetupRuleChooseFilters',
          values: { filters: WEBHOOK_FILTERS.join(', ') },
        };
      } else if (new Set(filters).size !== filters.length) {
        fields.webhookFilters = { key: 'MessagingSetupRuleFilterOnce' };
      }
      if (fields.webhookUrl || fields.webhookMethod || fields.webhookFilters) return undefined;
      return {
        type: 'webhook',
        webhookUrl: webhookUrl as string,
        webhookMethod: webhookMethod as WebhookMethod,
        webhookFilters: filters as WebhookFilter[],
      };
    }
    case 'default':
      unknownKeys(raw, ['type'], fields, 'integration');
      return { type: 'default' };
    default:
      fields.integration = CHOOSE_INTEGRATION;
      return undefined;
  }
}

/**
 * The settings an address shares between create and update. On update a blank friendly name is
 * sent as "" so Twilio clears it (on create, leaving it out does the same).
 */
function checkSettings(
  raw: Record<string, unknown>,
  fields: FieldProblems,
  mode: 'create' | 'update',
  policy: UrlPolicy,
) {
  const { friendlyName, autoCreationEnabled, conversationServiceSid } = raw;
  if (friendlyName !== undefined && (typeof friendlyName !== 'string' || friendlyName.length > FRIENDLY_NAME_MAX)) {
    fields.friendlyName = { key: 'MessagingSetupRuleFriendlyNameMax', values: { max: FRIENDLY_NAME_MAX } };
  }
  if (typeof autoCreationEnabled !== 'boolean') fields.autoCreationEnabled = { key: 'MessagingSetupRuleAutoCreation' };
  if (
    conversationServiceSid !== undefined &&
    (typeof conversationServiceSid !== 'string' || !SID_PATTERNS.conversationService.test(conversationServiceSid))
  ) {
    fields.conversationServiceSid = { key: 'MessagingSetupRuleChooseService' };
  }
  const integration = checkIntegration(raw.integration, fields, policy);
  return {
    ...(typeof friendlyName === 'string' && (friendlyName.trim() !== '' || mode === 'update')
      ? { friendlyName: friendlyName.trim() }
      : {}),
    autoCreationEnabled: autoCreationEnabled as boolean,
    integration: integration as AddressIntegration,
    ...(typeof conversationServiceSid === 'string' ? { conversationServiceSid } : {}),
  };
}

const SETTINGS_KEYS = ['friendlyName', 'autoCreationEnabled', 'integration', 'conversationServiceSid'];
const NOT_AN_OBJECT: ContractProblem = { key: 'MessagingSetupRuleRequestObject' };

/** `policy`: which webhook hosts pass — the backend's settings there, pluginUrlPolicy in the plugin. */
export function checkCreateAddress(raw: unknown, policy: UrlPolicy): RuleResult<AddressInput> {
  const fields: FieldProblems = {};
  if (!isRecord(raw)) return { ok: false, fields: { request: NOT_AN_OBJECT } };
  unknownKeys(raw, ['type', 'address', ...SETTINGS_KEYS], fields, 'request');
  const { type } = raw;
  if (!isAddressType(type)) fields.type = { key: 'MessagingSetupRuleChooseType' };
  const address = typeof raw.address === 'string' ? raw.address.trim() : '';
  const problem = isAddressType(type) ? addressError(type, address) : undefined;
  if (problem) fields.address = problem;
  const settings = checkSettings(raw, fields, 'create', policy);
  if (Object.keys(fields).length > 0 || !isAddressType(type)) return { ok: false, fields };
  return { ok: true, value: { type, address, ...settings } };
}

export function checkUpdateAddress(raw: unknown, policy: UrlPolicy): RuleResult<UpdateAddressRequest> {
  const fields: FieldProblems = {};
  if (!isRecord(raw)) return { ok: false, fields: { request: NOT_AN_OBJECT } };
  unknownKeys(raw, ['sid', ...SETTINGS_KEYS], fields, 'request');
  if (typeof raw.sid !== 'string' || !SID_PATTERNS.address.test(raw.sid)) {
    fields.sid = { key: 'MessagingSetupRuleNotAddressSid' };
  }
  const settings = checkSettings(raw, fields, 'update', policy);
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, value: { sid: raw.sid as string, ...settings } };
}
