import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { credentialsFromEnv } from '../sandbox/server/config';
import {
  collectPageProblems,
  findConnectionRow,
  openMessagingSetup,
  screenshotPath,
  sideLink,
  signIn,
} from './flexHost';
import { resetSandbox, SANDBOX_URL, twilioGet, type AddressConfigurationResource } from './twilioSandbox';

const { accountSid } = credentialsFromEnv();
const NUMBERS_PATH = `api/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers`;

interface IncomingNumber {
  sid: string;
  phone_number: string;
  capabilities: { sms: boolean };
  sms_url: string | null;
  sms_application_sid: string | null;
}

/** The seeded account's numbers and senders by the finding each one has, read from the REST API. */
async function readDiagnosisSeed(request: APIRequestContext) {
  const numbers =
    (await twilioGet<{ incoming_phone_numbers: IncomingNumber[] }>(request, `${NUMBERS_PATH}.json?PageSize=1000`))
      ?.incoming_phone_numbers ?? [];
  const addresses =
    (
      await twilioGet<{ address_configurations: AddressConfigurationResource[] }>(
        request,
        'conversations/v1/Configuration/Addresses?PageSize=1000',
      )
    )?.address_configurations ?? [];
  const senders =
    (
      await twilioGet<{ senders: { sender_id: string; status: string }[] }>(
        request,
        'messaging/v2/Channels/Senders?Channel=whatsapp&PageSize=1000',
      )
    )?.senders ?? [];
  const flexFlows =
    (await twilioGet<{ flex_flows: { contact_identity: string | null }[] }>(request, 'flex-api/v1/FlexFlows'))
      ?.flex_flows ?? [];
  const services = (await twilioGet<{ services: { sid: string }[] }>(request, 'messaging/v1/Services'))?.services ?? [];
  const inService = new Set<string>();
  for (const service of services) {
    const members = await twilioGet<{ phone_numbers: { phone_number: string }[] }>(
      request,
      `messaging/v1/Services/${service.sid}/PhoneNumbers`,
    );
    for (const member of members?.phone_numbers ?? []) inService.add(member.phone_number);
  }
  const flows =
    (await twilioGet<{ flows: { sid: string; friendly_name: string; status: string }[] }>(request, 'studio/v2/Flows'))
      ?.flows ?? [];
  const messagingFlow = flows.find((f) => f.friendly_name === 'Messaging Flow')?.sid;
  const flexService = (await twilioGet<{ flex_service_instance_sid: string }>(request, 'flex-api/v1/Configuration'))
    ?.flex_service_instance_sid;

  const addressOf = (address: string) => addresses.find((a) => a.address === address);
  const heldByFlexFlow = new Set(flexFlows.map((f) => f.contact_identity));
  const wellRouted = (address: string) => {
    const config = addressOf(address)?.auto_creation;
    return (
      config?.enabled === true &&
      config.studio_flow_sid === messagingFlow &&
      config.conversation_service_sid === flexService
    );
  };
  const alone = (n: IncomingNumber) => !inService.has(n.phone_number) && !heldByFlexFlow.has(n.phone_number);
  const pick = <T>(what: string, found: T | undefined): T => {
    if (!found) throw new Error(`The seeded account has no ${what} any more.`);
    return found;
  };
  const sms = numbers.filter((n) => n.capabilities.sms);
  /** Findings about the address itself, on addresses of this account's SMS numbers (so a row shows them). */
  const addressFindings = (): [string, string | undefined][] => {
    const onNumbers = addresses.filter((a) => sms.some((n) => n.phone_number === a.address) && a.auto_creation.enabled);
    const flowStatus = new Map(flows.map((f) => [f.sid, f.status]));
    const studio = onNumbers.filter((a) => a.auto_creation.type === 'studio');
    return [
      [
        'studio-flow-unpublished',
        studio.find((a) => flowStatus.get(String(a.auto_creation.studio_flow_sid)) === 'draft'),
      ],
      ['studio-flow-missing', studio.find((a) => !flowStatus.has(String(a.auto_creation.studio_flow_sid)))],
      ['webhook-url-empty', onNumbers.find((a) => a.auto_creation.type === 'webhook' && !a.auto_creation.webhook_url)],
      [
        'service-not-flex',
        onNumbers.find(
          (a) => a.auto_creation.conversation_service_sid && a.auto_creation.conversation_service_sid !== flexService,
        ),
      ],
    ].map(([code, found]) => [code as string, (found as AddressConfigurationResource | undefined)?.address]);
  };
  return {
    numbers,
    ready: pick(
      'correctly configured number',
      sms.find((n) => wellRouted(n.phone_number) && alone(n) && !n.sms_url && !n.sms_application_sid)?.phone_number,
    ),
    conflicting: pick(
      'correctly routed number with an "A message comes in" URL',
      sms.find((n) => wellRouted(n.phone_number) && alone(n) && n.sms_url && !n.sms_application_sid),
    ),
    findings: [
      ['no-address', sms.find((n) => !addressOf(n.phone_number) && !n.sms_url && alone(n))?.phone_number],
      ['sms-application-set', sms.find((n) => n.sms_application_sid && addressOf(n.phone_number))?.phone_number],
      ['in-messaging-service', sms.find((n) => inService.has(n.phone_number))?.phone_number],
      ['legacy-flex-flow', sms.find((n) => heldByFlexFlow.has(n.phone_number))?.phone_number],
      ['no-sms-capability', numbers.find((n) => !n.capabilities.sms)?.phone_number],
      ['auto-creation-disabled', addresses.find((a) => a.auto_creation.enabled === false)?.address],
      ['sender-not-online', senders.find((s) => s.status !== 'ONLINE')?.sender_id],
      ...addressFindings(),
    ].map(([code, address]) => ({ code: code as string, address: pick(`number with ${code}`, address) })),
  };
}

