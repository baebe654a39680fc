/**
 * Request and response shapes of the Messaging Setup backend, shared by the plugin (which sends
 * them) and the Serverless functions (which answer them). Declared once, here, because the Flex
 * build only resolves imports inside `src/`.
 */

import type { StudioConversationRoute } from './studioFlowRoute';
import { CONTRACT_CHANNELS, READ_ONLY_ADDRESS_TYPES } from './channels';
import type { ListAlertsRequest, ListAlertsResponse } from './alerts';
import type { ContractMessageKey, FieldProblems, MessageValues } from './wording';

/**
 * The Address Configuration types Flex routes, which Messaging Setup lists, creates, edits and
 * deletes: one per channel of the registry (`contract/channels/`). Twilio's spec has more (`Type`
 * of `POST /v1/Configuration/Addresses`): see OTHER_ADDRESS_TYPES.
 */
export type AddressType = keyof typeof CONTRACT_CHANNELS;
export const ADDRESS_TYPES = Object.keys(CONTRACT_CHANNELS) as readonly AddressType[];

/** Whether a value (a Twilio `type`, a select's value) is one of the types Messaging Setup manages. */
export const isAddressType = (value: unknown): value is AddressType =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT_CHANNELS, value);

/** Address types Twilio may hold on an account that Flex does not route: listed read-only (channels/readOnly.ts). */
const OTHER_ADDRESS_TYPES = READ_ONLY_ADDRESS_TYPES;

export type IntegrationType = 'studio' | 'webhook' | 'default';

export type WebhookMethod = 'GET' | 'POST';
export const WEBHOOK_METHODS: readonly WebhookMethod[] = ['POST', 'GET'];

/** Conversations events an address webhook may subscribe to (Twilio's allowed list). */
export const WEBHOOK_FILTERS = [
  'onMessageAdded',
  'onMessageUpdated',
  'onMessageRemoved',
  'onConversationUpdated',
  'onConversationStateUpdated',
  'onConversationRemoved',
  'onParticipantAdded',
  'onParticipantUpdated',
  'onParticipantRemoved',
  'onDeliveryUpdated',
] as const;
export type WebhookFilter = (typeof WEBHOOK_FILTERS)[number];

export type AddressIntegration =
  | { type: 'studio'; studioFlowSid: string; retryCount: number }
  | { type: 'webhook'; webhookUrl: string; webhookMethod: WebhookMethod; webhookFilters: WebhookFilter[] }
  | { type: 'default' };

/** A Conversations Address Configuration as the view shows it. */
export interface AddressSummary {
  sid: string;
  type: string;
  address: string;
  friendlyName: string | null;
  autoCreationEnabled: boolean;
  integration: AddressIntegration;
  /** Null when Twilio's default conversation service is used. */
  conversationServiceSid: string | null;
  dateUpdated: string | null;
}

export interface PhoneNumberSummary {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  capabilities: { sms: boolean; mms: boolean; voice: boolean };
  /** The number's "A message comes in" webhook; null when unset. */
  smsUrl: string | null;
  smsApplicationSid: string | null;
}

export interface WhatsAppSenderSummary {
  sid: string;
  /** `whatsapp:+E.164`, exactly what goes into an address. */
  senderId: string;
  status: string;
  profileName: string | null;
  offlineReasons: string[];
}

export interface StudioFlowSummary {
  sid: string;
  friendlyName: string;
  status: 'draft' | 'published';
  /**
   * Whether the flow hands a new conversation to Flex, read from its definition
   * (contract/studioFlowRoute.ts): `unknown` for a draft, a definition that could not be read, or
   * a published flow beyond the ones read per call (STUDIO_DEFINITIONS_READ). Absent from a
   * backend too old to say: read as `unknown`.
   */
  conversationRoute?: StudioConversationRoute;
}

/** Published flows whose definitions list-studio-flows reads per page (one fetch each). */
export const STUDIO_DEFINITIONS_READ = 60;

