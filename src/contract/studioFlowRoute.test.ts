import { studioConversationRoute } from './studioFlowRoute';

const trigger = (transitions: { event: string; next?: string }[]) => ({
  name: 'Trigger',
  type: 'trigger',
  transitions,
});
const widget = (name: string, type: string, next: string[] = []) => ({
  name,
  type,
  transitions: next.map((to, i) => ({ event: i === 0 ? 'success' : 'failed', next: to })),
});

test('Incoming Conversation straight to Send to Flex: sends to Flex (as text too)', () => {
  const definition = {
    states: [
      trigger([{ event: 'incomingConversationMessage', next: 'SendToFlex' }]),
      widget('SendToFlex', 'send-to-flex'),
    ],
  };
  expect(studioConversationRoute(definition)).toBe('sends-to-flex');
  expect(studioConversationRoute(JSON.stringify(definition))).toBe('sends-to-flex');
});

test('through other widgets and a branch, with a loop, to Send to Flex', () => {
  const definition = {
    states: [
      trigger([{ event: 'incomingConversationMessage', next: 'Greet' }]),
      widget('Greet', 'send-and-wait-for-reply', ['Split', 'Greet']),
      widget('Split', 'split-based-on', ['Bye', 'Agent']),
      widget('Bye', 'send-message'),
      widget('Agent', 'send-to-flex'),
    ],
  };
  expect(studioConversationRoute(definition)).toBe('sends-to-flex');
});

test('a voice-only flow (Incoming Call only, even with Send to Flex) has no conversation trigger', () => {
  const definition = {
    states: [
      trigger([{ event: 'incomingCall', next: 'Flex' }, { event: 'incomingConversationMessage' }]),
      widget('Flex', 'send-to-flex'),
    ],
  };
  expect(studioConversationRoute(definition)).toBe('no-conversation-trigger');
});

test('a conversation path that never reaches Send to Flex', () => {
  const definition = {
    states: [
      trigger([
        { event: 'incomingConversationMessage', next: 'Reply' },
        { event: 'incomingCall', next: 'Flex' },
      ]),
      widget('Reply', 'send-message', ['Missing']),
      widget('Flex', 'send-to-flex'),
    ],
  };
  expect(studioConversationRoute(definition)).toBe('no-send-to-flex');
});

test.each([[null], [undefined], ['not json'], [{ states: 'x' }], [42]])('%p cannot be read: unknown', (definition) => {
  expect(studioConversationRoute(definition)).toBe('unknown');
});
