import { InboundTraffic } from './inbound/traffic';
import { type SeededRandom } from './random';
import { notFound } from './twilioError';

/**
 * Resources are kept in their wire (JSON) shape, so a handler returns what it stores. Only the
 * fields the sandbox's own logic reads are typed; everything else is checked against the spec.
 */
export interface WireResource {
  sid: string;
  [field: string]: unknown;
}

export interface AutoCreation {
  enabled?: boolean;
  type?: 'webhook' | 'studio' | 'default';
  conversation_service_sid?: string;
  webhook_url?: string;
  webhook_method?: string;
  webhook_filters?: string[];
  studio_flow_sid?: string;
  studio_retry_count?: number;
  [field: string]: unknown;
}

export interface AddressConfiguration extends WireResource {
  type: string;
  address: string;
  friendly_name: string | null;
  auto_creation: AutoCreation;
}

export interface IncomingPhoneNumber extends WireResource {
  phone_number: string;
  capabilities: { voice: boolean; sms: boolean; mms: boolean; fax: boolean };
}

export interface FlexFlow extends WireResource {
  channel_type: string;
  contact_identity: string | null;
}

export interface SyncList extends WireResource {
  unique_name: string | null;
}

/** A Sync List Item is addressed by its index, not a SID (see resources/sync.ts). */
export interface SyncListItem {
  index: number;
  data: unknown;
  [field: string]: unknown;
}

/** The items of one Sync List: indexes only grow, so a deleted item leaves a gap, as in Sync. */
export class SyncListItems {
  private readonly items = new Map<number, SyncListItem>();
  private nextIndex = 0;

  constructor(private readonly resourcePath: string) {}

  /** Ascending by index. */
  all(): SyncListItem[] {
    return [...this.items.values()];
  }

  add(build: (index: number) => SyncListItem): SyncListItem {
    const item = build(this.nextIndex);
    this.nextIndex += 1;
    this.items.set(item.index, item);
    return item;
  }

  /** Throws Twilio's 404 for an unknown index. */
  get(index: number): SyncListItem {
    const item = this.items.get(index);
    if (!item) throw notFound(`${this.resourcePath}/${index}`);
    return item;
  }

  remove(index: number): void {
    if (!this.items.delete(index)) throw notFound(`${this.resourcePath}/${index}`);
  }
}

export interface SyncMap extends WireResource {
  unique_name: string | null;
}

/** A Sync Map Item is addressed by its key, not a SID (see resources/sync.ts). */
export interface SyncMapItem {
  key: string;
  data: unknown;
  revision: string;
  date_expires: string | null;
  [field: string]: unknown;
}

/** An insertion-ordered collection of resources addressed by SID. */
export class Collection<T extends WireResource> {
  private readonly items = new Map<string, T>();

  constructor(private readonly resourcePath: string) {}

  all(): T[] {
    return [...this.items.values()];
  }

  get size(): number {
    return this.items.size;
  }

  find(sid: string): T | undefined {
    return this.items.get(sid);
  }

  /** Throws Twilio's 404 for an unknown SID. */
  get(sid: string): T {
    const item = this.items.get(sid);
    if (!item) throw notFound(`${this.resourcePath}/${sid}`);
    return item;
  }

  add(item: T): T {
    this.items.set(item.sid, item);
    return item;
  }

  remove(sid: string): void {
    if (!this.items.delete(sid)) throw notFound(`${this.resourcePath}/${sid}`);
  }
}