export interface ConversationServiceSummary {
  sid: string;
  friendlyName: string;
}

/** What the view needs of the Flex and Conversations configuration. */
export interface FlexConfigurationSummary {
  flexConversationServiceSid: string | null;
  defaultConversationServiceSid: string | null;
  workspaceSid: string | null;
  conversationServices: ConversationServiceSummary[];
  /**
   * Whether the caller's Flex roles may create, change and delete (the backend's write roles): the
   * view offers writes only when true. Absent from older backends: treated as true, as before.
   */
  callerMayWrite?: boolean;
}

/** The numbers in each Messaging Service (a number there follows the service's inbound settings). */
export interface MessagingServiceNumbers {
  services: { sid: string; friendlyName: string; phoneNumberSids: string[] }[];
}

/** A legacy Flex Flow (Flex UI 1.x messaging). `integration` keeps Twilio's snake_case keys. */
export interface FlexFlowSummary {
  sid: string;
  friendlyName: string;
  channelType: string;
  contactIdentity: string | null;
  enabled: boolean;
  integrationType: string | null;
  integration: {
    flow_sid?: string;
    url?: string;
    workspace_sid?: string;
    workflow_sid?: string;
    channel?: string;
    retry_count?: number;
    [key: string]: unknown;
  };
  longLived: boolean;
  janitorEnabled: boolean;
  chatServiceSid: string | null;
}

/** A number's own inbound handlers: each field given is set; "" clears it. */
export interface UpdateNumberInboundRequest {
  sid: string;
  smsUrl?: string;
  smsApplicationSid?: string;
}

interface UpdateNumberInboundResponse {
  /** The values before the change, so the view can offer undo. */
  previous: { smsUrl: string | null; smsApplicationSid: string | null };
  number: PhoneNumberSummary;
}

export interface FlexFlowRequest {
  sid: string;
}

export interface MigrateFlexFlowRequest extends FlexFlowRequest {
  /**
   * The address the number already has, as the preview showed it, which the supervisor agreed
   * to bring to the Flex Flow's settings. Without it, an address with other settings stops the
   * migration (nothing changes); with another SID than the number's address, too.
   */
  updateExistingAddressSid?: string;
}

interface DeleteFlexFlowResponse {
  deleted: string;
}

/**
 * The steps of a migration, in order: `create_address` or (an existing address, confirmed)
 * `update_address`; the `undo_` steps only run after a failure.
 */
export type MigrationStepName =
  | 'create_address'
  | 'update_address'
  | 'verify_address'
  | 'delete_flex_flow'
  | 'undo_create_address'
  | 'undo_update_address';

export interface MigrationStep {
  step: MigrationStepName;
  status: 'done' | 'failed';
  /** One plain-language sentence: what was done, or what went wrong. */
  detail: string;
  /** `detail` as a key of the contract's messages (messages.ts) and its values; absent from older backends. */
  detailKey?: ContractMessageKey;
  detailValues?: MessageValues;
}

/**
 * What a migration did. `migrated`: the address exists and the Flex Flow is gone. `unchanged`: a
 * step failed and everything is as it was (the new address, if made, was deleted again).
 * `needs_attention`: a step failed and undoing it failed too; `message` says what to clean up.
 */
export interface MigrateFlexFlowResponse {
  outcome: 'migrated' | 'unchanged' | 'needs_attention';
  message: string;
  /** `message` as a key of the contract's messages and its values; absent from older backends. */
  messageKey?: ContractMessageKey;
  values?: MessageValues;
  flexFlowSid: string;
  /** The address that replaced the flow (migrated), or that is left over (needs_attention). */
  address: AddressSummary | null;
  steps: MigrationStep[];
}

export interface SetDefaultServiceRequest {
  serviceSid: string;
}

interface SetDefaultServiceResponse {
  previousServiceSid: string | null;
  defaultConversationServiceSid: string;
}

