import type {
  CloseConversationRequest,
  CloseConversationResponse,
  ConversationState,
  Recorded,
} from '../../../src/contract/types';
import { BackendError } from '../http/backendError';
import type { FunctionDeps } from '../http/flexFunction';
import { recordChange, unrecordedRefusal, type ChangeDone } from '../history/recordChange';
import { conversationResource } from '../history/resources';
import type { TwilioClient } from '../twilio/clientFactory';
import { conversationTasks, OPEN_TASK_STATUSES } from './conversationTasks';
import { customerOfParticipants } from './customerOfParticipants';

/** The conversation in its own service: Twilio's root Conversations path reaches the default service's only. */
const conversationIn = (client: TwilioClient, { sid, serviceSid }: CloseConversationRequest) =>
  client.conversations.v1.services(serviceSid).conversations(sid);

/** Tasks read to find an open one: a conversation has one per Interaction invite, rarely more. */
const TASKS_READ = 20;
/** Participants read to name the customer: a customer's conversation has a few. */
const PARTICIPANTS_READ = 20;

const STATES = new Set<string>(['active', 'inactive', 'closed']);

/** The conversation's state, its service and who is in it: the customer's binding (or chat identity) and ours. */
async function conversationStateOf(conversation: ReturnType<typeof conversationIn>): Promise<ConversationState> {
  const [fetched, participants] = await Promise.all([
    conversation.fetch(),
    conversation.participants.list({ limit: PARTICIPANTS_READ, pageSize: PARTICIPANTS_READ }),
  ]);
  const { customer, ourAddress } = customerOfParticipants(participants);
  return {
    state: STATES.has(fetched.state) ? (fetched.state as ConversationState['state']) : 'active',
    serviceSid: fetched.chatServiceSid,
    customer,
    ourAddress,
  };
}

/**
 * Refuses while a task of the conversation is still open (an agent may be working on it): only a
 * conversation whose task is over, or never came, holds a customer away from an agent.
 */
async function refuseWhileTaskOpen(client: TwilioClient, sid: string): Promise<void> {
  const workspaceSid = (await client.flexApi.v1.configuration().fetch()).taskrouterWorkspaceSid;
  if (!workspaceSid) return;
  const open = (await conversationTasks(client, workspaceSid, sid, TASKS_READ)).find((task) =>
    OPEN_TASK_STATUSES.has(task.assignmentStatus),
  );
  if (open) {
    throw new BackendError(409, 'conversation_task_open', {
      key: 'MessagingSetupRefusalConversationTaskOpen',
      values: { sid, task: open.sid, status: open.assignmentStatus },
    });
  }
}

/**
 * Closes a customer's conversation and records it. Closed is final in Twilio (error 50377: a closed
 * conversation cannot be updated), which frees the customer's binding, so their next message
 * starts a new conversation that auto-creation hands to Flex. One already closed is answered as
 * such and not recorded again; after an unknown outcome the backend looks before it answers.
 */
export function closeConversation(
  deps: FunctionDeps,
  request: CloseConversationRequest,
): Promise<Recorded<CloseConversationResponse>> {
  const { client } = deps;
  const { sid } = request;
  const conversation = conversationIn(client, request);
  const closedNow = (before: ConversationState): ChangeDone<CloseConversationResponse> => ({
    result: { conversationSid: sid, previousState: before.state, state: 'closed' },
    after: { conversation: { ...before, state: 'closed' } },
  });
  return recordChange(
    deps,
    {
      kind: 'close-conversation',
      resource: conversationResource(sid, null),
      check: async () => {
        try {
          await refuseWhileTaskOpen(client, sid);
        } catch (error) {
          // Nothing was tried: not a failed close in the history.
          throw error instanceof BackendError ? unrecordedRefusal(error) : error;
        }
      },
      look: async (tracked) => {
        const before = tracked.before !== null && 'conversation' in tracked.before ? tracked.before : undefined;
        if (!before) throw new Error('cannot tell');
        const now = (await conversation.fetch()).state;
        return now === 'closed' ? { applied: true, done: closedNow(before.conversation) } : { applied: false };
      },
    },
    async (tracked) => {
      const before = await conversationStateOf(conversation);
      tracked.resource = conversationResource(sid, before.customer);
      tracked.before = { conversation: before };
      if (before.state === 'closed') {
        return {
          ...closedNow(before),
          result: { conversationSid: sid, previousState: 'closed', state: 'closed' },
          unrecorded: { key: 'MessagingSetupRefusalAlreadyClosed', values: { sid } },
        };
      }
      await conversation.update({ state: 'closed' });
      return closedNow(before);
    },
  );
}
