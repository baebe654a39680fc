/**
 * What backend tests pick from the sandbox's account, and the webhook events they send: one copy
 * each instead of one per test file.
 */
import type { Twilio } from 'twilio';

import type { InboundResult } from '../../sandbox/server/inbound/types';
import { quietNumbers } from '../../sandbox/test/accountPicks';
import { buildConversation, buildParticipant, participantsOf } from '../../sandbox/server/resources/conversations';
import { routeConversationToFlex } from '../../sandbox/server/resources/flex';
import type { SandboxAccount, WireResource } from '../../sandbox/server/state';

/** The account's SMS-capable numbers that have no address yet, in the account's order. */
export function numbersWithoutAddress(account: SandboxAccount): string[] {
  const taken = new Set(account.addresses.all().map((a) => a.address));
  return account.incomingPhoneNumbers
    .all()
    .filter((n) => n.capabilities.sms && !taken.has(n.phone_number))
    .map((n) => n.phone_number);
}

/** The first of them; throws when every SMS number has an address. */
export function freeSmsNumber(account: SandboxAccount): string {
  const [free] = numbersWithoutAddress(account);
  if (!free) throw new Error('every SMS number of the demo account has an address');
  return free;
}

/** An SMS number nothing else handles: no address, number handler, Flex Flow or Messaging Service. */
export function quietNumber(account: SandboxAccount): string {
  const [number] = quietNumbers(account);
  if (!number) throw new Error('the demo account has no quiet number');
  return number;
}

/** One customer message, played by the sandbox the way Twilio handles it (`POST /_sandbox/inbound`). */
export async function playInbound(
  sandboxUrl: string,
  message: { from: string; to: string; body: string },
): Promise<InboundResult> {
  const response = await fetch(`${sandboxUrl}/_sandbox/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  if (response.status !== 200) throw new Error(`inbound answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as InboundResult;
}

/**
 * An address whose conversations (in Flex's service) go to the built-in handler at `webhookUrl`,
 * created over REST as the plugin's "Flex webhook (built in)" saves it.
 */
export async function builtInAddress(
  rest: Twilio,
  account: SandboxAccount,
  address: { type: 'sms' | 'chat'; address: string; webhookUrl: string },
): Promise<void> {
  await rest.conversations.v1.addressConfigurations.create({
    type: address.type,
    address: address.address,
    'autoCreation.enabled': true,
    'autoCreation.type': 'webhook',
    'autoCreation.conversationServiceSid': String(account.flexConfiguration.flex_service_instance_sid),
    'autoCreation.webhookUrl': address.webhookUrl,
    'autoCreation.webhookMethod': 'post',
    'autoCreation.webhookFilters': ['onMessageAdded'],
  });
}

/**
 * A customer's conversation in `serviceSid`, made in the sandbox's state as auto-creation makes
 * one: the customer's SMS binding to `ourAddress`, or a chat identity.
 */
export function customerConversation(
  account: SandboxAccount,
  serviceSid: string,
  customer: { address: string } | { identity: string },
  ourAddress = '+15005550006',
): WireResource {
  const conversation = account.conversations.add(buildConversation(account, serviceSid, ''));
  participantsOf(account, conversation.sid).add(
    buildParticipant(
      account,
      conversation.sid,
      'identity' in customer
        ? { identity: customer.identity }
        : { binding: { type: 'sms', address: customer.address, proxy_address: ourAddress } },
    ),
  );
  return conversation;
}

/** Routes the conversation to Flex as the built-in handler does: an Interaction, so a pending task (answered). */
export const routeToFlex = (account: SandboxAccount, conversation: WireResource): WireResource =>
  routeConversationToFlex(account, String(conversation.sid));

let messages = 0;

/**
 * An onMessageAdded event as a Conversations webhook sends it, in `conversationSid`; each call is
 * a new message (its own SID, index and body).
 */
export function messageAddedEvent(
  account: SandboxAccount,
  conversationSid: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  messages += 1;
  return {
    EventType: 'onMessageAdded',
    AccountSid: account.accountSid,
    ChatServiceSid: String(account.flexConfiguration.flex_service_instance_sid),
    ConversationSid: conversationSid,
    MessageSid: `IM${String(messages).padStart(32, '0')}`,
    ParticipantSid: `MB${'1'.repeat(32)}`,
    Author: '+14155550199',
    Body: `Hello ${messages}`,
    Index: String(messages - 1),
    Source: 'SMS',
    DateCreated: '2026-11-22T10:00:00Z',
    Attributes: '{}',
    WebhookSid: `WH${'2'.repeat(32)}`,
    WebhookType: 'webhook',
    RetryCount: '0',
    ...overrides,
  };
}
