import { checkCreateAddress, checkUpdateAddress, type FieldProblems } from '../../../contract/addressRules';
import { builtInWebhookIntegration } from '../api/builtInWebhook';
import {
  ADDRESS_TYPES,
  isAddressType,
  type AddressInput,
  type AddressIntegration,
  type AddressSummary,
  type AddressType,
  type IntegrationType,
  type UpdateAddressRequest,
  type WebhookFilter,
  type WebhookMethod,
} from '../../../contract/types';
import { pluginUrlPolicy } from '../../../contract/webhookUrlRule';

/** The dialog's integration choices: Twilio's three, and our own handler (a webhook underneath). */
export type IntegrationChoice = IntegrationType | 'builtin';

/** The create/edit dialog's fields, as the user edits them (numbers still as text). */
export interface AddressForm {
  mode: 'create' | 'edit';
  sid: string | null;
  type: AddressType;
  address: string;
  friendlyName: string;
  autoCreationEnabled: boolean;
  integrationType: IntegrationChoice;
  studioFlowSid: string;
  retryCount: string;
  webhookUrl: string;
  webhookMethod: WebhookMethod;
  webhookFilters: WebhookFilter[];
  conversationServiceSid: string;
  /** The backend's base URL, for "Flex webhook (built in)"; null hides that choice. */
  backendUrl: string | null;
  /**
   * The Studio flow a new address of each type starts with (its channel's `studioFlowNames`:
   * "Messaging Flow"; "Chat Flow" or "Webchat Flow" for chat; "Email Flow" for email): choosing
   * another type moves to its default while the user has not picked a flow of their own.
   */
  studioFlowDefaults: Partial<Record<AddressType, string>>;
}

const DEFAULT_RETRY_COUNT = 3;
const DEFAULT_WEBHOOK_FILTERS: WebhookFilter[] = ['onMessageAdded'];

/** Defaults a Flex admin expects: the type's Studio flow ("Messaging Flow"), retry 3, Flex's conversation service. */
function newAddressForm(
  type: AddressType,
  address: string,
  defaults: {
    studioFlowSid?: string;
    studioFlowDefaults?: Partial<Record<AddressType, string>>;
    conversationServiceSid?: string;
    friendlyName?: string;
    backendUrl?: string;
  },
): AddressForm {
  const studioFlowDefaults = defaults.studioFlowDefaults ?? {};
  return {
    mode: 'create',
    sid: null,
    type,
    address,
    friendlyName: defaults.friendlyName ?? '',
    autoCreationEnabled: true,
    integrationType: 'studio',
    studioFlowSid: defaults.studioFlowSid ?? studioFlowDefaults[type] ?? '',
    retryCount: String(DEFAULT_RETRY_COUNT),
    webhookUrl: '',
    webhookMethod: 'POST',
    webhookFilters: [...DEFAULT_WEBHOOK_FILTERS],
    conversationServiceSid: defaults.conversationServiceSid ?? '',
    backendUrl: defaults.backendUrl ?? null,
    studioFlowDefaults,
  };
}

/**
 * Whether "Flex webhook (built in)" is offered: for every type, when the backend's URL is known.
 * The handler routes SMS, WhatsApp and Messenger customers by their binding, and a Webchat
 * customer by the conversation's participants (serverless/src/inbound/chatCustomer.ts).
 */
export const offersBuiltIn = (form: Pick<AddressForm, 'backendUrl'>): boolean => Boolean(form.backendUrl);

/** The form after choosing another type: its default Studio flow too, unless the user chose one. */
export function withType(form: AddressForm, type: AddressType): AddressForm {
  const untouched = form.studioFlowSid === (form.studioFlowDefaults[form.type] ?? '');
  const next: AddressForm = {
    ...form,
    type,
    ...(untouched ? { studioFlowSid: form.studioFlowDefaults[type] ?? '' } : {}),
  };
  return next.integrationType === 'builtin' && !offersBuiltIn(next) ? { ...next, integrationType: 'studio' } : next;
}

