/**
 * twilio-node resources → the summaries the view shows. twilio-node camel-cases top-level fields
 * only; nested objects (`autoCreation`) keep Twilio's snake_case keys.
 */
import {
  WEBHOOK_FILTERS,
  type AddressIntegration,
  type AddressSummary,
  type FlexFlowSummary,
  type PhoneNumberSummary,
  type StudioFlowSummary,
  type WebhookFilter,
  type WhatsAppSenderSummary,
} from '../../../src/contract/types';

interface AutoCreationWire {
  enabled?: boolean;
  type?: string;
  conversation_service_sid?: string | null;
  studio_flow_sid?: string | null;
  studio_retry_count?: number | null;
  webhook_url?: string | null;
  webhook_method?: string | null;
  webhook_filters?: string[] | null;
}

export interface AddressResource {
  sid: string;
  type: string;
  address: string;
  friendlyName: string | null;
  autoCreation: unknown;
  dateUpdated: Date | string | null;
}

const blankToNull = (value: string | null | undefined): string | null => (value ? value : null);
const dateString = (value: Date | string | null | undefined): string | null =>
  value instanceof Date ? value.toISOString() : (value ?? null);

function integrationOf(auto: AutoCreationWire): AddressIntegration {
  if (auto.type === 'studio') {
    return { type: 'studio', studioFlowSid: auto.studio_flow_sid ?? '', retryCount: auto.studio_retry_count ?? 0 };
  }
  if (auto.type === 'webhook') {
    return {
      type: 'webhook',
      webhookUrl: auto.webhook_url ?? '',
      webhookMethod: String(auto.webhook_method ?? 'POST').toUpperCase() === 'GET' ? 'GET' : 'POST',
      webhookFilters: (auto.webhook_filters ?? []).filter((f): f is WebhookFilter =>
        WEBHOOK_FILTERS.includes(f as WebhookFilter),
      ),
    };
  }
  return { type: 'default' };
}

export function summariseAddress(resource: AddressResource): AddressSummary {
  const auto = (resource.autoCreation ?? {}) as AutoCreationWire;
  return {
    sid: resource.sid,
    type: resource.type,
    address: resource.address,
    friendlyName: blankToNull(resource.friendlyName),
    autoCreationEnabled: auto.enabled === true,
    integration: integrationOf(auto),
    conversationServiceSid: blankToNull(auto.conversation_service_sid),
    dateUpdated: dateString(resource.dateUpdated),
  };
}

export function summarisePhoneNumber(resource: {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  capabilities: unknown;
  smsUrl: string | null;
  smsApplicationSid: string | null;
}): PhoneNumberSummary {
  const caps = (resource.capabilities ?? {}) as { sms?: boolean; mms?: boolean; voice?: boolean };
  return {
    sid: resource.sid,
    phoneNumber: resource.phoneNumber,
    friendlyName: resource.friendlyName,
    capabilities: { sms: caps.sms === true, mms: caps.mms === true, voice: caps.voice === true },
    smsUrl: blankToNull(resource.smsUrl),
    smsApplicationSid: blankToNull(resource.smsApplicationSid),
  };
}

export function summariseSender(resource: {
  sid: string;
  senderId: string;
  status: string;
  profile: unknown;
  offlineReasons: unknown;
}): WhatsAppSenderSummary {
  const profile = (resource.profile ?? {}) as { name?: string | null };
  const reasons = Array.isArray(resource.offlineReasons) ? (resource.offlineReasons as { message?: string }[]) : [];
  return {
    sid: resource.sid,
    senderId: resource.senderId,
    status: resource.status,
    profileName: profile.name ?? null,
    offlineReasons: reasons.map((r) => r.message ?? '').filter(Boolean),
  };
}

export function summariseFlow(resource: { sid: string; friendlyName: string; status: string }): StudioFlowSummary {
  return {
    sid: resource.sid,
    friendlyName: resource.friendlyName,
    status: resource.status === 'published' ? 'published' : 'draft',
  };
}

export function summariseFlexFlow(resource: {
  sid: string;
  friendlyName: string;
  channelType: string;
  contactIdentity: string | null;
  enabled: boolean;
  integrationType: string | null;
  integration: unknown;
  longLived: boolean;
  janitorEnabled: boolean;
  chatServiceSid: string | null;
}): FlexFlowSummary {
  return {
    sid: resource.sid,
    friendlyName: resource.friendlyName,
    channelType: resource.channelType,
    contactIdentity: blankToNull(resource.contactIdentity),
    enabled: resource.enabled === true,
    integrationType: blankToNull(resource.integrationType),
    integration: (resource.integration ?? {}) as FlexFlowSummary['integration'],
    longLived: resource.longLived === true,
    janitorEnabled: resource.janitorEnabled === true,
    chatServiceSid: blankToNull(resource.chatServiceSid),
  };
}
