import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { activePanel, collectPageProblems, openMessagingSetup, screenshotPath } from './flexHost';
import {
  BACKEND_URL,
  fetchAddressConfiguration,
  readSeededAccount,
  resetSandbox,
  SANDBOX_URL,
  twilioGet,
  type AddressConfigurationResource,
} from './twilioSandbox';

interface FlexFlowResource {
  sid: string;
  friendly_name: string;
  channel_type: string;
  contact_identity: string | null;
  integration_type: string | null;
  integration: { flow_sid?: string; retry_count?: number };
}

const listFlexFlows = async (request: APIRequestContext) =>
  (await twilioGet<{ flex_flows: FlexFlowResource[] }>(request, 'flex-api/v1/FlexFlows?PageSize=1000'))?.flex_flows ??
  [];

/** The seeded SMS Flex Flow with a Studio integration whose number has no address: the one to migrate. */
async function seededSmsFlow(request: APIRequestContext): Promise<FlexFlowResource> {
  const flows = await listFlexFlows(request);
  for (const flow of flows) {
    if (flow.channel_type !== 'sms' || flow.integration_type !== 'studio' || !flow.contact_identity) continue;
    if (!(await fetchAddressConfiguration(request, flow.contact_identity))) return flow;
  }
  throw new Error('The seeded account has no SMS Flex Flow on a number without an address any more.');
}

const flexFlowRow = (page: Page, name: string) =>
  activePanel(page).getByTestId('flex-flow-row').filter({ hasText: name });

async function openFlexFlows(page: Page) {
  await openMessagingSetup(page, 'admin');
  await page.getByRole('tab', { name: 'Legacy Flex Flows' }).click();
  await expect(activePanel(page).getByTestId('flex-flow-row').first()).toBeVisible();
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('a seeded SMS Flex Flow is migrated: an address with its number, Studio flow and retry count replaces it', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const flow = await seededSmsFlow(request);
  const identity = String(flow.contact_identity);
  await openFlexFlows(page);
  await flexFlowRow(page, flow.friendly_name).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('flex-flows-table.png') });

  await flexFlowRow(page, flow.friendly_name).getByRole('button', { name: 'Migrate' }).click();
  const dialog = page.getByRole('dialog', { name: `Migrate ${flow.friendly_name} to an address` });
  await expect(dialog).toContainText(`Becomes SMS address ${identity}: Studio flow "Messaging Flow"`);
  await page.screenshot({ path: screenshotPath('flex-flows-migrate-preview.png') });
  await dialog.getByRole('button', { name: 'Migrate' }).click();
  await expect(dialog.getByTestId('migration-result')).toContainText('Migrated');
  await page.screenshot({ path: screenshotPath('flex-flows-migrated.png') });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(flexFlowRow(page, flow.friendly_name)).toHaveCount(0);

  const address = await fetchAddressConfiguration(request, identity);
  expect(address?.type).toBe('sms');
  expect(address?.auto_creation).toMatchObject({
    enabled: true,
    type: 'studio',
    studio_flow_sid: flow.integration.flow_sid,
    studio_retry_count: flow.integration.retry_count,
  });
  expect((await listFlexFlows(request)).filter((f) => f.contact_identity === identity)).toEqual([]);
  expect(problems).toEqual([]);
});

test('a failure deleting the Flex Flow leaves it intact and no new address, and the UI says what happened', async ({
  page,
  request,
}) => {
  const flow = await seededSmsFlow(request);
  const identity = String(flow.contact_identity);
  await openFlexFlows(page);
  const faults = await request.post(`${SANDBOX_URL}/_sandbox/faults`, {
    data: { rate500: 1, products: ['flex-api'], methods: ['DELETE'], pathIncludes: '/v1/FlexFlows/' },
  });
  expect(faults.ok()).toBe(true);

  await flexFlowRow(page, flow.friendly_name).getByRole('button', { name: 'Migrate' }).click();
  const dialog = page.getByRole('dialog', { name: `Migrate ${flow.friendly_name} to an address` });
  await dialog.getByRole('button', { name: 'Migrate' }).click();
  const result = dialog.getByTestId('migration-result');
  await expect(result).toContainText('Nothing changed');
  await expect(result).toContainText('the Flex Flow could not be deleted');
  await expect(result).toContainText('the new address was deleted again');
  await expect(result).toContainText(`Could not delete the Flex Flow ${flow.sid}`);
  await page.screenshot({ path: screenshotPath('flex-flows-migrate-failed.png') });

  expect((await listFlexFlows(request)).find((f) => f.sid === flow.sid)).toMatchObject({ contact_identity: identity });
  expect(await fetchAddressConfiguration(request, identity)).toBeNull();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(flexFlowRow(page, flow.friendly_name)).toHaveCount(1);
});