/** One page of a list; pass `nextCursor` back as `cursor` for the next one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ListRequest {
  cursor?: string;
}

export interface ListAddressesRequest extends ListRequest {
  type?: AddressType;
  /**
   * `non-phone`: every address that is not SMS or WhatsApp (chat, Messenger, email, and the types
   * Flex does not route), listed type by type side by side in one call — few on any account, so one
   * chain beside the two long phone chains instead of one per type.
   */
  group?: 'non-phone';
}

/** The address types the `non-phone` group lists. */
export const NON_PHONE_ADDRESS_TYPES: readonly string[] = [
  ...ADDRESS_TYPES.filter((type) => type !== 'sms' && type !== 'whatsapp'),
  ...OTHER_ADDRESS_TYPES,
];

/** Create: every field; update: `sid` plus the changeable fields (not type or address). */
export interface AddressInput {
  type: AddressType;
  address: string;
  friendlyName?: string;
  autoCreationEnabled: boolean;
  integration: AddressIntegration;
  conversationServiceSid?: string;
  /** Create only: part of a bulk run, so its history entry says so (HistoryEntry.bulk). */
  bulk?: boolean;
}

export interface UpdateAddressRequest extends Omit<AddressInput, 'type' | 'address' | 'bulk'> {
  sid: string;
}

export interface DeleteAddressRequest {
  sid: string;
}

interface DeleteAddressResponse {
  deleted: string;
}

/**
 * The change history (issue #18): every write the backend makes for a Flex user is one entry in
 * a Twilio Sync List, written by the backend in the same call as the change.
 */
export type HistoryKind =
  | 'create-address'
  | 'update-address'
  | 'delete-address'
  | 'update-number-inbound'
  | 'set-default-conversation-service'
  | 'migrate-flex-flow'
  | 'delete-flex-flow'
  | 'close-conversation'
  | 'set-aside'
  | 'revert';
export const HISTORY_KINDS: readonly HistoryKind[] = [
  'create-address',
  'update-address',
  'delete-address',
  'update-number-inbound',
  'set-default-conversation-service',
  'migrate-flex-flow',
  'delete-flex-flow',
  'close-conversation',
  'set-aside',
  'revert',
];

/** What a history entry is about. `address`: the address string (`+1415…`, `messenger:…`), when there is one. */
export interface HistoryResource {
  /**
   * `conversation`: a customer's conversation (`sid` CH…, `address` the customer's address or identity).
   * `sender`: a phone number or WhatsApp sender by its address (`+1415…`, `whatsapp:+1415…`; `sid` its PN…
   * or XE… when the account has it), what a set-aside mark is about.
   */
  type: 'address' | 'phone-number' | 'conversations-configuration' | 'flex-flow' | 'conversation' | 'sender';
  sid: string | null;
  address: string | null;
}

/**
 * The managed fields of a resource at one moment (null: it did not exist). One shape per resource
 * type: an address configuration as the view shows it; a number's own inbound handlers; the
 * default conversation service; a Flex Flow.
 */
export type HistoryState =
  | { address: AddressSummary }
  | { numberInbound: { smsUrl: string | null; smsApplicationSid: string | null } }
  | { defaultConversationServiceSid: string | null }
  /** `address`: in a migration's before-state, the number's address the migration brought to the flow's settings. */
  | { flexFlow: FlexFlowSummary; address?: AddressSummary }
  | { conversation: ConversationState }
  /** Whether a number or sender is set aside as not for Flex (null: it is not). */
  | { setAside: SetAsideMark | null };

/** A customer's conversation as a close records it: its state, its service, who is in it. */
export interface ConversationState {
  state: 'active' | 'inactive' | 'closed';
  serviceSid: string;
  /** The customer's address (or chat identity), and our side of the binding; null when none. */
  customer: string | null;
  ourAddress: string | null;
}

