/**
 * Legacy Flex Flows: delete-flex-flow and migrate-flex-flow against the sandbox, including
 * failures injected into single steps — the number must never end up with no route, and
 * what the answer says must be what the sandbox holds.
 */
import type { FlexFlow } from '../../sandbox/server/state';
import type { MigrateFlexFlowResponse } from '../../src/contract/types';
import { setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const account = () => t.sandbox.account;

function flexFlow(predicate: (flow: FlexFlow) => boolean, what: string): FlexFlow {
  const found = account().flexFlows.all().find(predicate);
  if (!found) throw new Error(`the demo account has no ${what}`);
  return found;
}

const smsStudioFlow = () =>
  flexFlow((f) => f.channel_type === 'sms' && f.integration_type === 'studio', 'SMS Flex Flow with Studio');
const integrationOf = (flow: FlexFlow) => flow.integration as { flow_sid: string; retry_count: number };

const call = (name: 'migrate-flex-flow' | 'delete-flex-flow', sid: string) =>
  t.callFunction(name, { token: t.tokens.supervisor(), payload: { sid } });

function migration(response: FunctionResponse): MigrateFlexFlowResponse {
  expect(response.status).toBe(200);
  return response.body as MigrateFlexFlowResponse;
}

const addressesFor = (address: string) =>
  account()
    .addresses.all()
    .filter((a) => a.address === address);

describe('migrate-flex-flow', () => {
  test('replaces an SMS Flex Flow with an address of the same number, Studio flow and retry count', async () => {
    const flow = smsStudioFlow();
    const identity = String(flow.contact_identity);
    const { flow_sid, retry_count } = integrationOf(flow);
    expect(addressesFor(identity)).toEqual([]);

    const result = migration(await call('migrate-flex-flow', flow.sid));

    expect(result.outcome).toBe('migrated');
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['create_address', 'done'],
      ['verify_address', 'done'],
      ['delete_flex_flow', 'done'],
    ]);
    const [made] = addressesFor(identity);
    expect(made).toBeDefined();
    expect(made.type).toBe('sms');
    expect(made.friendly_name).toBe(flow.friendly_name);
    expect(made.auto_creation).toMatchObject({
      enabled: true,
      type: 'studio',
      studio_flow_sid: flow_sid,
      studio_retry_count: retry_count,
      conversation_service_sid: account().flexConfiguration.flex_service_instance_sid,
    });
    expect(result.address?.sid).toBe(made.sid);
    expect(account().flexFlows.find(flow.sid)).toBeUndefined();
    expect(result.message).toContain(identity);
  });

  test('a number that already has an address: nothing changes, and the answer says why', async () => {
    const flow = smsStudioFlow();
    const identity = String(flow.contact_identity);
    await t.callFunction('create-address', {
      token: t.tokens.admin(),
      payload: { type: 'sms', address: identity, autoCreationEnabled: true, integration: { type: 'default' } },
    });
    const before = JSON.stringify(account().addresses.all());

    const result = migration(await call('migrate-flex-flow', flow.sid));

    expect(result.outcome).toBe('unchanged');
    expect(result.steps).toEqual([expect.objectContaining({ step: 'create_address', status: 'failed' })]);
    expect(result.message).toMatch(/could not be created.*already/i);
    expect(JSON.stringify(account().addresses.all())).toBe(before);
    expect(account().flexFlows.find(flow.sid)).toBeDefined();
  });

  test('a failure deleting the Flex Flow undoes the new address: the flow stays, no address is left', async () => {
    const flow = smsStudioFlow();
    const identity = String(flow.contact_identity);
    t.faults({ rate500: 1, products: ['flex-api'], methods: ['DELETE'], pathIncludes: '/v1/FlexFlows/' }, 1);

    const result = migration(await call('migrate-flex-flow', flow.sid));

    expect(result.outcome).toBe('unchanged');
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['create_address', 'done'],
      ['verify_address', 'done'],
      ['delete_flex_flow', 'failed'],
      ['undo_create_address', 'done'],
    ]);
    expect(result.message).toMatch(/Nothing changed: the Flex Flow could not be deleted/);
    expect(result.address).toBeNull();
    expect(addressesFor(identity)).toEqual([]);
    expect(account().flexFlows.find(flow.sid)).toEqual(flow);
  });

  test('when the undo fails too, the answer names the address left behind', async () => {
    const flow = smsStudioFlow();
    const identity = String(flow.contact_identity);
    t.faults({ rate500: 1, methods: ['DELETE'] }, 1);

    const result = migration(await call('migrate-flex-flow', flow.sid));

    expect(result.outcome).toBe('needs_attention');
    const [left] = addressesFor(identity);
    expect(left).toBeDefined();
    expect(result.address?.sid).toBe(left.sid);
    expect(result.message).toContain(left.sid);
    expect(result.message).toMatch(/delete one of them by hand/);
    expect(result.steps.at(-1)).toMatchObject({ step: 'undo_create_address', status: 'failed' });
    expect(account().flexFlows.find(flow.sid)).toBeDefined();
  });

  test('a failure creating the address changes nothing', async () => {
    const flow = smsStudioFlow();
    const before = JSON.stringify(account().addresses.all());
    t.faults({ rate500: 1, products: ['conversations'], methods: ['POST'] }, 1);

    const result = migration(await call('migrate-flex-flow', flow.sid));

    expect(result.outcome).toBe('unchanged');
    expect(result.steps).toHaveLength(1);
    expect(JSON.stringify(account().addresses.all())).toBe(before);
    expect(account().flexFlows.find(flow.sid)).toBeDefined();
  });

  test('a flow that cannot be migrated automatically answers 409 with why and what to do, and nothing is sent', async () => {
    const custom = flexFlow((f) => f.channel_type === 'custom', 'custom Flex Flow');
    t.clearLog();
    const response = await call('migrate-flex-flow', custom.sid);
    expect(response.status).toBe(409);
    const { error } = response.body as { error: { code: string; message: string } };
    expect(error.code).toBe('not_migratable');
    expect(error.message).toMatch(/custom Flex Flow cannot become an address.*Interactions API/);
    // Nothing on the account: the only write is the refusal's change-history entry (Sync).
    const writes = t.log().filter((entry) => entry.method !== 'GET' && entry.product !== 'iam');
    expect(writes.filter((entry) => entry.product !== 'sync')).toEqual([]);
  });

  test('an unknown Flex Flow is a 404; a malformed SID a 400 that names the field', async () => {
    expect((await call('migrate-flex-flow', `FO${'0'.repeat(32)}`)).status).toBe(404);
    const bad = await call('migrate-flex-flow', 'IG123');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { fields: { sid: 'Not a Flex Flow SID (FO…).' } } });
  });
});