function editAddressForm(config: AddressSummary, defaultStudioFlowSid?: string, backendUrl?: string): AddressForm {
  const { integration } = config;
  // Shown as "Flex webhook (built in)" only when it is exactly what that choice would save.
  const builtIn =
    backendUrl !== undefined && JSON.stringify(integration) === JSON.stringify(builtInWebhookIntegration(backendUrl));
  return {
    mode: 'edit',
    sid: config.sid,
    type: isAddressType(config.type) ? config.type : ADDRESS_TYPES[0],
    address: config.address,
    friendlyName: config.friendlyName ?? '',
    autoCreationEnabled: config.autoCreationEnabled,
    integrationType: builtIn ? 'builtin' : integration.type,
    studioFlowSid: integration.type === 'studio' ? integration.studioFlowSid : (defaultStudioFlowSid ?? ''),
    retryCount: String(integration.type === 'studio' ? integration.retryCount : DEFAULT_RETRY_COUNT),
    webhookUrl: integration.type === 'webhook' ? integration.webhookUrl : '',
    webhookMethod: integration.type === 'webhook' ? integration.webhookMethod : 'POST',
    webhookFilters: integration.type === 'webhook' ? [...integration.webhookFilters] : [...DEFAULT_WEBHOOK_FILTERS],
    conversationServiceSid: config.conversationServiceSid ?? '',
    backendUrl: backendUrl ?? null,
    studioFlowDefaults: {},
  };
}

function integrationOf(form: AddressForm): AddressIntegration | { type: IntegrationType } {
  if (form.integrationType === 'studio') {
    const retry = form.retryCount.trim() === '' ? NaN : Number(form.retryCount);
    return { type: 'studio', studioFlowSid: form.studioFlowSid, retryCount: retry };
  }
  if (form.integrationType === 'builtin') {
    return form.backendUrl ? builtInWebhookIntegration(form.backendUrl) : { type: 'webhook' };
  }
  if (form.integrationType === 'webhook') {
    return {
      type: 'webhook',
      webhookUrl: form.webhookUrl.trim(),
      webhookMethod: form.webhookMethod,
      webhookFilters: form.webhookFilters,
    };
  }
  return { type: 'default' };
}

function settingsOf(form: AddressForm) {
  return {
    // Editing to a blank name clears it; creating without one leaves it unset.
    ...(form.friendlyName.trim() || form.mode === 'edit' ? { friendlyName: form.friendlyName.trim() } : {}),
    autoCreationEnabled: form.autoCreationEnabled,
    integration: integrationOf(form),
    ...(form.conversationServiceSid ? { conversationServiceSid: form.conversationServiceSid } : {}),
  };
}

type FormResult =
  | { ok: true; mode: 'create'; request: AddressInput }
  | { ok: true; mode: 'edit'; request: UpdateAddressRequest }
  | { ok: false; fields: FieldProblems };

/**
 * The request the form makes, checked by the same rules the backend applies (the webhook hosts
 * the backend's settings allow are the backend's to check: its answer shows at the field). What is
 * wrong comes as the rules' problems; the dialog words them with the view's strings.
 */
export function toRequest(form: AddressForm): FormResult {
  const policy = pluginUrlPolicy(form.backendUrl);
  if (form.mode === 'create') {
    const result = checkCreateAddress({ type: form.type, address: form.address.trim(), ...settingsOf(form) }, policy);
    return result.ok ? { ok: true, mode: 'create', request: result.value } : result;
  }
  const result = checkUpdateAddress({ sid: form.sid, ...settingsOf(form) }, policy);
  return result.ok ? { ok: true, mode: 'edit', request: result.value } : result;
}

/**
 * The view's form makers: a create form with its defaults (the published "Messaging Flow", Flex's
 * conversation service, the built-in webhook's backend) and an edit form of an address.
 */
export interface AddressForms {
  create: (type: AddressType, address: string, friendlyName?: string) => AddressForm;
  edit: (addressConfiguration: AddressSummary) => AddressForm;
}

export function addressForms(defaults: {
  /** Each type's default Studio flow (channels/: its `studioFlowNames`, the first published). */
  studioFlowDefaults: Partial<Record<AddressType, string>>;
  flexServiceSid: string | null;
  backendUrl?: string;
}): AddressForms {
  const { studioFlowDefaults } = defaults;
  return {
    create: (type: AddressType, address: string, friendlyName?: string) =>
      newAddressForm(type, address, {
        studioFlowDefaults,
        conversationServiceSid: defaults.flexServiceSid ?? undefined,
        friendlyName,
        backendUrl: defaults.backendUrl,
      }),
    edit: (addressConfiguration) =>
      editAddressForm(
        addressConfiguration,
        isAddressType(addressConfiguration.type) ? studioFlowDefaults[addressConfiguration.type] : undefined,
        defaults.backendUrl,
      ),
  };
}
