/**
 * Studio flow definitions for the generated account, in the shape Studio's flow JSON has (states
 * with `type` and `transitions`; contract/studioFlowRoute.ts reads them): the flows Flex gives every
 * account hand a new conversation to Flex; "Voice IVR" answers calls only; "After Hours Messaging"
 * replies and ends without Flex.
 */
const trigger = (transitions: { event: string; next?: string }[]) => ({
  name: 'Trigger',
  type: 'trigger',
  transitions: [
    { event: 'incomingMessage' },
    { event: 'incomingCall' },
    { event: 'incomingConversationMessage' },
    { event: 'incomingRequest' },
    { event: 'incomingParent' },
  ].map((t) => transitions.find((given) => given.event === t.event) ?? t),
  properties: { offset: { x: 0, y: 0 } },
});

const sendToFlex = (name: string) => ({
  name,
  type: 'send-to-flex',
  transitions: [{ event: 'callComplete' }, { event: 'failedToEnqueue' }, { event: 'callFailure' }],
  properties: { offset: { x: 0, y: 200 }, attributes: '{"name": "{{trigger.conversation.ChannelAttributes.from}}"}' },
});

/** Incoming Conversation → Send to Flex, as Flex's own "Messaging Flow" and "Chat Flow" do. */
export const SENDS_TO_FLEX = {
  description: 'Hands each new conversation to Flex',
  states: [
    trigger([{ event: 'incomingConversationMessage', next: 'SendConversationToAgent' }]),
    sendToFlex('SendConversationToAgent'),
  ],
  initial_state: 'Trigger',
  flags: { allow_concurrent_calls: true },
};

/** Incoming Call only: a call menu, and Send to Flex for calls; nothing for conversations. */
export const VOICE_ONLY = {
  description: 'A call menu',
  states: [
    trigger([{ event: 'incomingCall', next: 'Menu' }]),
    {
      name: 'Menu',
      type: 'gather-input-on-call',
      transitions: [{ event: 'keypress', next: 'SendCallToAgent' }, { event: 'speech' }, { event: 'timeout' }],
      properties: { offset: { x: 0, y: 200 }, say: 'Press 1 for sales.' },
    },
    sendToFlex('SendCallToAgent'),
  ],
  initial_state: 'Trigger',
  flags: { allow_concurrent_calls: true },
};

/** Incoming Conversation → a reply, and the flow ends: no agent sees it. */
export const REPLIES_ONLY = {
  description: 'An after-hours reply',
  states: [
    trigger([{ event: 'incomingConversationMessage', next: 'AfterHoursReply' }]),
    {
      name: 'AfterHoursReply',
      type: 'send-message',
      transitions: [{ event: 'sent' }, { event: 'failed' }],
      properties: { offset: { x: 0, y: 200 }, body: 'We are closed; we will answer in the morning.' },
    },
  ],
  initial_state: 'Trigger',
  flags: { allow_concurrent_calls: true },
};
