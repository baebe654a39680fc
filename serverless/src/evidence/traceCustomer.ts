import { customerKindOf } from '../../../src/contract/channels';
import {
  TRACE_CONVERSATIONS_MAX,
  TRACE_MESSAGES_MAX,
  type TraceConversation,
  type TraceCustomerRequest,
  type TraceCustomerResponse,
  type TraceMessage,
  type TraceTask,
  type TraceVerdict,
} from '../../../src/contract/types';
import type { TwilioClient } from '../twilio/clientFactory';
import { conversationTasks } from './conversationTasks';
import { inGroups } from './inGroups';

/** Tasks read per conversation: a conversation has one per Interaction invite, rarely more. */
const TASKS_PER_CONVERSATION = 10;
/** Conversation services read (an account has a few: Flex's, the default, one per other app). */
const SERVICES_READ = 10;
/** A customer's conversations read per service (Twilio lists them by SID, not by date). */
const PARTICIPATIONS_READ = 100;
/** Conversations whose tasks (or services whose conversations) are read at once: one request each. */
const TASK_LOOKUPS_AT_ONCE = 4;

const iso = (date: Date | null | undefined): string | null =>
  date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;

const newestFirst =
  <T>(at: (item: T) => string | null) =>
  (a: T, b: T) =>
    (at(b) ?? '').localeCompare(at(a) ?? '');

/**
 * Programmable Messaging's Messages from and to the customer (SMS and WhatsApp only: Messenger,
 * email and chat messages are not Messages resources), optionally only through `ourAddress`.
 */
async function messagesOf(
  client: TwilioClient,
  customer: string,
  ourAddress: string | undefined,
): Promise<{ messages: TraceMessage[]; truncated: boolean }> {
  const page = { limit: TRACE_MESSAGES_MAX + 1, pageSize: TRACE_MESSAGES_MAX + 1 };
  const [received, sent] = await Promise.all([
    client.messages.list({ from: customer, ...(ourAddress ? { to: ourAddress } : {}), ...page }),
    client.messages.list({ to: customer, ...(ourAddress ? { from: ourAddress } : {}), ...page }),
  ]);
  const all = [...received, ...sent]
    .map((m): TraceMessage => ({
      sid: m.sid,
      direction: m.direction === 'inbound' ? 'inbound' : 'outbound',
      from: m.from,
      to: m.to,
      status: m.status,
      at: iso(m.dateSent ?? m.dateCreated),
    }))
    .sort(newestFirst((m) => m.at));
  return { messages: all.slice(0, TRACE_MESSAGES_MAX), truncated: all.length > TRACE_MESSAGES_MAX };
}

/** The conversation's tasks in Flex's workspace, by the `conversationSid` attribute Flex gives them. */
async function tasksOf(client: TwilioClient, workspaceSid: string, conversationSid: string): Promise<TraceTask[]> {
  const tasks = await conversationTasks(client, workspaceSid, conversationSid, TASKS_PER_CONVERSATION);
  return tasks
    .map((task): TraceTask => ({
      sid: task.sid,
      status: task.assignmentStatus,
      queue: task.taskQueueFriendlyName || null,
      createdAt: iso(task.dateCreated),
      updatedAt: iso(task.dateUpdated),
    }))
    .sort(newestFirst((t) => t.createdAt));
}

/** Where a conversation leaves its customer, from its state, its service and its tasks (contract: TraceVerdict). */
export function verdictOf(state: string, flexService: boolean, tasks: readonly TraceTask[]): TraceVerdict {
  if (state === 'closed') return 'closed';
  if (!flexService) return 'other-service';
  if (tasks.length === 0) return 'no-task';
  if (tasks.some((t) => t.status === 'assigned' || t.status === 'wrapping')) return 'with-agent';
  if (tasks.some((t) => t.status === 'pending' || t.status === 'reserved')) return 'waiting-for-agent';
  return 'task-ended-still-open';
}

