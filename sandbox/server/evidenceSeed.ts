/**
 * The evidence a demo account shows for issue #26 ("what happened to a customer's message"):
 * made by `generateAccount` last, and only when the reset asks (`evidence: true`; `npm start`'s
 * demo account does), so every other SID, date and count of a seed is as it was without it.
 *
 * - a conversation stuck active with a completed task: an SMS customer of number 0 (the ready
 *   number), routed to Flex through an Interaction whose task an agent completed, the
 *   conversation left active (the task was completed through TaskRouter, not through the
 *   Interaction's channel, so nothing closed it);
 * - a conversation stuck active with no task: a customer of the webhook address with no URL, so no
 *   handler ever made an Interaction (and the 45764 alert that says why);
 * - the Debugger alerts the broken addresses log when a message comes in: 45763 (the address to a
 *   Studio flow that does not exist), 45764 (the webhook address with no URL), 45761 (an address
 *   with auto-creation switched off), 11200 (a webhook address whose host does not answer);
 * - the warning a website's Webchat logs when its deployment key is connected to no address
 *   (45777): about the account, naming no address (WEBCHAT_DEMO_DEPLOYMENT_KEY, made up);
 * - the inbound Message resources of those messages, and one to a number with no address.
 */
import { WEBCHAT_KEY_WITHOUT_ADDRESS } from '../../src/contract/alerts';
import { buildMessage } from './resources/api2010';
import { buildConversation, buildParticipant, participantsOf } from './resources/conversations';
import { routeConversationToFlex } from './resources/flex';
import { writeAlert } from './resources/monitor';
import { completeTaskAsAgent } from './resources/taskrouter';
import type { AddressConfiguration, SandboxAccount, WireResource } from './state';
import { isoDate } from './wireFormat';

/** The seeded customers (+1 311 555 01xx: 311-555 numbers are fictional). */
export const EVIDENCE_CUSTOMERS = {
  stuckWithCompletedTask: '+13115550101',
  stuckWithoutTask: '+13115550102',
  toMissingFlow: '+13115550103',
  toDisabledAddress: '+13115550104',
  toUnreachableWebhook: '+13115550105',
  toNumberWithoutAddress: '+13115550106',
} as const;

/**
 * The Webchat 3 deployment key of the 45777 warning: made up (not of any real account, and not a
 * secret: a deployment key is in every page that embeds the chat).
 */
export const WEBCHAT_DEMO_DEPLOYMENT_KEY = 'owl-shoes-demo-deployment-key';

/** A customer's SMS as Programmable Messaging keeps it (direction inbound, status received). */
function inboundMessage(account: SandboxAccount, from: string, to: string, body: string, date: Date) {
  const service = account.conversationsConfiguration.default_messaging_service_sid;
  account.messages.add(
    buildMessage(account, {
      direction: 'inbound',
      from,
      to,
      body,
      status: 'received',
      date,
      messagingServiceSid: typeof service === 'string' ? service : null,
      key: `evidence:${from}:${to}`,
    }),
  );
}

/** A conversation in the address's service with the customer's binding (from → the address), as auto-creation makes it. */
function customerConversation(account: SandboxAccount, address: AddressConfiguration, from: string): WireResource {
  const service =
    address.auto_creation.conversation_service_sid ||
    String(account.conversationsConfiguration.default_chat_service_sid);
  const conversation = buildConversation(account, service, '');
  conversation.friendly_name = null;
  const messaging = account.conversationsConfiguration.default_messaging_service_sid;
  conversation.messaging_service_sid = typeof messaging === 'string' ? messaging : null;
  account.conversations.add(conversation);
  participantsOf(account, conversation.sid).add(
    buildParticipant(account, conversation.sid, {
      binding: { type: 'sms', address: from, proxy_address: address.address },
    }),
  );
  return conversation;
}

const onNumber = (account: SandboxAccount, address: AddressConfiguration) =>
  address.type === 'sms' && account.incomingPhoneNumbers.all().some((n) => n.phone_number === address.address);