export interface HistoryEntry {
  /** The Sync List item's index, as a string: the entry's stable id. */
  id: string;
  /** ISO 8601. */
  at: string;
  /** From the validated Flex token, never from the request. */
  who: { identity: string; roles: string[] };
  kind: HistoryKind;
  resource: HistoryResource;
  before: HistoryState | null;
  after: HistoryState | null;
  outcome: 'succeeded' | 'failed';
  /** A failed change: what went wrong (the user-facing message, never a payload). */
  error?: string;
  /** `error` as a key of the contract's messages and its values; absent from older entries. */
  errorKey?: ContractMessageKey;
  errorValues?: MessageValues;
  /**
   * How the backend knows the change happened when that is not the plain way: Twilio's answer was
   * lost and it looked, or a retry found the change already done. Worded, and as a key with values.
   */
  note?: string;
  noteKey?: ContractMessageKey;
  noteValues?: MessageValues;
  /** A revert: the id of the entry it reverted. */
  revertOf?: string;
  /** Part of a bulk run (bulk create). */
  bulk?: boolean;
  /** Set when the entry did not fit Sync's item size and its states were summarised. */
  summarised?: boolean;
  /**
   * How the entry stands against the history's chain (serverless/src/history/chain.ts):
   * `verified` — its digest is the backend's; `carried-over` — copied from the old store (the
   * default Sync Service) when the history moved, vouched for only since then; `failed` — it does
   * not match (`chainProblem` says how), so it is not revertible. Absent from older backends.
   */
  chain?: HistoryEntryChain;
  chainProblem?: HistoryChainProblem;
  /** A carried-over entry: its id in the old store. */
  carriedOverFrom?: string;
}

/**
 * The friendly name of the backend's own Sync Service, where the history lives (ACLs on, granted
 * to no Flex token): the deploy finds or makes it by this name, the sandbox makes one per account.
 */
export const BACKEND_SYNC_SERVICE_NAME = 'Messaging Setup backend';

export type HistoryEntryChain = 'verified' | 'carried-over' | 'failed';
/**
 * Why an entry does not match: `altered` (its content is not what was digested), `unsigned` (no
 * digest: not written by the backend), `misplaced` (its sequence number is not its key's),
 * `link` (it does not follow the entry before it), `missing` (the entry before it is gone).
 */
export type HistoryChainProblem = 'altered' | 'unsigned' | 'misplaced' | 'link' | 'missing';

/** A history item that does not parse as an entry: listed (never a 500, never a crashed view). */
export interface UnreadableHistoryEntry {
  id: string;
  /** The first field that is not in an entry's shape (`resource.sid`); absent when the item is not an object. */
  field?: string;
}

/** What list-history's answer says of the chain over the entries it read (newest to oldest). */
export interface HistoryIntegrity {
  verdict: 'intact' | 'broken';
  /** The entries checked: the newest and the oldest id read (null: none). */
  newest: string | null;
  oldest: string | null;
  /** Entries that do not match, newest first (at most a few dozen). */
  broken: { id: string; problem: HistoryChainProblem }[];
  /** Entries up to this id were carried over from the old store: not vouched for before the move. */
  carriedOverThrough?: string;
  /** The oldest entry read follows entries that are gone (expired): the chain is checked from it. */
  startsAfterGap?: boolean;
}

export interface ListHistoryResponse extends Page<HistoryEntry> {
  /** Items that are not entries, beside the readable ones (absent from older backends). */
  unreadable?: UnreadableHistoryEntry[];
  integrity?: HistoryIntegrity;
}

/**
 * What a write says of its history entry: recorded (its id), or not, and why. Not recorded with
 * `unchanged`: nothing changed (it already was as asked), so there is nothing to record — the
 * message says so. Not recorded without it: the change was made, but its entry could not be
 * written (absent from older backends, which sent both kinds this way).
 */
export type HistoryReceipt =
  | { recorded: true; entryId: string }
  | { recorded: false; unchanged?: true; message: string; messageKey?: ContractMessageKey; values?: MessageValues };

/** A write's answer carries the receipt of its history entry (absent from older backends). */
export type Recorded<T> = T & { history?: HistoryReceipt };