const STATES = new Set(['active', 'inactive', 'closed']);

/**
 * What Twilio holds of one customer's recent messages (contract: TraceCustomerResponse). At most
 * 4 + SERVICES_READ + TRACE_CONVERSATIONS_MAX Twilio requests: the Flex configuration, two Messages
 * lists, the conversation services, the customer's conversations in each, and one Tasks list per
 * open conversation in Flex's service.
 */
export async function traceCustomer(
  client: TwilioClient,
  request: TraceCustomerRequest,
): Promise<TraceCustomerResponse> {
  const { customer, ourAddress } = request;
  const kind = customerKindOf(customer);
  const byMessages = kind === 'sms' || kind === 'whatsapp';
  const who = kind === 'chat' ? { identity: customer } : { address: customer };
  const [flex, messages, services] = await Promise.all([
    client.flexApi.v1.configuration().fetch(),
    byMessages ? messagesOf(client, customer, ourAddress) : Promise.resolve({ messages: [], truncated: false }),
    client.conversations.v1.services.list({ limit: SERVICES_READ + 1, pageSize: SERVICES_READ + 1 }),
  ]);
  // The root ParticipantConversations covers the default service only (Twilio's description of
  // it): a conversation a misrouted address put in another service is found through that service.
  const perService = await inGroups(services.slice(0, SERVICES_READ), TASK_LOOKUPS_AT_ONCE, (service) =>
    client.conversations.v1
      .services(service.sid)
      .participantConversations.list({ ...who, limit: PARTICIPATIONS_READ, pageSize: PARTICIPATIONS_READ }),
  );
  const participations = perService.flat();
  const unread = services.length > SERVICES_READ || perService.some((list) => list.length >= PARTICIPATIONS_READ);
  const flexServiceSid = flex.flexServiceInstanceSid || null;
  const workspaceSid = flex.taskrouterWorkspaceSid || null;
  const proxyOf = (binding: unknown): string | null => {
    const proxy = (binding as { proxy_address?: unknown } | null)?.proxy_address;
    return typeof proxy === 'string' && proxy !== '' ? proxy : null;
  };
  const mine = participations
    .filter((p) => !ourAddress || proxyOf(p.participantMessagingBinding) === ourAddress)
    .sort(newestFirst((p) => iso(p.conversationDateCreated)));
  const read = mine.slice(0, TRACE_CONVERSATIONS_MAX);
  const conversations = await inGroups(read, TASK_LOOKUPS_AT_ONCE, async (p): Promise<TraceConversation> => {
    const flexService = flexServiceSid !== null && p.chatServiceSid === flexServiceSid;
    const state = STATES.has(p.conversationState) ? (p.conversationState as TraceConversation['state']) : 'active';
    // A task can only be Flex's for a conversation in Flex's service; a closed one needs no look.
    const tasks =
      flexService && workspaceSid && state !== 'closed' ? await tasksOf(client, workspaceSid, p.conversationSid) : [];
    return {
      sid: p.conversationSid,
      friendlyName: p.conversationFriendlyName || null,
      serviceSid: p.chatServiceSid,
      flexService,
      state,
      createdAt: iso(p.conversationDateCreated),
      updatedAt: iso(p.conversationDateUpdated),
      ourAddress: proxyOf(p.participantMessagingBinding),
      tasks,
      verdict: verdictOf(state, flexService, tasks),
    };
  });
  const open = conversations.find((c) => c.state !== 'closed');
  return {
    customer: { address: customer, kind },
    messages: messages.messages,
    conversations,
    stoppedAt: open
      ? { at: 'conversation', conversationSid: open.sid, verdict: open.verdict, inferred: true }
      : {
          at: 'no-conversation',
          inferred: true,
          messagesSeen: messages.messages.some((m) => m.direction === 'inbound'),
        },
    truncated: messages.truncated || unread || mine.length > read.length,
  };
}
