/**
 * The Messaging Setup backend, faked at the HTTP boundary: a `fetch` that answers the plugin's
 * form POSTs from a {@link FakeAccount}. Tests use it through the real `createBackendClient`, so
 * the form encoding, error mapping and retry rules are the ones the plugin ships with. Its own
 * refusals and migration answers are problems of the contract's messages, sent as the backend
 * sends them (English, and `messageKey`/`values`), so an account's wording reaches them.
 */
import { createBackendClient, type BackendClient } from '../feature/messaging-setup/api/backendClient';
import type { MessagingSetupStrings } from '../feature/messaging-setup/strings';
import { customerKindOf } from '../contract/channels';
import { addressMismatches, planFlexFlowMigration } from '../contract/flexFlowMigration';
import { matchesHistoryFilters } from '../contract/historyFilter';
import {
  apiErrorBody,
  detailOf,
  listOf,
  messageOf,
  type ContractProblem,
  type FieldProblems,
} from '../contract/messages';
import type { ListAlertsRequest, ListAlertsResponse } from '../contract/alerts';
import { ENDPOINT_ACCESS } from '../contract/types';
import type {
  AddressInput,
  AddressSummary,
  ApiErrorBody,
  BackendEndpoint,
  DeleteAddressRequest,
  FlexFlowRequest,
  HistoryEntry,
  HistoryIntegrity,
  ListHistoryRequest,
  MigrateFlexFlowRequest,
  RevertChangeRequest,
  ListAddressesRequest,
  SetNumberAsideRequest,
  SetDefaultServiceRequest,
  CloseConversationRequest,
  ListStuckConversationsResponse,
  TraceCustomerRequest,
  TraceCustomerResponse,
  UpdateAddressRequest,
  UnreadableHistoryEntry,
  UpdateNumberInboundRequest,
} from '../contract/types';
import { NON_PHONE_ADDRESS_TYPES } from '../contract/types';
import { defaultAccount, sid, type FakeAccount } from './fakeAccount';

export interface FakeReply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Answers one endpoint; `payload` is the decoded request. */
export type EndpointHandler = (payload: unknown) => FakeReply | Promise<FakeReply>;

export interface RecordedRequest {
  endpoint: BackendEndpoint;
  token: string | null;
  payload: unknown;
}

/** A minimal `Response`: what the backend client reads (ok, status, headers.get, json). */
export function fakeResponse({ status = 200, body, headers = {} }: FakeReply): Response {
  const lowerCased = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const response = {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => lowerCased.get(name.toLowerCase()) ?? null },
    json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
  };
  return response as unknown as Response;
}

export function errorReply(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
  headers?: Record<string, string>,
): FakeReply {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return { status, body, headers };
}

/** A refusal as the backend answers it: the problem in English and as its key and values. */
export function refusal(
  status: number,
  code: string,
  problem: ContractProblem,
  fieldProblems?: FieldProblems,
  headers?: Record<string, string>,
): FakeReply {
  return { status, body: apiErrorBody(code, problem, fieldProblems), headers };
}

/** Twilio's own message, passed on as the backend does (a 404, a conflict). */
const twilioSays = (message: string): ContractProblem => ({
  key: 'MessagingSetupRefusalTwilioSays',
  values: { message },
});

/** A promise with its resolve function outside, for holding a request pending. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * What the fake's list-history answers beside the account's entries (set with `answerHistory`);
 * unset, it answers as an older backend: every entry at once, no `unreadable`, no `integrity`.
 */
export interface FakeHistoryAnswers {
  /**
   * Entries read per call, whether the filters match them or not (the backend reads the history a
   * slice at a time and filters it), with a cursor to the next slice while there is one.
   */
  pageSize?: number;
  /** The items that are not entries: a list is answered with the first page; a function says per page (0, 1, …). */
  unreadable?: UnreadableHistoryEntry[] | ((page: number) => UnreadableHistoryEntry[]);
  /** The chain's verdict: one for every page, or per page from the entries it read. */
  integrity?: HistoryIntegrity | ((page: number, read: HistoryEntry[]) => HistoryIntegrity);
  /** How entries stand against the chain, by id (set on the entries answered, not on the account's). */
  chain?: Record<string, Pick<HistoryEntry, 'chain' | 'chainProblem' | 'carriedOverFrom'>>;
}

