import { CONTRACT_CHANNELS } from '../../../contract/channels';
import type { PhoneNumberSummary } from '../../../contract/types';
import { MESSAGING_FLOW_NAME } from '../constants';
import { addressFindings, finding, flexFlowFindings, notChecked, type Finding } from '../diagnostics/diagnose';
import { channelTab, type ChannelDescriptor } from './ChannelDescriptor';
import { TAB } from './tabIds';

/**
 * A number's own findings: no SMS at all; beside an address its "A message comes in" URL or SMS
 * application runs in parallel with it, and without one they are the only route (so the fix is to
 * create the address first); a Messaging Service's inbound settings win over the number's.
 */
function numberFindings(number: PhoneNumberSummary, ctx: Parameters<typeof addressFindings>[2]): Finding[] {
  // A voice-only number is no problem: it is not in use for messaging (its own state, "Voice only").
  if (!number.capabilities.sms) return [finding('no-sms-capability', 'inactive', 'MessagingSetupFindingNoSms')];
  const address = ctx.addressesByAddress.get(number.phoneNumber);
  const findings = addressFindings(address, number.phoneNumber, ctx);
  if (number.smsUrl) {
    findings.push(
      finding(
        'sms-url-set',
        'warning',
        address ? 'MessagingSetupFindingSmsUrlBeside' : 'MessagingSetupFindingSmsUrlOnly',
        { url: number.smsUrl },
      ),
    );
  }
  if (number.smsApplicationSid) {
    findings.push(
      finding(
        'sms-application-set',
        'warning',
        address ? 'MessagingSetupFindingSmsAppBeside' : 'MessagingSetupFindingSmsAppOnly',
        { sid: number.smsApplicationSid },
      ),
    );
  }
  if (!ctx.complete.messagingServiceNumbers) findings.push(notChecked('messagingServiceNumbers', ctx));
  const service = ctx.complete.messagingServiceNumbers ? ctx.messagingServiceByNumberSid.get(number.sid) : undefined;
  if (service) {
    findings.push(
      finding('in-messaging-service', 'warning', 'MessagingSetupFindingMessagingService', { name: service }),
    );
  }
  return [...findings, ...flexFlowFindings(number.phoneNumber, ctx)];
}

export const smsChannel: ChannelDescriptor = {
  type: 'sms',
  contract: CONTRACT_CHANNELS.sms,
  label: 'MessagingSetupTypeSms',
  addressField: 'MessagingSetupFieldPhoneNumber',
  studioFlowNames: [MESSAGING_FLOW_NAME],
  health: { heading: 'MessagingSetupHealthCounts', countLabel: 'MessagingSetupHealthCountLabel', always: true },
  tab: channelTab<PhoneNumberSummary>({
    tabId: TAB.numbers,
    tabLabel: 'MessagingSetupTabNumbers',
    addressHeading: 'MessagingSetupColumnPhoneNumber',
    loadingText: 'MessagingSetupLoadingNumbers',
    emptyText: 'MessagingSetupNoNumbers',
    isLoading: (data) => data.sources.numbers.loading,
    accountList: true,
    inputs: (data) => [data.numbers],
    subjects: (data) => data.numbers,
    row: (n, strings) => ({
      key: n.sid,
      type: 'sms',
      address: n.phoneNumber,
      name: n.friendlyName,
      note: n.capabilities.sms ? null : strings.MessagingSetupNoteNoSms,
      connectable: n.capabilities.sms,
      number: n,
    }),
    findings: (n, _row, ctx) => numberFindings(n, ctx),
  }),
};