/** Everything one sandbox account holds. `reset` replaces it whole. */
export class SandboxAccount {
  readonly addresses = new Collection<AddressConfiguration>('/v1/Configuration/Addresses');
  readonly conversationServices = new Collection<WireResource>('/v1/Services');
  readonly conversations = new Collection<WireResource>('/v1/Conversations');
  /** Keyed by conversation SID. */
  readonly conversationParticipants = new Map<string, Collection<WireResource>>();
  readonly incomingPhoneNumbers: Collection<IncomingPhoneNumber>;
  readonly flexFlows = new Collection<FlexFlow>('/v1/FlexFlows');
  readonly interactions = new Collection<WireResource>('/v1/Interactions');
  readonly studioFlows = new Collection<WireResource>('/v2/Flows');
  readonly workspaces = new Collection<WireResource>('/v1/Workspaces');
  /** Keyed by workspace SID. */
  readonly workflows = new Map<string, Collection<WireResource>>();
  readonly taskChannels = new Map<string, Collection<WireResource>>();
  /** TaskRouter Tasks, keyed by workspace SID (made by Interactions, or through the Tasks API). */
  readonly tasks = new Map<string, Collection<WireResource>>();
  /** Programmable Messaging's Message resources (API 2010): the inbound messages Twilio received, oldest first. */
  readonly messages: Collection<WireResource>;
  /** Monitor's Alerts (the Console's Debugger), oldest first. */
  readonly alerts = new Collection<WireResource>('/v1/Alerts');
  readonly messagingServices = new Collection<WireResource>('/v1/Services');
  /** Keyed by messaging service SID. */
  readonly messagingServiceNumbers = new Map<string, Collection<WireResource>>();
  readonly messagingServiceSenders = new Map<string, Collection<WireResource>>();
  readonly channelSenders = new Collection<WireResource>('/v2/Channels/Senders');
  /** Sync (the change history's store): services, their lists (keyed by service SID), list items (by list SID). */
  readonly syncServices = new Collection<WireResource>('/v1/Services');
  readonly syncLists = new Map<string, Collection<SyncList>>();
  readonly syncListItems = new Map<string, SyncListItems>();
  /** Sync Maps (keyed by service SID) and their items (by map SID, then item key). */
  readonly syncMaps = new Map<string, Collection<SyncMap>>();
  readonly syncMapItems = new Map<string, Map<string, SyncMapItem>>();
  /** Messages played with `POST /_sandbox/inbound`: conversations per customer, and the results. */
  readonly inbound = new InboundTraffic();
  conversationsConfiguration: Record<string, unknown> = {};
  flexConfiguration: Record<string, unknown> = {};
  /**
   * The email domains the account has added and authenticated (Flex › Manage › Email), lower case:
   * an `email` address configuration is accepted only on one of them. Twilio has no REST resource
   * for them here, so they are state a reset sets.
   */
  emailDomains = new Set<string>();

  constructor(
    readonly accountSid: string,
    /** Continues the seed's sequence, so SIDs made after a reset are reproducible too. */
    readonly random: SeededRandom,
    /** The clock for created/updated dates: fixed per seed, advancing one second per write. */
    private clock: Date,
  ) {
    this.incomingPhoneNumbers = new Collection<IncomingPhoneNumber>(
      `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers`,
    );
    this.messages = new Collection<WireResource>(`/2010-04-01/Accounts/${accountSid}/Messages`);
  }

  /**
   * Whether the clock also keeps up with the wall clock (a reset's `clock: 'wall'`, once its seeds
   * are made): never behind it, so what happens now is dated now, as Twilio dates it. Off, dates
   * depend on the seed only.
   */
  private followsWallClock = false;

  /** From now on the clock never falls behind the wall clock (see `followsWallClock`). */
  keepUpWithWallClock(): void {
    this.followsWallClock = true;
  }

  now(): Date {
    // One second per write from a fixed moment; on the wall clock, its time (a millisecond more
    // when writes come faster, so dates still never repeat and never run ahead of it by much).
    this.clock = new Date(
      this.followsWallClock ? Math.max(this.clock.getTime() + 1, Date.now()) : this.clock.getTime() + 1000,
    );
    return this.clock;
  }

  /** The clock as it stands, without advancing it: for reads that compare against it (expiry). */
  peekNow(): Date {
    return this.followsWallClock ? new Date(Math.max(this.clock.getTime(), Date.now())) : this.clock;
  }

  /** A child collection (workflows of a workspace, numbers of a service), made on first use. */
  static childOf<T extends WireResource>(
    parents: Map<string, Collection<T>>,
    parentSid: string,
    resourcePath: string,
  ): Collection<T> {
    let child = parents.get(parentSid);
    if (!child) {
      child = new Collection<T>(resourcePath);
      parents.set(parentSid, child);
    }
    return child;
  }

  /** Address configurations are addressed by IG SID or by the address itself (`+1…`, `whatsapp:+1…`). */
  findAddress(sidOrAddress: string): AddressConfiguration | undefined {
    const bySid = this.addresses.find(sidOrAddress);
    if (bySid) return bySid;
    return this.addresses.all().find((a) => a.address === sidOrAddress);
  }
}