/** What the fake's trace-customer answers: one answer, or one per request. */
export type FakeTraceAnswer = TraceCustomerResponse | ((request: TraceCustomerRequest) => TraceCustomerResponse);

/** Unset, trace-customer answers that Twilio holds nothing of the customer. */
const nothingTraced = ({ customer }: TraceCustomerRequest): TraceCustomerResponse => ({
  customer: { address: customer, kind: customerKindOf(customer) },
  messages: [],
  conversations: [],
  stoppedAt: { at: 'no-conversation', inferred: true, messagesSeen: false },
  truncated: false,
});

/** What the fake's list-alerts answers: one answer, or one per request. Unset: no alerts in the window. */
export type FakeAlertsAnswer = ListAlertsResponse | ((request: ListAlertsRequest) => ListAlertsResponse);
const noAlerts = ({ days }: ListAlertsRequest): ListAlertsResponse => ({
  groups: [],
  scanned: 0,
  truncated: false,
  days: days ?? 7,
});

/** The functions that change something (the contract's access table). */
const isWrite = (endpoint: BackendEndpoint) => ENDPOINT_ACCESS[endpoint] === 'write';

function addressFrom(input: AddressInput, addressSid: string): AddressSummary {
  return {
    sid: addressSid,
    type: input.type,
    address: input.address,
    friendlyName: input.friendlyName ?? null,
    autoCreationEnabled: input.autoCreationEnabled,
    integration: input.integration,
    conversationServiceSid: input.conversationServiceSid ?? null,
    dateUpdated: '2024-06-01T12:00:00Z',
  };
}

