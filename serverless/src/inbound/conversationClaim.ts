import type { BackendConfig } from '../config';
import { ClaimStore, type Claim } from '../coordination/claims';

/**
 * The claim that makes "one Interaction per conversation" hold under any interleaving: a Sync Map
 * Item keyed by the conversation, which Sync creates for one caller only (409 / 54208 for the
 * rest). It is taken before the Interaction is created, and only its winner creates one.
 *
 * - `claimed`: a call won and has sent nothing yet (or died before it did);
 * - `creating`: the winner is about to send the Interaction create (or sent it and died): from
 *   here on the Interaction may exist, so the claim is never taken over;
 * - `routed`: the Interaction exists (its SID);
 * - `unconfirmed`: the Interaction create got no answer or a 5xx — it may exist. Once it has had
 *   time to make its task (UNSETTLED_AFTER_MS), the next message looks for that task
 *   (routeConversationToFlex.ts): found, the claim is `routed` by the task; not found, it is
 *   taken over by one compare-and-set and the Interaction created — a lost answer is looked up
 *   before another is made.
 */
export type ConversationClaimData =
  | { state: 'claimed'; at: number; chatCustomerSid?: string }
  | { state: 'creating'; at: number; chatCustomerSid?: string }
  | ({ state: 'routed'; at: number; chatCustomerSid?: string } & RoutedBy)
  | { state: 'unconfirmed'; at: number; chatCustomerSid?: string };

/** What shows a conversation routed: the Interaction its create answered, or the task found for it. */
export type RoutedBy =
  { interactionSid: string; taskSid?: undefined } | { taskSid: string; interactionSid?: undefined };

/**
 * How long a `claimed` or `creating` claim is its winner's: longer than any Functions call lives (10 s), so a
 * claim older than this belongs to a call that died between the claim and the Interaction.
 */
export const CLAIM_LEASE_MS = 30_000;

/**
 * An Interaction create is asynchronous — "a 200 response only indicates that the server has
 * accepted the request" (twilio.com/docs/flex/developer/conversations/interactions-api/
 * interactions) — so its task may appear after the answer. A create whose outcome is unknown is
 * looked up only after this long; before, the conversation is left as in progress.
 */
export const UNSETTLED_AFTER_MS = 60_000;

/**
 * Claims outlive the conversation's first minutes only as a guard against a second task; the
 * conversation's marker covers the common case. 90 days is longer than Flex keeps a
 * conversation active by default, and well inside Sync's TTL limit (54011: one year).
 */
export const CLAIM_TTL_SECONDS = 90 * 24 * 60 * 60;

/** What a call holds after trying to claim a conversation. */
export type Acquired =
  | { kind: 'mine'; claim: Claim<ConversationClaimData> }
  | ({ kind: 'routed'; chatCustomerSid?: string } & RoutedBy)
  /** An Interaction create of unknown outcome, long enough ago to look for its task. */
  | { kind: 'unsettled'; claim: Claim<ConversationClaimData>; chatCustomerSid?: string }
  | { kind: 'busy'; reason: string };

export const conversationClaimKey = (conversationSid: string) => `conversation:${conversationSid}`;

const claimedData = (chatCustomerSid: string | undefined): ConversationClaimData => ({
  state: 'claimed',
  at: Date.now(),
  ...(chatCustomerSid ? { chatCustomerSid } : {}),
});

export class ConversationClaims {
  private readonly store: ClaimStore;

  constructor(config: BackendConfig) {
    this.store = new ClaimStore(config);
  }

  /**
   * Claims the conversation for this call, or says who holds it: a `claimed` claim older than the
   * lease (its winner died before sending anything) is taken over by one compare-and-set.
   */
  async acquire(conversationSid: string, chatCustomerSid: string | undefined): Promise<Acquired> {
    const { won, claim } = await this.take(conversationSid, chatCustomerSid);
    if (won) return { kind: 'mine', claim };
    const held = readable(claim.data);
    if (!held)
      return { kind: 'busy', reason: 'This conversation’s claim is not one this handler wrote; nothing is made.' };
    const chat = held.chatCustomerSid ? { chatCustomerSid: held.chatCustomerSid } : {};
    if (held.state === 'routed') {
      return held.interactionSid !== undefined
        ? { kind: 'routed', interactionSid: held.interactionSid, ...chat }
        : { kind: 'routed', taskSid: held.taskSid, ...chat };
    }
    if (held.state === 'unconfirmed' || (held.state === 'creating' && !isFresh(held))) {
      if (Date.now() - held.at >= UNSETTLED_AFTER_MS) return { kind: 'unsettled', claim, ...chat };
      return {
        kind: 'busy',
        reason: 'An Interaction for this conversation was requested and Twilio did not confirm it; none is made again.',
      };
    }
    if (isFresh(held)) return { kind: 'busy', reason: 'Another call is creating this conversation’s Interaction.' };
    const takenOver = await this.move(conversationSid, claim, claimedData(held.chatCustomerSid));
    return takenOver
      ? { kind: 'mine', claim: takenOver }
      : { kind: 'busy', reason: 'Another call took this conversation over.' };
  }

  private take(conversationSid: string, chatCustomerSid: string | undefined) {
    return this.store.claim<ConversationClaimData>(
      conversationClaimKey(conversationSid),
      claimedData(chatCustomerSid),
      CLAIM_TTL_SECONDS,
    );
  }

  /** Moves the claim from `claim`'s revision to `data`: undefined when another call moved it first. */
  move(conversationSid: string, claim: Claim<ConversationClaimData>, data: ConversationClaimData) {
    return this.store.replace(conversationClaimKey(conversationSid), claim.revision, data, CLAIM_TTL_SECONDS);
  }

  /** Gives the conversation back (a refused Interaction create): the next message may route it. */
  release(conversationSid: string, claim: Claim<ConversationClaimData>) {
    return this.store.release(conversationClaimKey(conversationSid), claim.revision);
  }
}

/**
 * The claim's data if it has the shape this handler writes. Anyone who can write the Sync service
 * can write the item, so it is checked before it is believed; an unreadable claim makes nothing.
 */
function readable(data: unknown): ConversationClaimData | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { state, at, interactionSid, taskSid, chatCustomerSid } = data as Record<string, unknown>;
  if (typeof at !== 'number' || !Number.isFinite(at)) return undefined;
  if (chatCustomerSid !== undefined && typeof chatCustomerSid !== 'string') return undefined;
  const chat = typeof chatCustomerSid === 'string' ? { chatCustomerSid } : {};
  if (state === 'routed') {
    if (typeof interactionSid === 'string' && interactionSid !== '') return { state, at, interactionSid, ...chat };
    if (typeof taskSid === 'string' && taskSid !== '') return { state, at, taskSid, ...chat };
    return undefined;
  }
  return state === 'claimed' || state === 'creating' || state === 'unconfirmed' ? { state, at, ...chat } : undefined;
}

/** Whether a `claimed` or `creating` claim's winner may still be at work. */
export const isFresh = (data: ConversationClaimData, now = Date.now()): boolean => now - data.at < CLAIM_LEASE_MS;
