/**
 * Whether a Studio flow hands a new conversation to Flex, read from its definition (Studio's flow
 * JSON: `states`, each with a `type` and `transitions` of `{ event, next }`). A conversation starts
 * a flow at its Trigger widget (type `trigger`) by the `incomingConversationMessage` event
 * ("Incoming Conversation" in the Studio editor); a Flex task is made by a Send to Flex widget
 * (type `send-to-flex`). The flow hands conversations to Flex when that event leads, through any
 * widgets, to a Send to Flex widget. Shared by the backend (list-studio-flows) and the sandbox.
 * What it relies on is in docs/EVIDENCE.md ("Studio flow definitions").
 */

/** A flow's answer for conversations; `unknown` when its definition could not be read. */
export type StudioConversationRoute = 'sends-to-flex' | 'no-conversation-trigger' | 'no-send-to-flex' | 'unknown';

export const TRIGGER_WIDGET = 'trigger';
export const CONVERSATION_TRIGGER_EVENT = 'incomingConversationMessage';
export const SEND_TO_FLEX_WIDGET = 'send-to-flex';

interface FlowState {
  name: string;
  type: string;
  next: string[];
}

function statesOf(parsed: unknown): FlowState[] | null {
  const states = (parsed as { states?: unknown } | null)?.states;
  if (!Array.isArray(states)) return null;
  return states.flatMap((state): FlowState[] => {
    const { name, type, transitions } = (state ?? {}) as { name?: unknown; type?: unknown; transitions?: unknown };
    if (typeof name !== 'string' || typeof type !== 'string') return [];
    const next = Array.isArray(transitions)
      ? transitions.flatMap((t) => {
          const to = (t as { next?: unknown } | null)?.next;
          return typeof to === 'string' && to ? [to] : [];
        })
      : [];
    return [{ name, type, next }];
  });
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Where the Trigger's `incomingConversationMessage` transitions go (none: no conversation trigger). */
function conversationStarts(parsed: unknown): string[] | null {
  const states = (parsed as { states?: unknown } | null)?.states;
  if (!Array.isArray(states)) return null;
  const trigger = states.find((state) => (state as { type?: unknown } | null)?.type === TRIGGER_WIDGET) as
    { transitions?: unknown } | undefined;
  const transitions = Array.isArray(trigger?.transitions) ? trigger.transitions : [];
  return transitions.flatMap((t) => {
    const { event, next } = (t ?? {}) as { event?: unknown; next?: unknown };
    return event === CONVERSATION_TRIGGER_EVENT && typeof next === 'string' && next ? [next] : [];
  });
}

/** The flow's route for a new conversation, from its definition (object or JSON text). */
export function studioConversationRoute(definition: unknown): StudioConversationRoute {
  const parsed = typeof definition === 'string' ? safeParse(definition) : definition;
  const states = statesOf(parsed);
  const starts = conversationStarts(parsed);
  if (!states || !starts) return 'unknown';
  if (starts.length === 0) return 'no-conversation-trigger';
  const byName = new Map(states.map((state) => [state.name, state]));
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const state = byName.get(name);
    if (!state) continue;
    if (state.type === SEND_TO_FLEX_WIDGET) return 'sends-to-flex';
    queue.push(...state.next);
  }
  return 'no-send-to-flex';
}
