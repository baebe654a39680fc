import type {
  TraceConversation,
  TraceCustomerKind,
  TraceCustomerResponse,
  TraceTask,
  TraceVerdict,
} from '../../../../contract/types';
import { conversationStateText as stateText, formatWhen } from '../../state/historyText';

export { stateText };
import { relativeAge } from '../../state/relativeTime';
import { fill, type MessagingSetupStringKey, type MessagingSetupStrings } from '../../strings';

/*
 * The trace's codes in the view's words: what the backend observed (states, statuses, dates) and
 * what it inferred (verdicts), each through the strings so an account can reword them.
 */

export type TraceTone = 'error' | 'warning' | 'neutral';

const KIND_KEY: Record<TraceCustomerKind, MessagingSetupStringKey> = {
  sms: 'MessagingSetupTraceKindSms',
  whatsapp: 'MessagingSetupTraceKindWhatsapp',
  messenger: 'MessagingSetupTraceKindMessenger',
  email: 'MessagingSetupTraceKindEmail',
  chat: 'MessagingSetupTraceKindChat',
};
export const kindText = (kind: TraceCustomerKind, strings: MessagingSetupStrings) => strings[KIND_KEY[kind]] ?? kind;

/** Whether Twilio's message log (Programmable Messaging's Messages) holds this channel's messages. */
export const hasMessageLog = (kind: TraceCustomerKind) => kind === 'sms' || kind === 'whatsapp';

const VERDICT: Record<TraceVerdict, { key: MessagingSetupStringKey; tone: TraceTone }> = {
  'with-agent': { key: 'MessagingSetupTraceVerdictWithAgent', tone: 'neutral' },
  'waiting-for-agent': { key: 'MessagingSetupTraceVerdictWaiting', tone: 'neutral' },
  'task-ended-still-open': { key: 'MessagingSetupTraceVerdictTaskEnded', tone: 'error' },
  'no-task': { key: 'MessagingSetupTraceVerdictNoTask', tone: 'error' },
  'other-service': { key: 'MessagingSetupTraceVerdictOtherService', tone: 'error' },
  closed: { key: 'MessagingSetupTraceVerdictClosed', tone: 'neutral' },
};
/** A conversation's verdict in a few words, and how grave it is. */
export const verdictLabel = (verdict: TraceVerdict, strings: MessagingSetupStrings) => ({
  text: strings[VERDICT[verdict].key] ?? verdict,
  tone: VERDICT[verdict].tone,
});

/** When a date was: relative, with the local date and time; or "at an unknown time". */
export function whenText(iso: string | null, strings: MessagingSetupStrings, now: number): string {
  const age = relativeAge(iso, now);
  return age && iso
    ? fill(strings.MessagingSetupTraceWhen, { age, local: formatWhen(iso) })
    : strings.MessagingSetupTraceWhenUnknown;
}

/** How long ago, alone ("3 days ago"), for a sentence; or "at an unknown time". */
const ageText = (iso: string | null, strings: MessagingSetupStrings, now: number) =>
  relativeAge(iso, now) ?? strings.MessagingSetupTraceWhenUnknown;

/** When a task last changed: its end, for one that is over. */
const endOf = (task: TraceTask) => task.updatedAt ?? task.createdAt;

/** A task's status as a supervisor says it. */
export function taskText(task: TraceTask, strings: MessagingSetupStrings, now: number): string {
  switch (task.status) {
    case 'pending':
      return task.queue
        ? fill(strings.MessagingSetupTraceTaskPending, { queue: task.queue })
        : strings.MessagingSetupTraceTaskPendingNoQueue;
    case 'reserved':
      return strings.MessagingSetupTraceTaskReserved;
    case 'assigned':
      return strings.MessagingSetupTraceTaskAssigned;
    case 'wrapping':
      return strings.MessagingSetupTraceTaskWrapping;
    case 'completed':
      return fill(strings.MessagingSetupTraceTaskCompleted, { age: ageText(endOf(task), strings, now) });
    case 'canceled':
      return fill(strings.MessagingSetupTraceTaskCanceled, { age: ageText(endOf(task), strings, now) });
    default:
      return fill(strings.MessagingSetupTraceTaskOther, { status: task.status });
  }
}

const MESSAGE_STATUS_KEY: Record<string, MessagingSetupStringKey> = {
  received: 'MessagingSetupTraceMessageReceived',
  receiving: 'MessagingSetupTraceMessageReceiving',
  accepted: 'MessagingSetupTraceMessageAccepted',
  scheduled: 'MessagingSetupTraceMessageScheduled',
  queued: 'MessagingSetupTraceMessageQueued',
  sending: 'MessagingSetupTraceMessageSending',
  sent: 'MessagingSetupTraceMessageSent',
  delivered: 'MessagingSetupTraceMessageDelivered',
  undelivered: 'MessagingSetupTraceMessageUndelivered',
  failed: 'MessagingSetupTraceMessageFailed',
  read: 'MessagingSetupTraceMessageRead',
  canceled: 'MessagingSetupTraceMessageCanceled',
};
/** A message's delivery status in words; a status not listed here is named as Twilio gives it. */
export function messageStatusText(status: string, strings: MessagingSetupStrings): string {
  const key = Object.prototype.hasOwnProperty.call(MESSAGE_STATUS_KEY, status) ? MESSAGE_STATUS_KEY[status] : null;
  return key ? strings[key] : fill(strings.MessagingSetupTraceMessageOther, { status });
}

