import { expect, test, type APIRequestContext } from '@playwright/test';

import type { AddressIntegration } from '../src/contract/types';
import { activePanel, collectPageProblems, findConnectionRow, openMessagingSetup, screenshotPath } from './flexHost';
import {
  BACKEND_URL,
  callBackend,
  issueToken,
  readSeededAccount,
  resetSandbox,
  SANDBOX_URL,
  twilioDelete,
  twilioGet,
} from './twilioSandbox';

/**
 * Issue #26, "where did the message go?", end to end: a customer whose task an agent completed
 * writes again, and the message joins the old conversation, which reaches nobody. The supervisor
 * traces the customer, the trace names that conversation as where it stopped, the supervisor
 * closes it from the trace, and the customer's next message makes exactly one new Interaction
 * (checked over Twilio's REST API).
 */

const CUSTOMER = '+13115550177';

interface Played {
  conversation: { sid: string; created: boolean } | null;
  interactions: string[];
}

interface TaskResource {
  sid: string;
  assignment_status: string;
}

async function play(request: APIRequestContext, to: string, body: string, from = CUSTOMER): Promise<Played> {
  const response = await request.post(`${SANDBOX_URL}/_sandbox/inbound`, { data: { from, to, body } });
  expect(response.ok(), `POST /_sandbox/inbound ${from} → ${to}`).toBe(true);
  return (await response.json()) as Played;
}

/** The conversation's tasks, over TaskRouter's REST API (by the `conversationSid` attribute Flex gives them). */
async function tasksOf(request: APIRequestContext, conversationSid: string): Promise<TaskResource[]> {
  const flex = await twilioGet<{ taskrouter_workspace_sid: string }>(request, 'flex-api/v1/Configuration');
  const expression = encodeURIComponent(`conversationSid == "${conversationSid}"`);
  const page = await twilioGet<{ tasks: TaskResource[] }>(
    request,
    `taskrouter/v1/Workspaces/${flex?.taskrouter_workspace_sid}/Tasks?EvaluateTaskAttributes=${expression}`,
  );
  return page?.tasks ?? [];
}

/** An SMS address for `number`, made through the backend as an admin (the view's create). */
async function createSmsAddress(request: APIRequestContext, number: string, integration: AddressIntegration) {
  const admin = await issueToken(request, 'admin');
  const created = await callBackend(request, 'create-address', admin, {
    type: 'sms',
    address: number,
    friendlyName: 'Support line',
    autoCreationEnabled: true,
    integration,
  });
  expect(created.status(), await created.text()).toBe(200);
}

// Dated by the wall clock, as a live account is: the trace's ages read as a supervisor would see them.
test.beforeEach(async ({ request }) => {
  await resetSandbox(request, { clock: 'wall' });
});

