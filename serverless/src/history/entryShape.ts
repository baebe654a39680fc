import { HISTORY_KINDS, SET_ASIDE_CHANNELS, type HistoryKind, type SetAsideChannel } from '../../../src/contract/types';
import { isRecord } from '../lib/parseRequests';

/**
 * The first field of a stored entry that is not in the shape the backend writes, or undefined
 * when it is an entry. Strict where the readers depend on a type (filters lower-case
 * `resource.sid`, the view reads a state's fields), so that an item written by someone else is
 * listed as unreadable rather than failing a filter (a 500) or the view.
 */
export function entryShapeProblem(data: unknown): string | undefined {
  if (!isRecord(data)) return '';
  const { at, who, kind, resource, outcome, before, after } = data;
  if (typeof at !== 'string') return 'at';
  if (!isRecord(who) || typeof who.identity !== 'string') return 'who.identity';
  if (!Array.isArray(who.roles) || !who.roles.every((r) => typeof r === 'string')) return 'who.roles';
  if (!HISTORY_KINDS.includes(kind as HistoryKind)) return 'kind';
  if (outcome !== 'succeeded' && outcome !== 'failed') return 'outcome';
  if (!isRecord(resource)) return 'resource';
  if (
    !['address', 'phone-number', 'conversations-configuration', 'flex-flow', 'conversation', 'sender'].includes(
      resource.type as string,
    )
  )
    return 'resource.type';
  for (const field of ['sid', 'address'] as const) {
    if (resource[field] !== null && typeof resource[field] !== 'string') return `resource.${field}`;
  }
  for (const [name, state] of [
    ['before', before],
    ['after', after],
  ] as const) {
    const problem = stateProblem(state);
    if (problem !== undefined) return problem === '' ? name : `${name}.${problem}`;
  }
  for (const field of ['error', 'errorKey', 'note', 'noteKey', 'revertOf', 'carriedOverFrom'] as const) {
    if (data[field] !== undefined && typeof data[field] !== 'string') return field;
  }
  for (const field of ['bulk', 'summarised'] as const) {
    if (data[field] !== undefined && typeof data[field] !== 'boolean') return field;
  }
  for (const field of ['errorValues', 'noteValues'] as const) {
    if (data[field] !== undefined && !isRecord(data[field])) return field;
  }
  return undefined;
}

const stringOrNull = (value: unknown) => value === null || typeof value === 'string';

/** An address configuration as the view reads it. */
function addressProblem(address: unknown): string | undefined {
  if (!isRecord(address)) return '';
  for (const field of ['sid', 'type', 'address'] as const) if (typeof address[field] !== 'string') return field;
  if (typeof address.autoCreationEnabled !== 'boolean') return 'autoCreationEnabled';
  if (!isRecord(address.integration)) return 'integration';
  for (const field of ['friendlyName', 'conversationServiceSid'] as const) {
    if (address[field] !== undefined && !stringOrNull(address[field])) return field;
  }
  return undefined;
}

const nested = (prefix: string, problem: string | undefined) =>
  problem === undefined ? undefined : problem === '' ? prefix : `${prefix}.${problem}`;

/** One of HistoryState's shapes, or null; '' when the state itself is not an object. */
function stateProblem(state: unknown): string | undefined {
  if (state === null) return undefined;
  if (!isRecord(state)) return '';
  if ('flexFlow' in state) {
    const flow = state.flexFlow;
    if (!isRecord(flow) || typeof flow.sid !== 'string' || typeof flow.friendlyName !== 'string') return 'flexFlow';
    if (!isRecord(flow.integration)) return 'flexFlow.integration';
    return state.address === undefined ? undefined : nested('address', addressProblem(state.address));
  }
  if ('address' in state) return nested('address', addressProblem(state.address));
  if ('numberInbound' in state) {
    const inbound = state.numberInbound;
    if (!isRecord(inbound)) return 'numberInbound';
    if (!stringOrNull(inbound.smsUrl)) return 'numberInbound.smsUrl';
    if (!stringOrNull(inbound.smsApplicationSid)) return 'numberInbound.smsApplicationSid';
    return undefined;
  }
  if ('defaultConversationServiceSid' in state) {
    return stringOrNull(state.defaultConversationServiceSid) ? undefined : 'defaultConversationServiceSid';
  }
  if ('conversation' in state) {
    const conversation = state.conversation;
    if (!isRecord(conversation)) return 'conversation';
    if (!['active', 'inactive', 'closed'].includes(conversation.state as string)) return 'conversation.state';
    if (typeof conversation.serviceSid !== 'string') return 'conversation.serviceSid';
    if (!stringOrNull(conversation.customer)) return 'conversation.customer';
    if (!stringOrNull(conversation.ourAddress)) return 'conversation.ourAddress';
    return undefined;
  }
  if ('setAside' in state) {
    const mark = state.setAside;
    if (mark === null) return undefined;
    if (!isRecord(mark)) return 'setAside';
    if (!SET_ASIDE_CHANNELS.includes(mark.channel as SetAsideChannel)) return 'setAside.channel';
    for (const field of ['address', 'by', 'at'] as const)
      if (typeof mark[field] !== 'string') return `setAside.${field}`;
    if (!stringOrNull(mark.reason)) return 'setAside.reason';
    return undefined;
  }
  return '';
}
