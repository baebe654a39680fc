import type {
  AddressSummary,
  FlexConfigurationSummary,
  FlexFlowSummary,
  MessagingServiceNumbers,
  PhoneNumberSummary,
  SetAsideMark,
  StudioFlowSummary,
  WhatsAppSenderSummary,
} from '../../../contract/types';

/** The lists the view loads; each loads page by page and may fail on its own. */
export type SourceName =
  | 'numbers'
  | 'senders'
  | 'addresses'
  | 'studioFlows'
  | 'flexConfiguration'
  | 'messagingServiceNumbers'
  | 'flexFlows'
  | 'setAsides';

interface SourceState {
  loading: boolean;
  error: string | null;
  /** The failure's machine code (`unreachable`, `token_invalid`, …), for saying what to do. */
  errorCode?: string;
  /** Whether its first load has ended (answered or failed); stays true while it loads again. */
  settled?: true;
}

export interface SetupData {
  numbers: PhoneNumberSummary[];
  senders: WhatsAppSenderSummary[];
  /** Keyed by SID; SMS and WhatsApp, including addresses of numbers not on this account. */
  addresses: Map<string, AddressSummary>;
  studioFlows: StudioFlowSummary[];
  flexConfiguration: FlexConfigurationSummary | null;
  /** The Messaging Services and the numbers in each (one request for all of them). */
  messagingServiceNumbers: MessagingServiceNumbers['services'];
  /** Legacy Flex Flows (Flex UI 1.x messaging). */
  flexFlows: FlexFlowSummary[];
  /** The numbers and senders set aside as not for Flex, by their address (`+1…`, `whatsapp:+1…`). */
  setAsides: ReadonlyMap<string, SetAsideMark>;
  sources: Record<SourceName, SourceState>;
}

export type SetupAction =
  | { type: 'start'; source: SourceName }
  | { type: 'numbers'; items: PhoneNumberSummary[] }
  | { type: 'senders'; items: WhatsAppSenderSummary[] }
  | { type: 'addresses'; items: AddressSummary[] }
  | { type: 'studioFlows'; items: StudioFlowSummary[] }
  | { type: 'flexConfiguration'; flexConfiguration: FlexConfigurationSummary }
  | { type: 'messagingServiceNumbers'; services: MessagingServiceNumbers['services'] }
  | { type: 'flexFlows'; items: FlexFlowSummary[] }
  | { type: 'setAsides'; items: SetAsideMark[] }
  /** A number's or sender's mark as it is now (null: not set aside), after a write or a revert. */
  | { type: 'set-aside-changed'; address: string; mark: SetAsideMark | null }
  | { type: 'number-updated'; number: PhoneNumberSummary }
  | { type: 'default-service-set'; serviceSid: string }
  | { type: 'done'; source: SourceName }
  | { type: 'failed'; source: SourceName; error: string; code: string }
  | { type: 'address-saved'; address: AddressSummary }
  | { type: 'address-deleted'; sid: string }
  | { type: 'flex-flow-deleted'; sid: string }
  /** A number's own inbound handlers as they are now (a revert restored them). */
  | { type: 'number-inbound-set'; sid: string; smsUrl: string | null; smsApplicationSid: string | null };

const idle: SourceState = { loading: false, error: null };

/** Whether a list has loaded in full (not loading, not failed). */
export const isLoaded = (data: Pick<SetupData, 'sources'>, source: SourceName): boolean =>
  !data.sources[source].loading && !data.sources[source].error;

export const initialSetupData: SetupData = {
  numbers: [],
  senders: [],
  addresses: new Map(),
  studioFlows: [],
  flexConfiguration: null,
  messagingServiceNumbers: [],
  flexFlows: [],
  setAsides: new Map(),
  sources: {
    numbers: idle,
    senders: idle,
    addresses: idle,
    studioFlows: idle,
    flexConfiguration: idle,
    messagingServiceNumbers: idle,
    flexFlows: idle,
    setAsides: idle,
  },
};

function withSource(state: SetupData, source: SourceName, value: SourceState): SetupData {
  return { ...state, sources: { ...state.sources, [source]: value } };
}

export function setupReducer(state: SetupData, action: SetupAction): SetupData {
  switch (action.type) {
    case 'start': {
      // A (re)load replaces what the source had, so a retry never shows rows twice.
      const cleared: Partial<SetupData> =
        action.source === 'addresses' || action.source === 'setAsides'
          ? { [action.source]: new Map() }
          : action.source === 'flexConfiguration'
            ? {}
            : action.source === 'messagingServiceNumbers'
              ? { messagingServiceNumbers: [] }
              : { [action.source]: [] };
      const { settled } = state.sources[action.source];
      return withSource({ ...state, ...cleared }, action.source, {
        loading: true,
        error: null,
        ...(settled && { settled }),
      });
    }
    case 'numbers':
      return { ...state, numbers: [...state.numbers, ...action.items] };
    case 'senders':
      return { ...state, senders: [...state.senders, ...action.items] };
    case 'studioFlows':
      return { ...state, studioFlows: [...state.studioFlows, ...action.items] };
    case 'addresses': {
      const addresses = new Map(state.addresses);
      for (const item of action.items) addresses.set(item.sid, item);
      return { ...state, addresses };
    }
    case 'flexConfiguration':
      return { ...state, flexConfiguration: action.flexConfiguration };
    case 'messagingServiceNumbers':
      return { ...state, messagingServiceNumbers: action.services };
    case 'flexFlows':
      return { ...state, flexFlows: [...state.flexFlows, ...action.items] };
    case 'setAsides': {
      const setAsides = new Map(state.setAsides);
      for (const mark of action.items) setAsides.set(mark.address, mark);
      return { ...state, setAsides };
    }
    case 'set-aside-changed': {
      const setAsides = new Map(state.setAsides);
      if (action.mark) setAsides.set(action.address, action.mark);
      else setAsides.delete(action.address);
      return { ...state, setAsides };
    }
    case 'number-updated':
      return { ...state, numbers: state.numbers.map((n) => (n.sid === action.number.sid ? action.number : n)) };
    case 'default-service-set':
      return state.flexConfiguration
        ? {
            ...state,
            flexConfiguration: { ...state.flexConfiguration, defaultConversationServiceSid: action.serviceSid },
          }
        : state;
    case 'done':
      return withSource(state, action.source, { loading: false, error: null, settled: true });
    case 'failed':
      return withSource(state, action.source, {
        loading: false,
        error: action.error,
        errorCode: action.code,
        settled: true,
      });
    case 'address-saved': {
      const addresses = new Map(state.addresses);
      addresses.set(action.address.sid, action.address);
      return { ...state, addresses };
    }
    case 'address-deleted': {
      const addresses = new Map(state.addresses);
      addresses.delete(action.sid);
      return { ...state, addresses };
    }
    case 'flex-flow-deleted':
      return { ...state, flexFlows: state.flexFlows.filter((f) => f.sid !== action.sid) };
    case 'number-inbound-set': {
      const { sid, smsUrl, smsApplicationSid } = action;
      return {
        ...state,
        numbers: state.numbers.map((n) => (n.sid === sid ? { ...n, smsUrl, smsApplicationSid } : n)),
      };
    }
    default:
      return state;
  }
}

/** Address configurations by their address (`+1…` or `whatsapp:+1…`), for the rows to look up. */
export function addressesByAddress(addresses: ReadonlyMap<string, AddressSummary>): Map<string, AddressSummary> {
  const byAddress = new Map<string, AddressSummary>();
  for (const address of addresses.values()) byAddress.set(address.address, address);
  return byAddress;
}