test('an address made with "Flex webhook (built in)" turns each new conversation into exactly one Interaction', async ({
  page,
  request,
}) => {
  const { numberWithoutAddress } = await readSeededAccount(request);
  await openMessagingSetup(page, 'admin');
  const row = activePanel(page).getByTestId('connection-row').filter({ hasText: numberWithoutAddress });
  await row.getByRole('button', { name: 'Create address' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create address' });
  await dialog.getByLabel(/^Integration/).selectOption({ label: 'Flex webhook (built in)' });
  await expect(dialog).toContainText(`Twilio calls ${BACKEND_URL}/inbound-webhook`);
  await page.screenshot({ path: screenshotPath('flex-webhook-built-in.png') });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const address = (await fetchAddressConfiguration(request, numberWithoutAddress)) as AddressConfigurationResource & {
    auto_creation: { webhook_method: string; webhook_filters: string[] };
  };
  expect(address.auto_creation).toMatchObject({
    type: 'webhook',
    webhook_url: `${BACKEND_URL}/inbound-webhook`,
    webhook_method: 'POST',
    webhook_filters: ['onMessageAdded'],
  });

  // A customer writes three times; Twilio (the sandbox) calls the handler for each message.
  const interactions: string[][] = [];
  for (const body of ['Hi', 'Anyone there?', 'Hello?']) {
    const played = await request.post(`${SANDBOX_URL}/_sandbox/inbound`, {
      data: { from: '+14155550199', to: numberWithoutAddress, body },
    });
    expect(played.ok()).toBe(true);
    const result = (await played.json()) as {
      conversation: { sid: string };
      interactions: string[];
      actions: { kind: string; status?: number }[];
    };
    expect(result.actions).toContainEqual(expect.objectContaining({ kind: 'webhook_delivered', status: 200 }));
    interactions.push(result.interactions);
  }
  expect(interactions[0]).toHaveLength(1);
  expect(interactions).toEqual([interactions[0], interactions[0], interactions[0]]);
});

test('the seeded WhatsApp Flex Flow, whose sender has an address already: the preview says so, and migrating updates that address', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const flow = (await listFlexFlows(request)).find(
    (f) => f.channel_type === 'whatsapp' && f.integration_type === 'studio',
  );
  if (!flow?.contact_identity) throw new Error('The seeded account has no WhatsApp Flex Flow with Studio any more.');
  const identity = flow.contact_identity.startsWith('whatsapp:')
    ? flow.contact_identity
    : `whatsapp:${flow.contact_identity}`;
  const before = await fetchAddressConfiguration(request, identity);
  if (!before) throw new Error(`The seeded WhatsApp sender ${identity} has no address any more.`);
  await openFlexFlows(page);

  await flexFlowRow(page, flow.friendly_name).getByRole('button', { name: 'Migrate' }).click();
  const dialog = page.getByRole('dialog', { name: `Migrate ${flow.friendly_name} to an address` });
  await expect(dialog).toContainText(`${identity} already has address ${before.sid}`);
  await expect(dialog).toContainText('migrating changes that address to the settings above');
  await page.screenshot({ path: screenshotPath('flex-flows-migrate-existing-preview.png') });
  await dialog.getByRole('button', { name: 'Migrate' }).click();
  await expect(dialog.getByTestId('migration-result')).toContainText('Migrated');
  await expect(dialog.getByTestId('migration-result')).toContainText(
    `Brought address ${before.sid} to the Flex Flow's settings`,
  );
  await page.screenshot({ path: screenshotPath('flex-flows-migrate-existing-done.png') });

  const after = await fetchAddressConfiguration(request, identity);
  expect(after?.sid).toBe(before.sid);
  expect(after?.auto_creation).toMatchObject({
    enabled: true,
    type: 'studio',
    studio_flow_sid: flow.integration.flow_sid,
  });
  expect((await listFlexFlows(request)).find((f) => f.sid === flow.sid)).toBeUndefined();
  expect(problems).toEqual([]);
});
