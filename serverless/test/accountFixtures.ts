/**
 * What backend tests pick from the sandbox's account, and the webhook events they send: one copy
 * each instead of one per test file.
 */
import type { SandboxAccount } from '../../sandbox/server/state';

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
