/** A conversation participant as Twilio lists it: the fields that say who it is. */
interface ParticipantLike {
  identity: string | null;
  messagingBinding: unknown;
}

/**
 * Who the customer of a conversation is, from its participants: the one with a messaging binding
 * (its address, and our side, the proxy address), else — a chat customer has no binding — the
 * first with an identity (a bot or an agent joins later). `bound`: whether a binding was found.
 */
export function customerOfParticipants(participants: readonly ParticipantLike[]): {
  customer: string | null;
  ourAddress: string | null;
  bound: boolean;
} {
  const binding = participants
    .map((p) => p.messagingBinding as { address?: unknown; proxy_address?: unknown } | null)
    .find((b) => typeof b?.address === 'string');
  return {
    customer:
      (typeof binding?.address === 'string' ? binding.address : null) ??
      participants.find((p) => p.identity)?.identity ??
      null,
    ourAddress: typeof binding?.proxy_address === 'string' ? binding.proxy_address : null,
    bound: binding !== undefined,
  };
}
