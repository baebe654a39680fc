import type {
  Recorded,
  SetAsideChannel,
  SetAsideMark,
  SetNumberAsideRequest,
  SetNumberAsideResponse,
} from '../../../src/contract/types';
import { BackendError } from '../http/backendError';
import type { FunctionDeps } from '../http/flexFunction';
import { recordChange, unrecordedRefusal, type ChangeDone } from '../history/recordChange';
import { senderResource } from '../history/resources';
import type { TwilioClient } from '../twilio/clientFactory';
import { sameMark, setAsideKeyOf, SetAsideStore } from './setAsideStore';

/** WhatsApp senders read to find one by its address (list-whatsapp-senders reads a page of this many). */
const SENDERS_READ = 1000;

/** Compare-and-set tries before a mark that keeps moving is refused (only a writer outside the backend moves it). */
const WRITE_ATTEMPTS = 3;

/**
 * The SID of the number (IncomingPhoneNumbers, by its number) or WhatsApp sender (Senders API
 * v2, by its sender id) at `address`, or undefined when the account has none there.
 */
export async function findSender(
  client: TwilioClient,
  channel: SetAsideChannel,
  address: string,
): Promise<string | undefined> {
  if (channel === 'sms') {
    const numbers = await client.incomingPhoneNumbers.list({ phoneNumber: address, limit: 1 });
    return numbers.find((number) => number.phoneNumber === address)?.sid;
  }
  const senders = await client.messaging.v2.channelsSenders.list({
    channel: 'whatsapp',
    pageSize: SENDERS_READ,
    limit: SENDERS_READ,
  });
  return senders.find((sender) => sender.senderId === address)?.sid;
}

/** 404 naming the address: the account has no such number or sender (nothing was written). */
export function unknownSender(channel: SetAsideChannel, address: string): BackendError {
  const problem = {
    key:
      channel === 'sms' ? 'MessagingSetupRefusalSetAsideUnknownNumber' : 'MessagingSetupRefusalSetAsideUnknownSender',
    values: { address },
  } as const;
  return new BackendError(404, 'not_found', problem, { address: problem });
}

/**
 * Sets a number or sender aside as not for Flex (with an optional reason), or clears the mark,
 * and records it (kind `set-aside`, before and after `{setAside: mark | null}`). Setting needs the
 * number or sender to be the account's (404 otherwise); clearing does not, so the mark of a number
 * since released can still be cleared. A mark that is already as asked is answered as such and not
 * recorded again.
 *
 * Two supervisors at once: the change runs holding the number's lease (recordChange), and its
 * write is a compare-and-set against the mark it read (setAsideStore.ts), so no change lands
 * between the read and the write, from this backend or not: each entry's before-state is the
 * mark it replaced.
 */
export async function setNumberAside(
  deps: FunctionDeps,
  request: SetNumberAsideRequest,
): Promise<Recorded<SetNumberAsideResponse>> {
  const { channel, address, aside } = request;
  const reason = request.reason ?? null;
  const sid = await findSender(deps.client, channel, address);
  if (aside && sid === undefined) throw unknownSender(channel, address);
  const store = new SetAsideStore(deps.config);
  const key = setAsideKeyOf(channel, address);
  const wanted: SetAsideMark | null = aside
    ? { channel, address, reason, by: deps.user.identity, at: new Date().toISOString() }
    : null;
  const done = (mark: SetAsideMark | null): ChangeDone<SetNumberAsideResponse> => ({
    result: { mark },
    after: { setAside: mark },
  });
  return recordChange(
    deps,
    {
      kind: 'set-aside',
      resource: senderResource(address, sid ?? null),
      // After a write whose outcome the store could not settle: the mark as asked is there, or not.
      look: async () => {
        const now = (await store.read(key))?.mark ?? null;
        return sameMark(now, wanted) ? { applied: true, done: done(wanted) } : { applied: false };
      },
    },
    async (tracked) => {
      for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt += 1) {
        const read = await store.read(key);
        const before = read?.mark ?? null;
        tracked.before = { setAside: before };
        // An item that is not a mark (changed outside the backend) is no mark: nothing to clear.
        if (wanted === null && before === null) {
          return { ...done(null), unrecorded: { key: 'MessagingSetupRefusalNotSetAside', values: { address } } };
        }
        if (wanted !== null && before !== null && before.reason === wanted.reason) {
          return {
            ...done(before),
            unrecorded: { key: 'MessagingSetupRefusalAlreadySetAside', values: { address } },
          };
        }
        if ((await store.write(key, read, wanted)) === 'applied') return done(wanted);
      }
      // Nothing was written: not a failed change in the history.
      throw unrecordedRefusal(
        new BackendError(409, 'set_aside_moved', { key: 'MessagingSetupRefusalSetAsideMoved', values: { address } }),
      );
    },
  );
}
