/**
 * What each read function should answer, computed from the sandbox's own state (the wire-shaped
 * resources it serves): the oracle the integration tests compare the backend's answers with.
 */
import type { SandboxAccount, WireResource } from '../../sandbox/server/state';
import { studioConversationRoute } from '../../src/contract/studioFlowRoute';
import { STUDIO_DEFINITIONS_READ } from '../../src/contract/types';
import type {
  AddressType,
  FlexConfigurationSummary,
  MessagingServiceNumbers,
  PhoneNumberSummary,
  StudioFlowSummary,
  WhatsAppSenderSummary,
} from '../../src/contract/types';

export const expectedPhoneNumbers = (account: SandboxAccount): PhoneNumberSummary[] =>
  account.incomingPhoneNumbers.all().map((n) => ({
    sid: n.sid,
    phoneNumber: n.phone_number,
    friendlyName: String(n.friendly_name),
    capabilities: { sms: n.capabilities.sms, mms: n.capabilities.mms, voice: n.capabilities.voice },
    smsUrl: (n.sms_url as string) || null,
    smsApplicationSid: (n.sms_application_sid as string) || null,
  }));

export const expectedSenders = (account: SandboxAccount): WhatsAppSenderSummary[] =>
  (
    account.channelSenders.all() as (WireResource & {
      profile: { name: string };
      offline_reasons: { message: string }[] | null;
    })[]
  ).map((s) => ({
    sid: s.sid,
    senderId: String(s.sender_id),
    status: String(s.status),
    profileName: s.profile.name,
    offlineReasons: (s.offline_reasons ?? []).map((r) => r.message),
  }));

/** The flows as listed: a published one's route read from its definition (the first STUDIO_DEFINITIONS_READ). */
export function expectedFlows(account: SandboxAccount): StudioFlowSummary[] {
  const read = new Set(
    account.studioFlows
      .all()
      .filter((f) => f.status === 'published')
      .slice(0, STUDIO_DEFINITIONS_READ)
      .map((f) => f.sid),
  );
  return account.studioFlows.all().map((f) => ({
    sid: f.sid,
    friendlyName: String(f.friendly_name),
    status: f.status === 'published' ? 'published' : 'draft',
    conversationRoute: read.has(f.sid) ? studioConversationRoute(f.definition) : 'unknown',
  }));
}

/** SIDs of the addresses (of one type, or all), in the order Twilio lists them. */
export const expectedAddressSids = (account: SandboxAccount, type?: AddressType): string[] =>
  account.addresses
    .all()
    .filter((a) => !type || a.type === type)
    .map((a) => a.sid);

/** What fetch-flex-configuration answers; `callerMayWrite` for a caller with a default write role. */
export const expectedFlexConfiguration = (
  account: SandboxAccount,
  callerMayWrite = true,
): FlexConfigurationSummary => ({
  flexConversationServiceSid: String(account.flexConfiguration.flex_service_instance_sid),
  defaultConversationServiceSid: String(account.conversationsConfiguration.default_chat_service_sid),
  workspaceSid: String(account.flexConfiguration.taskrouter_workspace_sid),
  conversationServices: account.conversationServices
    .all()
    .map((s) => ({ sid: s.sid, friendlyName: String(s.friendly_name) })),
  callerMayWrite,
});

export const expectedMessagingServiceNumbers = (account: SandboxAccount): MessagingServiceNumbers => ({
  services: account.messagingServices.all().map((s) => ({
    sid: s.sid,
    friendlyName: String(s.friendly_name),
    phoneNumberSids: (account.messagingServiceNumbers.get(s.sid)?.all() ?? []).map((n) => n.sid),
  })),
});