test('migrate-flex-flow moves the web flow to a chat address and the Facebook flow to a Messenger address', async () => {
  for (const [channel, type, address] of [
    ['web', 'chat', 'flex-web-channel-flow'],
    ['facebook', 'messenger', 'messenger:108811223344556'],
  ] as const) {
    const flow = flexFlow((f) => f.channel_type === channel, `${channel} Flex Flow`);
    const response = await call('migrate-flex-flow', flow.sid);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ outcome: 'migrated', address: { type, address } });
    expect(account().findAddress(address)).toMatchObject({
      type,
      auto_creation: {
        enabled: true,
        type: 'studio',
        studio_flow_sid: (flow.integration as { flow_sid?: string }).flow_sid,
      },
    });
    expect(
      account()
        .flexFlows.all()
        .some((f) => f.sid === flow.sid),
    ).toBe(false);
  }
});

describe('delete-flex-flow', () => {
  test('deletes exactly that Flex Flow', async () => {
    const flow = smsStudioFlow();
    const others = account()
      .flexFlows.all()
      .filter((f) => f.sid !== flow.sid);
    const response = await call('delete-flex-flow', flow.sid);
    expect(response).toMatchObject({ status: 200, body: { deleted: flow.sid } });
    expect(account().flexFlows.all()).toEqual(others);
  });

  test('an unknown Flex Flow is a 404 and nothing else changes', async () => {
    const before = account().flexFlows.size;
    expect((await call('delete-flex-flow', `FO${'f'.repeat(32)}`)).status).toBe(404);
    expect(account().flexFlows.size).toBe(before);
  });
});
