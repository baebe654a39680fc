/**
 * The demo account's numbers that are plainly not for Flex (#26): a voice-only line, a number
 * whose texts a marketing app answers, one a reminders app (a TwiML App) answers — named so, and
 * set aside as "not for Flex" by the account's admin, as the backend writes a mark (one Sync Map
 * item per number in the backend's own Sync Service: serverless/src/setAside/setAsideStore.ts).
 * So the demo's health counts show the few numbers that matter, and the "Not for Flex" filter has
 * rows. Made with the evidence (`evidence: true`, as `npm start` asks), after everything else.
 *
 * Plain numbers without an address are left as they are: whether one is for Flex is the
 * supervisor's call (the view offers the mark; `e2e/setAside.spec.ts` sets one).
 */
import { SET_ASIDE_MAP_NAME, setAsideKeyOf } from '../../src/contract/setAside';
import type { SetAsideMark } from '../../src/contract/types';
import { backendSyncServiceSid, seedSyncMapItem } from './resources/sync';
import type { IncomingPhoneNumber, SandboxAccount } from './state';
import { isoDate } from './wireFormat';

/** Who set them aside: the demo admin the host page signs in as (`?role=admin`). */
export const SET_ASIDE_SEED_BY = 'demo.admin@owl.example';

interface NotForFlex {
  friendlyName: string;
  reason: string;
  /** Which of the account's numbers without an address this is. */
  pick: (n: IncomingPhoneNumber) => boolean;
}

const NOT_FOR_FLEX: NotForFlex[] = [
  {
    friendlyName: 'Front desk (calls only)',
    reason: 'Voice line: it cannot receive texts.',
    pick: (n) => !n.capabilities.sms,
  },
  {
    friendlyName: 'Marketing texts',
    reason: 'Our marketing tool answers texts to this number.',
    pick: (n) => n.capabilities.sms && Boolean(n.sms_url),
  },
  {
    friendlyName: 'Appointment reminders',
    reason: 'The reminders app (a TwiML App) answers replies.',
    pick: (n) => n.capabilities.sms && Boolean(n.sms_application_sid),
  },
];

/** The numbers set aside, in the order above (tests read them from here). */
export function addNumbersNotForFlex(account: SandboxAccount): SetAsideMark[] {
  const service = backendSyncServiceSid(account);
  const withAddress = new Set(account.addresses.all().map((a) => a.address));
  // A number customers wrote to (the evidence's messages) is not plainly not for Flex.
  const taken = new Set(account.messages.all().map((m) => String(m.to)));
  const marks: SetAsideMark[] = [];
  for (const { friendlyName, reason, pick } of NOT_FOR_FLEX) {
    const number = account.incomingPhoneNumbers
      .all()
      .find((n) => !withAddress.has(n.phone_number) && !taken.has(n.phone_number) && pick(n));
    if (!number) continue;
    taken.add(number.phone_number);
    number.friendly_name = friendlyName;
    const mark: SetAsideMark = {
      channel: 'sms',
      address: number.phone_number,
      reason,
      by: SET_ASIDE_SEED_BY,
      at: isoDate(account.now()),
    };
    seedSyncMapItem(account, service, SET_ASIDE_MAP_NAME, setAsideKeyOf('sms', mark.address), { ...mark });
    marks.push(mark);
  }
  return marks;
}