const tabOf = (address: string) => (address.startsWith('whatsapp:') ? 'WhatsApp senders' : 'Phone numbers');

const findRow = (page: Page, address: string) => findConnectionRow(page, tabOf(address), address);

/** Opens a row's findings; returns the dialog. */
async function openDiagnosis(page: Page, address: string, level: 'Ready' | 'Warning' | 'Broken') {
  const row = await findRow(page, address);
  await row.getByRole('button', { name: `Diagnosis for ${address}: ${level}` }).click();
  const dialog = page.getByRole('dialog', { name: `Diagnosis for ${address}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closeDialog(page: Page) {
  await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test.beforeEach(async ({ page, request }) => {
  // Paste's dialogs then appear without their fade, so screenshots show them, not the view through them.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await resetSandbox(request);
});

test('supervisor: each seeded finding on its number, Ready on a correct one; clear webhook, then undo', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const seed = await readDiagnosisSeed(request);
  await openMessagingSetup(page, 'supervisor');
  await page.screenshot({ path: screenshotPath('diagnostics-table.png'), fullPage: true });

  for (const { code, address } of seed.findings) {
    const row = await findRow(page, address);
    const badge = row.getByRole('button', { name: new RegExp(`^Diagnosis for ${address.replace('+', '\\+')}: `) });
    // Not Ready: a problem, something that could not be checked, or a state of its own (voice only).
    await expect(badge).toHaveAccessibleName(/: (Warning|Broken|Unknown|Voice only|In review)$/);
    await badge.click();
    const dialog = page.getByRole('dialog', { name: `Diagnosis for ${address}` });
    await expect(dialog.locator(`[data-finding="${code}"]`), `${code} on ${address}`).toBeVisible();
    if (code === 'legacy-flex-flow') await page.screenshot({ path: screenshotPath('diagnostics-findings.png') });
    await closeDialog(page);
  }
  const ready = await openDiagnosis(page, seed.ready, 'Ready');
  await expect(ready.getByText(/Nothing stands in the way/)).toBeVisible();
  await closeDialog(page);

  // Clear the parallel "A message comes in" URL of a number that is otherwise correct.
  const { conflicting } = seed;
  const oldUrl = conflicting.sms_url ?? '';
  const dialog = await openDiagnosis(page, conflicting.phone_number, 'Warning');
  await expect(dialog.locator('[data-finding="sms-url-set"]')).toBeVisible();
  await dialog.getByRole('button', { name: 'Clear webhook' }).click();
  await expect(dialog.getByTestId('current-value')).toHaveText(oldUrl);
  await expect(dialog.getByRole('button', { name: 'Copy the current value' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('diagnostics-clear-confirm.png') });
  await dialog.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(dialog.getByText(/Nothing stands in the way/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('diagnostics-cleared.png') });
  const cleared = await twilioGet<IncomingNumber>(request, `${NUMBERS_PATH}/${conflicting.sid}.json`);
  expect(cleared?.sms_url).toBe('');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.locator('[data-finding="sms-url-set"]')).toBeVisible();
  const restored = await twilioGet<IncomingNumber>(request, `${NUMBERS_PATH}/${conflicting.sid}.json`);
  expect(restored?.sms_url).toBe(oldUrl);
  await closeDialog(page);

  // Clear again and leave it cleared: the row itself turns Ready.
  const again = await openDiagnosis(page, conflicting.phone_number, 'Warning');
  await again.getByRole('button', { name: 'Clear webhook' }).click();
  await again.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(again.getByRole('button', { name: 'Undo' })).toBeVisible();
  await closeDialog(page);
  const row = await findRow(page, conflicting.phone_number);
  await expect(row.getByRole('button', { name: `Diagnosis for ${conflicting.phone_number}: Ready` })).toBeVisible();
  expect(problems).toEqual([]);
});

test('admin: when the default Conversations service is not Flex’s, the banner’s Fix sets it', async ({
  page,
  request,
}) => {
  const reset = await request.post(`${SANDBOX_URL}/_sandbox/reset`, { data: { defaultServiceIsFlex: false } });
  expect(reset.ok()).toBe(true);
  const flexService = (await twilioGet<{ flex_service_instance_sid: string }>(request, 'flex-api/v1/Configuration'))
    ?.flex_service_instance_sid;
  const before = await twilioGet<{ default_chat_service_sid: string }>(request, 'conversations/v1/Configuration');
  expect(before?.default_chat_service_sid).not.toBe(flexService);

  await openMessagingSetup(page, 'admin');
  const banner = page.getByRole('region', { name: 'Account health' });
  await expect(banner).toContainText('not Flex');
  await page.screenshot({ path: screenshotPath('diagnostics-banner-unhealthy.png') });
  await banner.getByRole('button', { name: 'Fix' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make Flex’s service the default?'.replace('’', "'") });
  await expect(dialog).toContainText(String(before?.default_chat_service_sid));
  await expect(dialog).toContainText(String(flexService));
  await page.screenshot({ path: screenshotPath('diagnostics-fix-default.png') });
  await dialog.getByRole('button', { name: 'Set as default' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(banner).toContainText("is the account's default Conversations service");
  await expect(banner.getByRole('button', { name: 'Fix' })).toHaveCount(0);
  const after = await twilioGet<{ default_chat_service_sid: string }>(request, 'conversations/v1/Configuration');
  expect(after?.default_chat_service_sid).toBe(flexService);
  await page.screenshot({ path: screenshotPath('diagnostics-banner-healthy.png') });
});

interface LoggedRequest {
  method: string;
  product: string;
  path: string;
}

/** The Twilio requests loading the view made, counted per method, product and path (SIDs generalised). */
async function loadCounts(page: Page, request: APIRequestContext): Promise<Map<string, number>> {
  await signIn(page, 'supervisor');
  expect((await request.delete(`${SANDBOX_URL}/_sandbox/requests`)).ok()).toBe(true);
  await sideLink(page, 'Messaging Setup').click();
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByText(/^Could not load/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Diagnosis for / }).first()).toBeVisible();
  // The stuck conversations' count is read once the lists have loaded: wait for it, so every load counts it.
  await expect(page.getByTestId('health-banner')).toHaveAttribute('data-stuck-read', 'done');
  const log = (await (await request.get(`${SANDBOX_URL}/_sandbox/requests`)).json()) as { requests: LoggedRequest[] };
  const counts = new Map<string, number>();
  for (const r of log.requests) {
    const key = `${r.method} ${r.product}${r.path.replace(/[A-Z]{2}[0-9a-f]{32}/g, ':sid')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

test('loading the view makes no Twilio request per row: the counts are the same for 24 and 240 numbers', async ({
  page,
  request,
}) => {
  // Each count is of a second load: the first after a reset finds the backend's own Sync Service
  // anew (the one it remembered was the old account's), a one-off look-up that is not per row.
  await loadCounts(page, request);
  const small = await loadCounts(page, request);
  // Reads only, besides the token check: at most one per view load, shared by all its calls.
  const tokenChecks = [...small.keys()].filter((key) => key.endsWith('/Tokens/validate'));
  expect([...small.keys()].filter((key) => !key.startsWith('GET ') && !tokenChecks.includes(key))).toEqual([]);
  expect(tokenChecks.reduce((sum, key) => sum + (small.get(key) ?? 0), 0)).toBeLessThanOrEqual(1);
  // Nothing is fetched one number or sender at a time.
  expect([...small.keys()].filter((key) => /IncomingPhoneNumbers\/|Senders\//.test(key))).toEqual([]);
  // The diagnostics' sources: the Flex Flows (one page), and each Messaging Service's numbers (two services).
  expect(small.get('GET flex-api/v1/FlexFlows')).toBe(1);
  expect(small.get('GET messaging/v1/Services/:sid/PhoneNumbers')).toBe(2);

  const reset = await request.post(`${SANDBOX_URL}/_sandbox/reset`, {
    data: { numbers: 240, whatsappSenders: 60, addresses: 120 },
  });
  expect(reset.ok()).toBe(true);
  await page.goto('about:blank');
  await loadCounts(page, request);
  const large = await loadCounts(page, request);
  // Ten times the rows, the same requests (every list fits a page of 1000; addresses page by 50).
  const tokenKey = tokenChecks[0];
  const addressKey = 'GET conversations/v1/Configuration/Addresses';
  const paged = (counts: Map<string, number>) =>
    new Map([...counts].filter(([key]) => key !== addressKey && key !== tokenKey));
  expect(paged(large)).toEqual(paged(small));
  // Addresses page by 50 per phone type: bounded by pages (120 addresses → at most 3 + 2 pages), not
  // rows; plus one list per other type (chat, messenger, email, rcs, apple, gbm: 6), whatever the
  // size. The extra pages ask for no extra token check.
  expect(large.get(addressKey) ?? 0).toBeLessThanOrEqual(5 + 6);
  expect(large.get(tokenKey) ?? 0).toBeLessThanOrEqual(1);
});