export interface ListHistoryRequest extends ListRequest {
  /** Only entries about this address or number (matched against the resource's address and SID). */
  address?: string;
  /**
   * Only entries made by a person whose Flex identity holds this, in any case ("second" finds
   * second.supervisor@owl.example). Older backends matched the whole identity only.
   */
  identity?: string;
  kind?: HistoryKind;
  /**
   * Only entries holding this text, in any case: in their address or SID, who made them, or their
   * before and after (a URL, a SID, a name). Absent from older backends (they answer 400).
   */
  search?: string;
  /**
   * Only entries made at or after `from` and before `to`: ISO 8601 instants (the plugin sends the
   * start of the supervisor's first day and of the day after the last). `from` must be before `to`.
   */
  from?: string;
  to?: string;
}

export interface RevertChangeRequest {
  /** The id of the history entry to undo. */
  id: string;
}

export interface RevertChangeResponse {
  /** The new entry that records the revert. */
  entry: HistoryEntry;
}

/**
 * Every backend error: the UI shows `message`; `code` is for programs; `fields` for forms. The
 * same in keys of the contract's messages (messages.ts), for a client that words them itself (the
 * plugin, with an account's strings): `messageKey` and its `values`, and `fieldProblems`. Older
 * backends send only the English.
 */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    messageKey?: ContractMessageKey;
    values?: MessageValues;
    fieldProblems?: FieldProblems;
  };
}

/**
 * Trace a customer (issue #26): what Twilio holds of one customer's recent messages, newest first —
 * received (Programmable Messaging's Messages, SMS and WhatsApp only), which conversation they are
 * in (Conversations' ParticipantConversations by address, or by identity for a chat customer) and
 * that conversation's tasks (TaskRouter, by the task's `conversationSid` attribute) — and where it
 * stopped. Everything here is observed; `stoppedAt` is inferred from it, and says which.
 */
export interface TraceCustomerRequest {
  /** `+E164` (SMS), `whatsapp:+E164`, `messenger:<page-scoped id>`, an email address, or a chat identity. */
  customer: string;
  /** One of our addresses, to trace only what passed through it. */
  ourAddress?: string;
}

export type TraceCustomerKind = 'sms' | 'whatsapp' | 'messenger' | 'email' | 'chat';

/** A message Twilio received or sent for the customer (never its body). */
export interface TraceMessage {
  sid: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  status: string;
  /** ISO date. */
  at: string | null;
}

