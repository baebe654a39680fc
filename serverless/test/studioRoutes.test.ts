import type { StudioFlowSummary } from '../../src/contract/types';
import { listAll, setUpBackend } from './harness';

const t = setUpBackend();

const byName = (items: StudioFlowSummary[]) => new Map(items.map((flow) => [flow.friendlyName, flow]));

describe('list-studio-flows reads whether each published flow hands a new conversation to Flex', () => {
  test("from the flows' definitions: Flex's own flows do, a call-only flow and a reply-only one do not", async () => {
    t.reset({ studioFlows: 5 });
    const { items } = await listAll<StudioFlowSummary>(t, 'list-studio-flows', t.tokens.supervisor());
    const flows = byName(items);
    expect(flows.get('Messaging Flow')?.conversationRoute).toBe('sends-to-flex');
    expect(flows.get('Chat Flow')?.conversationRoute).toBe('sends-to-flex');
    expect(flows.get('Voice IVR')?.conversationRoute).toBe('no-conversation-trigger');
    // A draft does not run: not read.
    expect(flows.get('After Hours Messaging')).toMatchObject({ status: 'draft', conversationRoute: 'unknown' });
    // Twilio's list leaves the definition out: one fetch per published flow.
    const fetches = t.log().filter((r) => r.method === 'GET' && /^\/v2\/Flows\/FW/.test(r.path));
    expect(fetches).toHaveLength(items.filter((flow) => flow.status === 'published').length);
  });

  test('a flow whose definition changed to reach no Send to Flex is read as such', async () => {
    t.reset({ studioFlows: 1 });
    const [flow] = t.sandbox.account.studioFlows.all();
    flow.definition = {
      states: [
        { name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingConversationMessage', next: 'Reply' }] },
        { name: 'Reply', type: 'send-message', transitions: [{ event: 'sent' }] },
      ],
    };
    const { items } = await listAll<StudioFlowSummary>(t, 'list-studio-flows', t.tokens.supervisor());
    expect(items.find((f) => f.sid === flow.sid)?.conversationRoute).toBe('no-send-to-flex');
  });

  test('when Studio cannot answer for a flow, the list still answers and says unknown for it', async () => {
    t.reset({ studioFlows: 5 });
    t.faults({ rate500: 1, products: ['studio'], methods: ['GET'], pathIncludes: '/v2/Flows/FW' }, 3);
    const response = await t.callFunction('list-studio-flows', { token: t.tokens.supervisor() });
    expect(response.status).toBe(200);
    const items = (response.body as { items: StudioFlowSummary[] }).items;
    const published = items.filter((flow) => flow.status === 'published');
    expect(published.length).toBeGreaterThan(0);
    expect(new Set(published.map((flow) => flow.conversationRoute))).toEqual(new Set(['unknown']));
  });
});