export function addEvidence(account: SandboxAccount): void {
  const addresses = account.addresses.all().filter((a) => onNumber(account, a));
  const studioFlows = new Set(account.studioFlows.all().map((f) => f.sid));
  const ready = addresses.find(
    (a) =>
      a.auto_creation.enabled === true &&
      a.auto_creation.type === 'studio' &&
      studioFlows.has(String(a.auto_creation.studio_flow_sid)),
  );
  const noUrl = addresses.find((a) => a.auto_creation.type === 'webhook' && !a.auto_creation.webhook_url);
  const missingFlow = addresses.find(
    (a) =>
      a.auto_creation.enabled === true &&
      a.auto_creation.type === 'studio' &&
      !studioFlows.has(String(a.auto_creation.studio_flow_sid)),
  );
  const disabled = addresses.find((a) => a.auto_creation.enabled === false);
  const unreachable = addresses.find((a) => a.auto_creation.type === 'webhook' && a.auto_creation.webhook_url);
  const c = EVIDENCE_CUSTOMERS;

  if (ready) {
    const conversation = customerConversation(account, ready, c.stuckWithCompletedTask);
    inboundMessage(account, c.stuckWithCompletedTask, ready.address, 'Hi, my order never arrived', account.now());
    completeTaskAsAgent(account, routeConversationToFlex(account, conversation.sid), 'Task completed by the agent');
  }
  if (noUrl) {
    const conversation = customerConversation(account, noUrl, c.stuckWithoutTask);
    inboundMessage(account, c.stuckWithoutTask, noUrl.address, 'Is anyone there?', account.now());
    writeAlert(account, {
      errorCode: 45764,
      text: `Auto create webhook URL missing for the address ${noUrl.address}: nothing handles conversation ${conversation.sid}.`,
      resourceSid: noUrl.sid,
      serviceSid: String(conversation.chat_service_sid),
      dateGenerated: isoDate(account.now()),
      key: `evidence:45764:${noUrl.sid}`,
    });
  }
  if (missingFlow) {
    inboundMessage(account, c.toMissingFlow, missingFlow.address, 'Hello?', account.now());
    writeAlert(account, {
      errorCode: 45763,
      text: `Auto create studio flow ${String(missingFlow.auto_creation.studio_flow_sid)} of the address ${missingFlow.address} is missing: nothing handles the conversation.`,
      resourceSid: missingFlow.sid,
      serviceSid: missingFlow.auto_creation.conversation_service_sid ?? null,
      dateGenerated: isoDate(account.now()),
      key: `evidence:45763:${missingFlow.sid}`,
    });
  }
  if (disabled) {
    inboundMessage(account, c.toDisabledAddress, disabled.address, 'Can I change my booking?', account.now());
    writeAlert(account, {
      errorCode: 45761,
      text: `Auto create not enabled for the address ${disabled.address}: no conversation is created for the message from ${c.toDisabledAddress}.`,
      logLevel: 'error',
      resourceSid: disabled.sid,
      serviceSid: disabled.auto_creation.conversation_service_sid ?? null,
      dateGenerated: isoDate(account.now()),
      key: `evidence:45761:${disabled.sid}`,
    });
  }
  if (unreachable) {
    const url = String(unreachable.auto_creation.webhook_url);
    inboundMessage(account, c.toUnreachableWebhook, unreachable.address, 'Do you ship to Canada?', account.now());
    writeAlert(account, {
      errorCode: 11200,
      text: `HTTP retrieval failure: onMessageAdded to POST ${url}: the host could not be resolved.`,
      resourceSid: unreachable.sid,
      serviceSid: unreachable.auto_creation.conversation_service_sid ?? null,
      request: { method: 'POST', url },
      dateGenerated: isoDate(account.now()),
      key: `evidence:11200:${unreachable.sid}`,
    });
  }
  // A website's chat with a deployment key connected to no address. Dated as the clock stands
  // (not advanced), so every date made after it is as it was.
  writeAlert(account, {
    errorCode: WEBCHAT_KEY_WITHOUT_ADDRESS,
    text: `Address Configuration not found for deployment key ${WEBCHAT_DEMO_DEPLOYMENT_KEY}: no address configuration is linked with it.`,
    logLevel: 'warning',
    resourceSid: null,
    key: `evidence:${WEBCHAT_KEY_WITHOUT_ADDRESS}:${WEBCHAT_DEMO_DEPLOYMENT_KEY}`,
  });
  const withAddress = new Set(account.addresses.all().map((a) => a.address));
  const quiet = account.incomingPhoneNumbers.all().find((n) => n.capabilities.sms && !withAddress.has(n.phone_number));
  if (quiet)
    inboundMessage(account, c.toNumberWithoutAddress, quiet.phone_number, 'Hello, is this Owl Shoes?', account.now());
}
