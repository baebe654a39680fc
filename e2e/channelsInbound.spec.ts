import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { activePanel, collectPageProblems, openMessagingSetup, screenshotPath, startCreateAddress } from './flexHost';
import { BACKEND_URL, fetchAddressConfiguration, resetSandbox, SANDBOX_URL, twilioGet } from './twilioSandbox';

/**
 * Inbound chat and Messenger through the built-in webhook handler, end to end: a supervisor routes
 * a chat address and a Messenger address to "Flex webhook (built in)" in the UI, customers write
 * twice on each (the sandbox plays them as Twilio would: a signed onMessageAdded to the real
 * backend), and Twilio's REST API then holds exactly one Interaction per conversation, on the
 * right channel.
 */

/** The sandbox's second Facebook Page, which has no Messenger address (docs/SANDBOX.md). */
const PAGE_WITHOUT_ADDRESS = 'messenger:108811223344556';
const CHAT_ADDRESS = 'owl-shoes-website';
const BUILT_IN = 'Flex webhook (built in)';

interface Played {
  conversation: { sid: string; created: boolean } | null;
  interactions: string[];
  actions: { kind: string; event?: string; status?: number }[];
}

interface InteractionResource {
  sid: string;
  channel: { type: string; properties: { media_channel_sid: string } };
}

/** Fills the address, routes it to the built-in handler, and creates it. */
async function createBuiltIn(page: Page, type: string, address: string, screenshot?: string): Promise<void> {
  const dialog = await startCreateAddress(page, type);
  await dialog.getByLabel('Address', { exact: true }).fill(address);
  await dialog.getByLabel(/^Integration/).selectOption({ label: BUILT_IN });
  await expect(dialog).toContainText(`Twilio calls ${BACKEND_URL}/inbound-webhook`);
  if (screenshot) await page.screenshot({ path: screenshotPath(screenshot) });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
}

/** One customer message, played by the sandbox the way Twilio handles it. */
async function play(request: APIRequestContext, from: string, to: string, body: string): Promise<Played> {
  const response = await request.post(`${SANDBOX_URL}/_sandbox/inbound`, { data: { from, to, body } });
  expect(response.ok(), `POST /_sandbox/inbound ${from} → ${to}`).toBe(true);
  return (await response.json()) as Played;
}

/**
 * Two messages from one customer: both in one conversation, the handler answering each 200, and
 * one Interaction on it, the same after both. Returns it, read over Twilio's REST API.
 */
async function twoMessages(request: APIRequestContext, from: string, to: string) {
  const first = await play(request, from, to, 'Hi, where is my order?');
  const second = await play(request, from, to, 'It is order 1234.');
  for (const played of [first, second]) {
    expect(played.actions).toContainEqual(
      expect.objectContaining({ kind: 'webhook_delivered', event: 'onMessageAdded', status: 200 }),
    );
  }
  const conversationSid = first.conversation?.sid ?? '';
  expect(conversationSid).toMatch(/^CH[0-9a-f]{32}$/);
  expect(second.conversation).toMatchObject({ sid: conversationSid, created: false });
  expect(first.interactions).toHaveLength(1);
  expect(second.interactions).toEqual(first.interactions);

  const interaction = await twilioGet<InteractionResource>(
    request,
    `flex-api/v1/Interactions/${first.interactions[0]}`,
  );
  expect(interaction?.channel.properties.media_channel_sid).toBe(conversationSid);
  // The handler marked the conversation with that one Interaction.
  const conversation = await twilioGet<{ attributes: string }>(
    request,
    `conversations/v1/Conversations/${conversationSid}`,
  );
  expect(JSON.parse(conversation?.attributes ?? '{}')).toMatchObject({
    messagingSetup: { interactionSid: first.interactions[0] },
  });
  return interaction;
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('supervisor: inbound chat and Messenger through "Flex webhook (built in)" each become exactly one Interaction on their channel', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  await openMessagingSetup(page, 'supervisor');
  await page.getByRole('tab', { name: 'Addresses' }).click();
  await expect(activePanel(page).getByTestId('address-row').first()).toBeVisible();

  await createBuiltIn(page, 'Chat', CHAT_ADDRESS, 'channels-inbound-chat-built-in.png');
  await createBuiltIn(page, 'Facebook Messenger', PAGE_WITHOUT_ADDRESS);
  for (const [address, type] of [
    [CHAT_ADDRESS, 'chat'],
    [PAGE_WITHOUT_ADDRESS, 'messenger'],
  ]) {
    expect(await fetchAddressConfiguration(request, address)).toMatchObject({
      type,
      auto_creation: { enabled: true, type: 'webhook', webhook_url: `${BACKEND_URL}/inbound-webhook` },
    });
  }
  // The two addresses, and only they, route to the built-in handler.
  await activePanel(page).getByLabel('Search').fill('/inbound-webhook');
  const rows = activePanel(page).getByTestId('address-row');
  await expect(rows).toHaveCount(2);
  for (const address of [CHAT_ADDRESS, PAGE_WITHOUT_ADDRESS]) {
    await expect(rows.filter({ hasText: address })).toContainText(`${BUILT_IN}: POST ${BACKEND_URL}/inbound-webhook`);
  }
  await rows.last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('channels-inbound-addresses.png') });

  // A Webchat guest (an identity, writing through the Conversations SDK) and a Messenger customer.
  const chat = await twoMessages(request, 'guest-5f2a9c', CHAT_ADDRESS);
  expect(chat?.channel.type).toBe('chat');
  const messenger = await twoMessages(request, 'messenger:7654321098765', PAGE_WITHOUT_ADDRESS);
  expect(messenger?.channel.type).toBe('messenger');
  expect(messenger?.sid).not.toBe(chat?.sid);

  expect(problems).toEqual([]);
});
