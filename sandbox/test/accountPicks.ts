/**
 * What tests pick from a sandbox account, for the sandbox's own tests and the backend's alike.
 */
import type { SandboxAccount } from '../server/state';

/** The account's SMS numbers nothing else handles: no address, number handler, Flex Flow or Messaging Service. */
export function quietNumbers(account: SandboxAccount): string[] {
  const inService = new Set(
    [...account.messagingServiceNumbers.values()].flatMap((c) => c.all().map((m) => String(m.phone_number))),
  );
  const heldByFlexFlow = new Set(account.flexFlows.all().map((f) => f.contact_identity));
  return account.incomingPhoneNumbers
    .all()
    .filter((n) => n.capabilities.sms && !n.sms_url && !n.sms_application_sid)
    .map((n) => n.phone_number)
    .filter((p) => !account.findAddress(p) && !inService.has(p) && !heldByFlexFlow.has(p));
}
