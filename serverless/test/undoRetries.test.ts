/**
 * One retry owner per path (issue #24), for the undo steps: a 429 is retried by the Twilio client
 * alone (its first attempt and three retries), not again by the undo step around it, which sends
 * a write again only while its outcome is unknown (lostAnswers.test.ts). And a revert that stops
 * after its first step is not answered 429, which the plugin would send again.
 */
import type { FlexFlow } from '../../sandbox/server/state';
import type { HistoryEntry, MigrateFlexFlowResponse, Page } from '../../src/contract/types';
import { setUpBackend } from './harness';

const t = setUpBackend();
beforeEach(() => t.reset());

const account = () => t.sandbox.account;
const ADDRESSES = '/v1/Configuration/Addresses';
/** The Twilio client's first attempt and its three retries (DEFAULT_RETRY_POLICY). */
const CLIENT_ATTEMPTS = 4;

const smsStudioFlow = (): FlexFlow => {
  const found = account()
    .flexFlows.all()
    .find((f) => f.channel_type === 'sms' && f.integration_type === 'studio');
  if (!found) throw new Error('the demo account has no SMS Flex Flow with Studio');
  return found;
};
const addressesFor = (address: string) =>
  account()
    .addresses.all()
    .filter((a) => a.address === address);
const deletesOf = (prefix: string) => t.log().filter((e) => e.method === 'DELETE' && e.path.startsWith(prefix));

test('a migration whose undo is rate-limited throughout: each DELETE is sent at most as often as the client retries', async () => {
  const flow = smsStudioFlow();
  // Every DELETE answers 429: the Flex Flow cannot be deleted, so the new address is undone — and
  // that cannot be done either.
  t.faults({ rate429: 1, retryAfterSeconds: 0, methods: ['DELETE'] }, 1);
  const response = await t.callFunction('migrate-flex-flow', {
    token: t.tokens.supervisor(),
    payload: { sid: flow.sid },
  });
  expect(response.status).toBe(200);
  const result = response.body as MigrateFlexFlowResponse;
  expect(result.outcome).toBe('needs_attention');
  expect(result.steps.at(-1)).toMatchObject({ step: 'undo_create_address', status: 'failed' });
  expect(deletesOf('/v1/FlexFlows/')).toHaveLength(CLIENT_ATTEMPTS);
  // Before #24 the undo step retried the client's final 429 twice more: 3 × 4 = 12 DELETEs.
  expect(deletesOf(`${ADDRESSES}/`)).toHaveLength(CLIENT_ATTEMPTS);
  expect(deletesOf(`${ADDRESSES}/`).every((e) => e.status === 429)).toBe(true);
});

test('a revert of a migration whose address cannot be removed: 4 DELETEs, one Flex Flow back, and an answer nobody sends again', async () => {
  const token = t.tokens.supervisor();
  const flow = smsStudioFlow();
  const identity = String(flow.contact_identity);
  const migrated = await t.callFunction('migrate-flex-flow', { token, payload: { sid: flow.sid } });
  expect((migrated.body as MigrateFlexFlowResponse).outcome).toBe('migrated');
  const [placed] = addressesFor(identity);

  t.faults({ rate429: 1, retryAfterSeconds: 0, methods: ['DELETE'], pathIncludes: ADDRESSES }, 1);
  t.clearLog();
  const response = await t.callFunction('revert-change', { token, payload: { id: '0' } });
  // The Flex Flow is back, so this is not "Twilio acted on nothing": not a 429, which the
  // plugin's client would send again (each time making one more Flex Flow).
  expect(response.status).toBe(502);
  const { code, message } = (response.body as { error: { code: string; message: string } }).error;
  expect(code).toBe('revert_incomplete');
  expect(message).toContain(placed.sid);
  expect(message).toMatch(/is back/);
  expect(deletesOf(`${ADDRESSES}/`)).toHaveLength(CLIENT_ATTEMPTS);
  expect(
    account()
      .flexFlows.all()
      .filter((f) => f.contact_identity === flow.contact_identity),
  ).toHaveLength(1);
  expect(addressesFor(identity)).toHaveLength(1);

  // The half-way revert is in the history as what it is: failed, with the flow that came back.
  t.faults({}, 1);
  const listed = await t.callFunction('list-history', { token, payload: {} });
  const [revert] = (listed.body as Page<HistoryEntry>).items;
  expect(revert).toMatchObject({
    kind: 'revert',
    revertOf: '0',
    outcome: 'failed',
    before: { address: { sid: placed.sid } },
    after: { flexFlow: { contactIdentity: flow.contact_identity } },
  });
  expect(revert.error).toBe(message);
});
