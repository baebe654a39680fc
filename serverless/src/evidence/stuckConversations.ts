import {
  STUCK_CONVERSATIONS_MAX,
  type ListStuckConversationsResponse,
  type StuckConversation,
} from '../../../src/contract/types';
import type { TwilioClient } from '../twilio/clientFactory';
import { customerOfParticipants } from './customerOfParticipants';
import { inGroups } from './inGroups';

/** Open conversations read per service and state (Twilio lists them oldest first: the longest stuck come first). */
const STUCK_SCAN_MAX = 1000;
/** Open tasks read to know which conversations an agent has or will have. */
const OPEN_TASKS_MAX = 5000;
/** Participant lists read at once (one request each, for the customer and our address). */
const PARTICIPANTS_AT_ONCE = 4;
/** Participant lists read at most per call: the call's time budget at 100 ms a request. */
const PARTICIPANT_READS_MAX = 100;

const OPEN = ['active', 'inactive'] as const;

/** The conversation SIDs that have an open task (pending, reserved, assigned, wrapping) in Flex's workspace. */
async function conversationsWithOpenTask(client: TwilioClient, workspaceSid: string): Promise<Set<string>> {
  const tasks = await client.taskrouter.v1.workspaces(workspaceSid).tasks.list({
    assignmentStatus: ['pending', 'reserved', 'assigned', 'wrapping'],
    limit: OPEN_TASKS_MAX,
    pageSize: 1000,
  });
  const sids = new Set<string>();
  for (const task of tasks) {
    try {
      const attributes = JSON.parse(task.attributes) as { conversationSid?: unknown };
      if (typeof attributes.conversationSid === 'string') sids.add(attributes.conversationSid);
    } catch {
      // Attributes that are not JSON name no conversation.
    }
  }
  return sids;
}

const iso = (date: Date | null | undefined): string | null =>
  date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;

/**
 * The open conversations that hold a customer away from an agent (contract:
 * ListStuckConversationsResponse): in Flex's service, those without an open task; in every other
 * service, those a customer is in through a messaging binding (what a misrouted address leaves).
 * Requests: the Flex configuration, the services, the open tasks, each service's open
 * conversations (two states), and one participant list per conversation shown.
 */
export async function stuckConversations(client: TwilioClient): Promise<ListStuckConversationsResponse> {
  const [flex, services] = await Promise.all([
    client.flexApi.v1.configuration().fetch(),
    client.conversations.v1.services.list({ limit: 20, pageSize: 20 }),
  ]);
  const flexServiceSid = flex.flexServiceInstanceSid || null;
  const [withTask, perService] = await Promise.all([
    flex.taskrouterWorkspaceSid
      ? conversationsWithOpenTask(client, flex.taskrouterWorkspaceSid)
      : Promise.resolve(new Set<string>()),
    inGroups(services, PARTICIPANTS_AT_ONCE, async (service) => {
      const lists = await Promise.all(
        OPEN.map((state) =>
          client.conversations.v1
            .services(service.sid)
            .conversations.list({ state, limit: STUCK_SCAN_MAX, pageSize: 100 }),
        ),
      );
      return { service: service.sid, conversations: lists.flat(), full: lists.some((l) => l.length >= STUCK_SCAN_MAX) };
    }),
  ]);
  const candidates = perService
    .flatMap(({ service, conversations }) =>
      conversations
        .filter((c) => service !== flexServiceSid || !withTask.has(c.sid))
        .map((conversation) => ({ conversation, service, flexService: service === flexServiceSid })),
    )
    .sort((a, b) => (iso(b.conversation.dateUpdated) ?? '').localeCompare(iso(a.conversation.dateUpdated) ?? ''));
  // Who is in them, newest first, until the list is full or the reads run out: a Flex-service
  // one is stuck whoever is in it; another service's only with a customer's binding.
  const items: StuckConversation[] = [];
  let read = 0;
  while (read < candidates.length && read < PARTICIPANT_READS_MAX && items.length < STUCK_CONVERSATIONS_MAX) {
    const group = candidates.slice(read, read + PARTICIPANTS_AT_ONCE);
    read += group.length;
    const described = await Promise.all(group.map((candidate) => describe(client, candidate)));
    items.push(...described.filter((item): item is StuckConversation => item !== null));
  }
  const unread = candidates.slice(read);
  const otherUnread = unread.filter((c) => !c.flexService).length;
  const flexUnread = unread.length - otherUnread;
  return {
    items: items.slice(0, STUCK_CONVERSATIONS_MAX),
    // Exact for Flex's service (stuck whoever is in them); another service's, as far as read.
    count: items.length + flexUnread,
    truncated: perService.some((s) => s.full) || otherUnread > 0,
  };
}

interface Candidate {
  conversation: { sid: string; state: string; dateCreated: Date; dateUpdated: Date };
  service: string;
  flexService: boolean;
}

/** A candidate with its customer and our address; null for another service's with no customer binding. */
async function describe(client: TwilioClient, { conversation, service, flexService }: Candidate) {
  const participants = await client.conversations.v1
    .services(service)
    .conversations(conversation.sid)
    .participants.list({ limit: 20, pageSize: 20 });
  const { customer, ourAddress, bound } = customerOfParticipants(participants);
  if (!flexService && !bound) return null;
  const item: StuckConversation = {
    sid: conversation.sid,
    serviceSid: service,
    flexService,
    state: conversation.state === 'inactive' ? 'inactive' : 'active',
    createdAt: iso(conversation.dateCreated),
    updatedAt: iso(conversation.dateUpdated),
    customer,
    ourAddress,
    verdict: flexService ? 'no-open-task' : 'other-service',
  };
  return item;
}