export interface TraceTask {
  sid: string;
  /** TaskRouter's assignment status: pending, reserved, assigned, wrapping, completed, canceled. */
  status: string;
  queue: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/**
 * Where a conversation leaves the customer, inferred from what was observed:
 * - `with-agent` / `waiting-for-agent`: an open task (assigned or wrapping / pending or reserved);
 * - `task-ended-still-open`: its tasks are over but the conversation is still open, so the
 *   customer's new messages are appended to it and reach nobody;
 * - `no-task`: open in Flex's service and no task was ever made for it;
 * - `other-service`: open in a service that is not Flex's: no Flex task can come of it;
 * - `closed`: over; the customer's next message starts a new conversation.
 */
export type TraceVerdict =
  'with-agent' | 'waiting-for-agent' | 'task-ended-still-open' | 'no-task' | 'other-service' | 'closed';

/** The verdicts of a conversation that holds its customer away from an agent: closing it frees them. */
export const STUCK_VERDICTS: readonly TraceVerdict[] = ['task-ended-still-open', 'no-task', 'other-service'];

export interface TraceConversation {
  sid: string;
  friendlyName: string | null;
  serviceSid: string;
  /** Whether the service is Flex's (the Flex configuration's conversation service). */
  flexService: boolean;
  state: 'active' | 'inactive' | 'closed';
  createdAt: string | null;
  updatedAt: string | null;
  /** Our side of the conversation: the proxy address of the customer's binding (null for chat). */
  ourAddress: string | null;
  tasks: TraceTask[];
  verdict: TraceVerdict;
}

export interface TraceCustomerResponse {
  customer: { address: string; kind: TraceCustomerKind };
  /** Newest first; at most TRACE_MESSAGES_MAX; empty for channels Messages does not hold. */
  messages: TraceMessage[];
  /** Newest first; at most TRACE_CONVERSATIONS_MAX (each with its tasks). */
  conversations: TraceConversation[];
  /**
   * Where it stopped: the newest conversation that is open (the one the customer's next message
   * joins), or, with none open, why none exists. `inferred: true` always: read from the steps above.
   */
  stoppedAt:
    | { at: 'conversation'; conversationSid: string; verdict: TraceVerdict; inferred: true }
    | { at: 'no-conversation'; inferred: true; messagesSeen: boolean };
  /** More conversations (or messages) exist than were read. */
  truncated: boolean;
}

export const TRACE_MESSAGES_MAX = 20;
export const TRACE_CONVERSATIONS_MAX = 10;

/**
 * Closes a customer's conversation that holds them away from an agent (issue #26): its task is
 * over or never came, or it is in a service that is not Flex's. Closed is final in Twilio, so the
 * customer's next message starts a new conversation; refused while a task of it is still open.
 */
export interface CloseConversationRequest {
  /** The conversation's SID (CH…). */
  sid: string;
  /** Its conversation service (IS…): Twilio's root Conversations path reaches the default service's only. */
  serviceSid: string;
}

export interface CloseConversationResponse {
  conversationSid: string;
  previousState: ConversationState['state'];
  state: 'closed';
}

/**
 * The conversations that hold a customer away from an agent (issue #26): open in Flex's service
 * with no open task, or open in another service with one of our addresses. Observed, newest
 * activity first; `count` is every one found, `items` the newest STUCK_CONVERSATIONS_MAX with
 * their customer and our address.
 */
export type ListStuckConversationsRequest = Record<string, never>;

export interface StuckConversation {
  sid: string;
  serviceSid: string;
  flexService: boolean;
  state: 'active' | 'inactive';
  createdAt: string | null;
  updatedAt: string | null;
  /** The customer's address (or chat identity) and our side of the binding; null when none. */
  customer: string | null;
  ourAddress: string | null;
  /** Flex's service with no open task (over, or never made), or another service. */
  verdict: 'no-open-task' | 'other-service';
}

export interface ListStuckConversationsResponse {
  items: StuckConversation[];
  count: number;
  /** More open conversations may exist than were read (each service's first 1,000 per state, or participants not read). */
  truncated: boolean;
}

export const STUCK_CONVERSATIONS_MAX = 50;

/**
 * A number or WhatsApp sender set aside as not meant for Flex: it leaves the health counts and is
 * listed under its own filter, reversibly. The mark lives with the account (a Sync Map in the
 * backend's own Sync Service, beside the change history), so every supervisor sees it, and
 * setting or clearing it is a recorded change (history kind `set-aside`).
 */
export type SetAsideChannel = 'sms' | 'whatsapp';
export const SET_ASIDE_CHANNELS: readonly SetAsideChannel[] = ['sms', 'whatsapp'];
/** The longest reason a mark keeps (trimmed; one line). */
export const SET_ASIDE_REASON_MAX = 200;

export interface SetAsideMark {
  channel: SetAsideChannel;
  /** `+E.164` (sms) or `whatsapp:+E.164` (whatsapp), as the address list writes it. */
  address: string;
  /** Why it is not for Flex; null when none was given. */
  reason: string | null;
  /** The Flex identity that set it (from the validated token). */
  by: string;
  /** When it was set, ISO 8601. */
  at: string;
}

export type ListSetAsidesRequest = Record<string, never>;

export interface ListSetAsidesResponse {
  items: SetAsideMark[];
}

/** Sets the mark (`aside: true`, with an optional reason) or clears it (`aside: false`, no reason). */
export interface SetNumberAsideRequest {
  channel: SetAsideChannel;
  address: string;
  aside: boolean;
  reason?: string;
}

export interface SetNumberAsideResponse {
  /** The mark now; null after clearing. */
  mark: SetAsideMark | null;
}

/** The backend's functions: path → request and response types. */
export interface BackendEndpoints {
  'list-phone-numbers': { request: ListRequest; response: Page<PhoneNumberSummary> };
  'list-whatsapp-senders': { request: ListRequest; response: Page<WhatsAppSenderSummary> };
  'list-addresses': { request: ListAddressesRequest; response: Page<AddressSummary> };
  'list-studio-flows': { request: ListRequest; response: Page<StudioFlowSummary> };
  'fetch-flex-configuration': { request: Record<string, never>; response: FlexConfigurationSummary };
  'list-messaging-service-numbers': { request: Record<string, never>; response: MessagingServiceNumbers };
  'create-address': { request: AddressInput; response: Recorded<AddressSummary> };
  'update-address': { request: UpdateAddressRequest; response: Recorded<AddressSummary> };
  'delete-address': { request: DeleteAddressRequest; response: Recorded<DeleteAddressResponse> };
  'list-flex-flows': { request: ListRequest; response: Page<FlexFlowSummary> };
  'update-number-inbound': { request: UpdateNumberInboundRequest; response: Recorded<UpdateNumberInboundResponse> };
  'set-default-conversation-service': {
    request: SetDefaultServiceRequest;
    response: Recorded<SetDefaultServiceResponse>;
  };
  'delete-flex-flow': { request: FlexFlowRequest; response: Recorded<DeleteFlexFlowResponse> };
  'migrate-flex-flow': { request: MigrateFlexFlowRequest; response: Recorded<MigrateFlexFlowResponse> };
  'list-history': { request: ListHistoryRequest; response: ListHistoryResponse };
  'revert-change': { request: RevertChangeRequest; response: Recorded<RevertChangeResponse> };
  'trace-customer': { request: TraceCustomerRequest; response: TraceCustomerResponse };
  'list-alerts': { request: ListAlertsRequest; response: ListAlertsResponse };
  'close-conversation': { request: CloseConversationRequest; response: Recorded<CloseConversationResponse> };
  'list-stuck-conversations': { request: ListStuckConversationsRequest; response: ListStuckConversationsResponse };
  'list-set-asides': { request: ListSetAsidesRequest; response: ListSetAsidesResponse };
  'set-number-aside': { request: SetNumberAsideRequest; response: Recorded<SetNumberAsideResponse> };
}

export type BackendEndpoint = keyof BackendEndpoints;

/**
 * Which functions only read (listed, retried after a lost answer) and which change Twilio (their
 * own role list; never re-sent after a server error). A new endpoint must be classified here.
 */
export const ENDPOINT_ACCESS: { readonly [E in BackendEndpoint]: 'read' | 'write' } = {
  'list-phone-numbers': 'read',
  'list-whatsapp-senders': 'read',
  'list-addresses': 'read',
  'list-studio-flows': 'read',
  'fetch-flex-configuration': 'read',
  'list-messaging-service-numbers': 'read',
  'list-flex-flows': 'read',
  'list-history': 'read',
  'trace-customer': 'read',
  'list-stuck-conversations': 'read',
  'list-alerts': 'read',
  'list-set-asides': 'read',
  'create-address': 'write',
  'update-address': 'write',
  'delete-address': 'write',
  'update-number-inbound': 'write',
  'set-default-conversation-service': 'write',
  'delete-flex-flow': 'write',
  'migrate-flex-flow': 'write',
  'revert-change': 'write',
  'close-conversation': 'write',
  'set-number-aside': 'write',
};

/**
 * The built-in inbound webhook handler's path on the backend. Twilio calls it (signed with the
 * account's auth token), not the plugin, so it is not one of the BackendEndpoints above.
 */
export const INBOUND_WEBHOOK_FUNCTION = 'inbound-webhook';