export interface StoppedAtSummary {
  tone: TraceTone;
  sentence: string;
  /** What to do, in words; null when nothing needs doing. */
  fix: string | null;
  /** The conversation the customer's next message joins; null when none is open. */
  conversation: TraceConversation | null;
}

/** The sentence of a verdict, with its fix, for the conversation the customer's next message joins. */
function conversationSummary(
  conversation: TraceConversation,
  verdict: TraceVerdict,
  strings: MessagingSetupStrings,
  now: number,
): Omit<StoppedAtSummary, 'conversation'> {
  const state = stateText(conversation.state, strings);
  const tone = VERDICT[verdict].tone;
  switch (verdict) {
    case 'task-ended-still-open': {
      const ended = conversation.tasks.find((t) => t.status === 'completed' || t.status === 'canceled');
      const task = ended ?? conversation.tasks[0];
      const age = task ? ageText(endOf(task), strings, now) : strings.MessagingSetupTraceWhenUnknown;
      const sentence =
        task?.status === 'canceled'
          ? fill(strings.MessagingSetupTraceStoppedTaskCanceled, { state, age })
          : task && task.status !== 'completed'
            ? fill(strings.MessagingSetupTraceStoppedTaskEnded, { state, status: task.status })
            : fill(strings.MessagingSetupTraceStoppedTaskCompleted, { state, age });
      return { tone, sentence, fix: strings.MessagingSetupTraceFixTaskEnded };
    }
    case 'no-task':
      return {
        tone,
        sentence: fill(strings.MessagingSetupTraceStoppedNoTask, { state }),
        fix: strings.MessagingSetupTraceFixNoTask,
      };
    case 'other-service':
      return {
        tone,
        sentence: fill(strings.MessagingSetupTraceStoppedOtherService, { state }),
        fix: strings.MessagingSetupTraceFixOtherService,
      };
    case 'waiting-for-agent': {
      const queue = conversation.tasks.find((t) => t.status === 'pending' || t.status === 'reserved')?.queue;
      return {
        tone,
        sentence: queue
          ? fill(strings.MessagingSetupTraceStoppedWaiting, { queue })
          : strings.MessagingSetupTraceStoppedWaitingNoQueue,
        fix: strings.MessagingSetupTraceFixWaiting,
      };
    }
    case 'with-agent':
      return { tone, sentence: strings.MessagingSetupTraceStoppedWithAgent, fix: null };
    default:
      return { tone, sentence: strings.MessagingSetupTraceStoppedClosed, fix: null };
  }
}

/** Where the customer's messages stopped (inferred by the backend), in plain words with the fix. */
export function stoppedAtSummary(
  answer: TraceCustomerResponse,
  strings: MessagingSetupStrings,
  now: number,
): StoppedAtSummary {
  const { stoppedAt } = answer;
  if (stoppedAt.at === 'conversation') {
    const conversation = answer.conversations.find((c) => c.sid === stoppedAt.conversationSid) ?? null;
    const placeholder: TraceConversation = conversation ?? {
      sid: stoppedAt.conversationSid,
      friendlyName: null,
      serviceSid: '',
      flexService: true,
      state: 'active',
      createdAt: null,
      updatedAt: null,
      ourAddress: null,
      tasks: [],
      verdict: stoppedAt.verdict,
    };
    return { ...conversationSummary(placeholder, stoppedAt.verdict, strings, now), conversation };
  }
  // None open: the newest (closed) conversation is where they were last, unless Twilio received a
  // message of theirs after it ended (then that message made no conversation).
  const [lastClosed] = answer.conversations;
  const lastInbound = answer.messages.find((m) => m.direction === 'inbound')?.at ?? null;
  const endedAt = lastClosed?.updatedAt ?? lastClosed?.createdAt ?? null;
  if (lastClosed && (lastInbound === null || (endedAt !== null && endedAt >= lastInbound))) {
    return {
      tone: 'neutral',
      sentence: fill(strings.MessagingSetupTraceStoppedLastClosed, {
        sid: lastClosed.sid,
        age: ageText(endedAt, strings, now),
      }),
      fix: null,
      conversation: null,
    };
  }
  if (!hasMessageLog(answer.customer.kind)) {
    return {
      tone: 'neutral',
      sentence: strings.MessagingSetupTraceStoppedNoConversationUnlogged,
      fix: null,
      conversation: null,
    };
  }
  return stoppedAt.messagesSeen
    ? {
        tone: 'warning',
        sentence: strings.MessagingSetupTraceStoppedNoConversationSeen,
        fix: strings.MessagingSetupTraceFixNoConversationSeen,
        conversation: null,
      }
    : {
        tone: 'neutral',
        sentence: strings.MessagingSetupTraceStoppedNoConversationUnseen,
        fix: strings.MessagingSetupTraceFixNoConversationUnseen,
        conversation: null,
      };
}