export function createFakeBackend(account: FakeAccount = defaultAccount(), token = 'flex-token-of-the-user') {
  const requests: RecordedRequest[] = [];
  const overrides = new Map<BackendEndpoint, EndpointHandler>();
  let nextAddress = 100;
  let historyAnswers: FakeHistoryAnswers = {};
  let traceAnswer: FakeTraceAnswer = nothingTraced;
  let alertsAnswer: FakeAlertsAnswer = noAlerts;
  // Unset, list-stuck-conversations answers that none is stuck.
  let stuckAnswer: () => ListStuckConversationsResponse = () => ({ items: [], count: 0, truncated: false });

  const page = (items: unknown[]): FakeReply => ({ body: { items, nextCursor: null } });
  const notFound = (addressSid: string) =>
    refusal(404, 'not_found', twilioSays(`Address ${addressSid} does not exist.`));

  // Endpoints without a default answer 404, like a function that is not deployed; tests that
  // need them say what they answer with respond().
  const handlers: Partial<Record<BackendEndpoint, EndpointHandler>> = {
    'list-phone-numbers': () => page(account.numbers),
    'list-whatsapp-senders': () => page(account.senders),
    'list-studio-flows': () => page(account.studioFlows),
    'list-addresses': (payload) => {
      const { type, group } = payload as ListAddressesRequest;
      return page(
        account.addresses.filter((a) => (group ? NON_PHONE_ADDRESS_TYPES.includes(a.type) : !type || a.type === type)),
      );
    },
    'fetch-flex-configuration': () => ({ body: account.flexConfiguration }),
    'list-messaging-service-numbers': () => ({ body: { services: account.messagingServiceNumbers } }),
    'list-flex-flows': () => page(account.flexFlows),
    'update-number-inbound': (payload) => {
      const { sid: numberSid, smsUrl, smsApplicationSid } = payload as UpdateNumberInboundRequest;
      const number = account.numbers.find((n) => n.sid === numberSid);
      if (!number) return refusal(404, 'not_found', twilioSays(`Phone number ${numberSid} does not exist.`));
      const previous = { smsUrl: number.smsUrl, smsApplicationSid: number.smsApplicationSid };
      if (smsUrl !== undefined) number.smsUrl = smsUrl || null;
      if (smsApplicationSid !== undefined) number.smsApplicationSid = smsApplicationSid || null;
      return { body: { previous, number: { ...number } } };
    },
    'set-default-conversation-service': (payload) => {
      const { serviceSid } = payload as SetDefaultServiceRequest;
      const previousServiceSid = account.flexConfiguration.defaultConversationServiceSid;
      account.flexConfiguration = { ...account.flexConfiguration, defaultConversationServiceSid: serviceSid };
      return { body: { previousServiceSid, defaultConversationServiceSid: serviceSid } };
    },
    'create-address': (payload) => {
      const input = payload as AddressInput;
      if (account.addresses.some((a) => a.address === input.address)) {
        return refusal(409, 'conflict', twilioSays(`An address configuration already exists for ${input.address}.`));
      }
      const created = addressFrom(input, sid('IG', nextAddress++));
      account.addresses.push(created);
      return { body: created };
    },
    'update-address': (payload) => {
      const { sid: addressSid, ...settings } = payload as UpdateAddressRequest;
      const index = account.addresses.findIndex((a) => a.sid === addressSid);
      if (index < 0) return notFound(addressSid);
      const current = account.addresses[index];
      const updated = addressFrom({ type: 'sms', address: current.address, ...settings }, addressSid);
      account.addresses[index] = {
        ...updated,
        type: current.type,
        friendlyName: updated.friendlyName ?? current.friendlyName,
      };
      return { body: account.addresses[index] };
    },
    'delete-flex-flow': (payload) => {
      const { sid: flowSid } = payload as FlexFlowRequest;
      const index = account.flexFlows.findIndex((f) => f.sid === flowSid);
      if (index < 0) return refusal(404, 'not_found', twilioSays(`Flex Flow ${flowSid} does not exist.`));
      account.flexFlows.splice(index, 1);
      return { body: { deleted: flowSid } };
    },
    // The happy path of a migration; tests of failures say what the backend answers with respond().
    'migrate-flex-flow': (payload) => {
      const { sid: flowSid, updateExistingAddressSid } = payload as MigrateFlexFlowRequest;
      const flow = account.flexFlows.find((f) => f.sid === flowSid);
      if (!flow) return refusal(404, 'not_found', twilioSays(`Flex Flow ${flowSid} does not exist.`));
      const plan = planFlexFlowMigration(flow, account.flexConfiguration.flexConversationServiceSid);
      if (!plan.migratable) return refusal(409, 'not_migratable', plan.problem);
      // As the backend: an existing address with other settings changes only when confirmed.
      const index = account.addresses.findIndex((a) => a.address === plan.address.address);
      const existing = account.addresses[index];
      const differences = existing ? listOf(addressMismatches(plan.address, existing), ', ') : listOf([], ', ');
      if (existing && differences.list.length > 0 && updateExistingAddressSid !== existing.sid) {
        const { address, sid: existingSid } = existing;
        const steps = [
          {
            step: 'create_address',
            status: 'failed',
            ...detailOf({ key: 'MessagingSetupMigrationStepTaken', values: { address, sid: existingSid } }),
          },
        ];
        const outcome = messageOf({
          key: 'MessagingSetupMigrationNotCreated',
          values: {
            address,
            why: {
              key: 'MessagingSetupMigrationBecauseOtherSettings',
              values: { address, sid: existingSid, differences },
            },
          },
        });
        return { body: { outcome: 'unchanged', ...outcome, flexFlowSid: flowSid, address: null, steps } };
      }
      const created = addressFrom(plan.address, existing?.sid ?? sid('IG', nextAddress++));
      if (existing) account.addresses[index] = created;
      else account.addresses.push(created);
      account.flexFlows = account.flexFlows.filter((f) => f.sid !== flowSid);
      const { address, sid: createdSid } = created;
      const steps = [
        existing
          ? {
              step: 'update_address',
              status: 'done',
              ...detailOf({ key: 'MessagingSetupMigrationStepUpdated', values: { sid: createdSid, differences } }),
            }
          : {
              step: 'create_address',
              status: 'done',
              ...detailOf({ key: 'MessagingSetupMigrationStepCreated', values: { sid: createdSid, address } }),
            },
        {
          step: 'verify_address',
          status: 'done',
          ...detailOf({ key: 'MessagingSetupMigrationStepVerified', values: { sid: createdSid } }),
        },
        {
          step: 'delete_flex_flow',
          status: 'done',
          ...detailOf({ key: 'MessagingSetupMigrationStepFlowDeleted', values: { sid: flowSid } }),
        },
      ];
      const outcome = messageOf({
        key: 'MessagingSetupMigrationMigrated',
        values: { address, sid: createdSid, flowSid },
      });
      return { body: { outcome: 'migrated', ...outcome, flexFlowSid: flowSid, address: created, steps } };
    },
    'list-history': (payload) => {
      const { cursor, ...filters } = payload as ListHistoryRequest;
      const { pageSize, unreadable, integrity, chain = {} } = historyAnswers;
      const size = Math.max(1, pageSize ?? account.history.length);
      const from = Number(cursor ?? 0);
      const pageNumber = Math.floor(from / size);
      const read = account.history.slice(from, from + size).map((entry) => ({ ...entry, ...chain[entry.id] }));
      const rest = from + read.length < account.history.length;
      // The backend's own rule (src/contract/historyFilter.ts), so the fake filters as it does.
      const items = read.filter((entry) => matchesHistoryFilters(entry, filters));
      const unreadableHere =
        typeof unreadable === 'function' ? unreadable(pageNumber) : pageNumber === 0 ? unreadable : undefined;
      const verdict = typeof integrity === 'function' ? integrity(pageNumber, read) : integrity;
      return {
        body: {
          items,
          nextCursor: rest ? String(from + read.length) : null,
          ...(unreadableHere ? { unreadable: unreadableHere } : {}),
          ...(verdict ? { integrity: verdict } : {}),
        },
      };
    },
    // The backend's happy path: the entry's before-state put back (addresses), recorded as a revert.
    'revert-change': (payload) => {
      const { id } = payload as RevertChangeRequest;
      const reverted = account.history.find((entry) => entry.id === id);
      if (!reverted) return refusal(404, 'not_found', { key: 'MessagingSetupRefusalNoHistoryEntry', values: { id } });
      const before = reverted.before && 'address' in reverted.before ? reverted.before.address : null;
      account.addresses = account.addresses.filter((a) => a.sid !== reverted.resource.sid);
      if (before) account.addresses.push(before);
      const entry: HistoryEntry = {
        ...reverted,
        id: String(account.history.length + 1),
        at: '2026-12-06T12:00:00Z',
        who: { identity: 'demo.supervisor@owl.example', roles: ['supervisor'] },
        kind: 'revert',
        before: reverted.after,
        after: reverted.before,
        revertOf: reverted.id,
      };
      account.history.unshift(entry);
      return { body: { entry, history: { recorded: true, entryId: entry.id } } };
    },
    // The backend's happy path: the conversation closed and recorded (its refusals: respond()).
    'close-conversation': (payload) => {
      const { sid } = payload as CloseConversationRequest;
      return {
        body: {
          conversationSid: sid,
          previousState: 'active',
          state: 'closed',
          history: { recorded: true, entryId: String(account.history.length + 1) },
        },
      };
    },
    'trace-customer': (payload) => {
      const request = payload as TraceCustomerRequest;
      return { body: typeof traceAnswer === 'function' ? traceAnswer(request) : traceAnswer };
    },
    'list-stuck-conversations': () => ({ body: stuckAnswer() }),
    'list-set-asides': () => ({ body: { items: account.setAsides } }),
    // The backend's happy path: the mark set or cleared, recorded (its refusals: respond()).
    'set-number-aside': (payload) => {
      const { channel, address, aside, reason } = payload as SetNumberAsideRequest;
      account.setAsides = account.setAsides.filter((mark) => mark.address !== address);
      const mark = aside
        ? { channel, address, reason: reason ?? null, by: 'demo.supervisor@owl.example', at: '2026-12-06T12:00:00Z' }
        : null;
      if (mark) account.setAsides.push(mark);
      return { body: { mark, history: { recorded: true, entryId: String(account.history.length + 1) } } };
    },
    'list-alerts': (payload) => {
      const request = payload as ListAlertsRequest;
      return { body: typeof alertsAnswer === 'function' ? alertsAnswer(request) : alertsAnswer };
    },
    'delete-address': (payload) => {
      const { sid: addressSid } = payload as DeleteAddressRequest;
      const index = account.addresses.findIndex((a) => a.sid === addressSid);
      if (index < 0) return notFound(addressSid);
      account.addresses.splice(index, 1);
      return { body: { deleted: addressSid } };
    },
  };

  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const endpoint = url.slice(url.lastIndexOf('/') + 1) as BackendEndpoint;
    const form = new URLSearchParams(String(init?.body ?? ''));
    const payload = JSON.parse(form.get('Payload') ?? '{}') as unknown;
    requests.push({ endpoint, token: form.get('Token'), payload });
    // Answer in a later task, as a network does: the view's updates then land while the test
    // waits for them (inside act), not in the gap after a user event.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const handler = overrides.get(endpoint) ?? handlers[endpoint];
    if (!handler) return fakeResponse(errorReply(404, 'not_found', `No function ${endpoint}.`));
    return fakeResponse(await handler(payload));
  };

  /** A client of this backend that words what it answers with `strings` (an account's, say). */
  const clientWith = (strings?: MessagingSetupStrings): BackendClient =>
    createBackendClient({
      baseUrl: 'https://messaging-setup-1234-dev.twil.io',
      getToken: () => token,
      fetch: fetchImpl,
      sleep: async () => undefined,
      ...(strings ? { strings } : {}),
    });
  const backend = clientWith();

  return {
    backend,
    clientWith,
    account,
    requests,
    /** Replaces the default answer of one endpoint. */
    respond(endpoint: BackendEndpoint, handler: EndpointHandler) {
      overrides.set(endpoint, handler);
    },
    /** What list-history answers beside the entries: pages, unreadable items, the chain's verdict. */
    answerHistory(answers: FakeHistoryAnswers) {
      historyAnswers = answers;
    },
    /** What trace-customer answers (its refusals and failures: respond()). */
    answerTrace(answer: FakeTraceAnswer) {
      traceAnswer = answer;
    },
    /** What list-alerts answers (its refusals and failures: respond()). */
    answerAlerts(answer: FakeAlertsAnswer) {
      alertsAnswer = answer;
    },
    /** What list-stuck-conversations answers, read per request (its failures: respond()). */
    answerStuck(answer: ListStuckConversationsResponse | (() => ListStuckConversationsResponse)) {
      stuckAnswer = typeof answer === 'function' ? answer : () => answer;
    },
    /** Back to the default answer of one endpoint. */
    restore(endpoint: BackendEndpoint) {
      overrides.delete(endpoint);
    },
    /** The payloads sent to one endpoint, in order. */
    payloadsTo(endpoint: BackendEndpoint): unknown[] {
      return requests.filter((r) => r.endpoint === endpoint).map((r) => r.payload);
    },
    writes(): RecordedRequest[] {
      return requests.filter((r) => isWrite(r.endpoint));
    },
  };
}

export type FakeBackend = ReturnType<typeof createFakeBackend>;