test('supervisor: a customer stuck in a conversation whose task was completed is traced, closed from the trace, and their next message makes exactly one new Interaction', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  // A number whose address hands its conversations to the built-in handler, which makes their Interactions.
  const { numberWithoutAddress: number } = await readSeededAccount(request);
  await createSmsAddress(request, number, {
    type: 'webhook',
    webhookUrl: `${BACKEND_URL}/inbound-webhook`,
    webhookMethod: 'POST',
    webhookFilters: ['onMessageAdded'],
  });

  // The customer writes, gets a task, an agent completes it; the conversation stays active.
  const first = await play(request, number, 'Where is my order?');
  const stuckSid = first.conversation?.sid ?? '';
  expect(first.interactions).toHaveLength(1);
  const [task] = await tasksOf(request, stuckSid);
  const completed = await request.post(`${SANDBOX_URL}/_sandbox/tasks/${task.sid}/complete`, { data: {} });
  expect(completed.ok(), 'POST /_sandbox/tasks/{sid}/complete').toBe(true);
  // They write again: the message joins that conversation and no task comes of it.
  const again = await play(request, number, 'Hello? Anyone there?');
  expect(again.conversation).toMatchObject({ sid: stuckSid, created: false });
  expect((await tasksOf(request, stuckSid)).map((t) => t.assignment_status)).toEqual(['completed']);

  await openMessagingSetup(page, 'supervisor');
  await page.getByRole('tab', { name: 'Trace' }).click();
  const panel = activePanel(page);
  await panel.getByRole('textbox', { name: 'Customer' }).fill(CUSTOMER);
  await panel.getByRole('button', { name: 'Trace' }).click();
  const stoppedAt = panel.getByTestId('trace-stopped-at');
  await expect(stoppedAt).toContainText('This conversation is still active but its task was completed');
  await expect(stoppedAt).toContainText(stuckSid);
  await stoppedAt.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('trace-stuck-conversation.png') });

  await stoppedAt.getByRole('button', { name: 'Close the conversation' }).click();
  const dialog = page.getByRole('dialog', { name: `Close the conversation of ${CUSTOMER}?` });
  await expect(dialog).toContainText('Twilio cannot reopen a closed conversation');
  await page.screenshot({ path: screenshotPath('trace-close-confirm.png') });
  await dialog.getByRole('button', { name: 'Close conversation' }).click();
  await expect(dialog).toHaveCount(0);
  // Traced again by itself: the conversation is closed now.
  await expect(stoppedAt).toContainText(`Their last conversation (${stuckSid}) was closed`);
  await expect(stoppedAt).toContainText("this customer's next message starts a new conversation.");
  expect((await twilioGet<{ state: string }>(request, `conversations/v1/Conversations/${stuckSid}`))?.state).toBe(
    'closed',
  );
  await stoppedAt.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('trace-closed.png') });

  // The next message starts a new conversation, and exactly one new Interaction with one task.
  const next = await play(request, number, 'It is order 1234.');
  expect(next.conversation?.created).toBe(true);
  const newSid = next.conversation?.sid ?? '';
  expect(newSid).not.toBe(stuckSid);
  expect(next.interactions).toHaveLength(1);
  expect(next.interactions).not.toEqual(first.interactions);
  const interaction = await twilioGet<{ channel: { properties: { media_channel_sid: string } } }>(
    request,
    `flex-api/v1/Interactions/${next.interactions[0]}`,
  );
  expect(interaction?.channel.properties.media_channel_sid).toBe(newSid);
  expect((await tasksOf(request, newSid)).map((t) => t.assignment_status)).toEqual(['pending']);

  // And the trace says so.
  await panel.getByRole('button', { name: 'Trace' }).click();
  await expect(stoppedAt).toContainText('waiting');
  expect(problems).toEqual([]);
});

test('supervisor: a message to an address whose Studio flow was deleted: the row’s diagnosis shows the alert Twilio logged, with its code', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const { numberWithoutAddress: number, messagingFlowSid } = await readSeededAccount(request);
  await createSmsAddress(request, number, { type: 'studio', studioFlowSid: messagingFlowSid, retryCount: 3 });
  // Someone deletes the flow in Studio; then a customer writes.
  await twilioDelete(request, `studio/v2/Flows/${messagingFlowSid}`);
  const played = await play(request, number, 'Is my order shipped?', '+13115550178');
  expect(played.interactions).toEqual([]);

  await openMessagingSetup(page, 'supervisor');
  const row = await findConnectionRow(page, 'Phone numbers', number);
  await row.getByRole('button', { name: new RegExp(`^Diagnosis for \\${number}: `) }).click();
  const dialog = page.getByRole('dialog', { name: `Diagnosis for ${number}` });
  const alerts = dialog.getByRole('region', { name: 'Alerts Twilio logged' });
  const alert = alerts.getByTestId('row-alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toHaveAttribute('data-code', '45763');
  await expect(alert).toContainText('45763');
  await expect(alert).toContainText('Logged once');
  await alert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('diagnosis-alerts.png') });
  expect(problems).toEqual([]);
});
