import { CONTRACT_CHANNELS } from '../../../contract/channels';
import type { WhatsAppSenderSummary } from '../../../contract/types';
import { MESSAGING_FLOW_NAME } from '../constants';
import { addressFindings, finding, flexFlowFindings, type Finding } from '../diagnostics/diagnose';
import { fill, type MessagingSetupStringKey, type MessagingSetupStrings } from '../strings';
import { channelTab, type ChannelDescriptor } from './ChannelDescriptor';
import { TAB } from './tabIds';

/**
 * How a sender stands, from its Senders v2 status (../shared/twilio/CONTRACTS.md): live
 * (ONLINE, or ONLINE:UPDATING while a change is applied), not yet live (being made, verified or
 * reviewed), or offline. A status this code does not know is taken as offline: it is not known to deliver.
 */
export function senderStanding(status: string): 'online' | 'in-review' | 'offline' {
  if (status === 'ONLINE' || status === 'ONLINE:UPDATING') return 'online';
  return IN_REVIEW.has(status) ? 'in-review' : 'offline';
}

const IN_REVIEW = new Set(['CREATING', 'PENDING_VERIFICATION', 'VERIFYING', 'TWILIO_REVIEW', 'DRAFT', 'STUBBED']);

/** Each status in a supervisor's words (the view's strings), never the raw enum. */
const STATUS_WORD: Record<string, MessagingSetupStringKey> = {
  CREATING: 'MessagingSetupSenderCreating',
  ONLINE: 'MessagingSetupSenderOnline',
  OFFLINE: 'MessagingSetupSenderOffline',
  PENDING_VERIFICATION: 'MessagingSetupSenderPendingVerification',
  VERIFYING: 'MessagingSetupSenderVerifying',
  'ONLINE:UPDATING': 'MessagingSetupSenderUpdating',
  TWILIO_REVIEW: 'MessagingSetupSenderTwilioReview',
  DRAFT: 'MessagingSetupSenderDraft',
  STUBBED: 'MessagingSetupSenderStubbed',
};

/** A status's words; one this code does not know shows as Twilio gives it. */
export function senderStatusWord(status: string, strings: MessagingSetupStrings): string {
  const key = STATUS_WORD[status];
  return key ? strings[key] : status;
}

/** A finding with the sender's `{{status}}` in the view's words (or Twilio's value when unknown). */
function withStatus(found: Finding, status: string): Finding {
  const key = STATUS_WORD[status];
  return key
    ? { ...found, wordedValues: { ...found.wordedValues, status: key } }
    : { ...found, values: { ...found.values, status } };
}

export const whatsappChannel: ChannelDescriptor = {
  type: 'whatsapp',
  contract: CONTRACT_CHANNELS.whatsapp,
  label: 'MessagingSetupTypeWhatsApp',
  addressField: 'MessagingSetupFieldSender',
  studioFlowNames: [MESSAGING_FLOW_NAME],
  health: { heading: 'MessagingSetupHealthCountsSenders', countLabel: 'MessagingSetupHealthCountLabelSenders' },
  tab: channelTab<WhatsAppSenderSummary>({
    tabId: TAB.senders,
    tabLabel: 'MessagingSetupTabSenders',
    addressHeading: 'MessagingSetupColumnSender',
    loadingText: 'MessagingSetupLoadingSenders',
    emptyText: 'MessagingSetupNoSenders',
    isLoading: (data) => data.sources.senders.loading,
    accountList: true,
    inputs: (data) => [data.senders],
    subjects: (data) => data.senders,
    row: (s, strings) => ({
      key: s.sid,
      type: 'whatsapp',
      address: s.senderId,
      name: s.profileName ?? '',
      note: fill(strings.MessagingSetupNoteSender, { status: senderStatusWord(s.status, strings) }),
      connectable: true,
    }),
    findings: (s, _row, ctx) => {
      const standing = senderStanding(s.status);
      // A sender not yet live (being made, verified or reviewed) is in use for nothing yet: its
      // own state, not a problem, and its address cannot be judged by what it delivers.
      if (standing === 'in-review') {
        return [withStatus(finding('sender-in-review', 'inactive', 'MessagingSetupFindingSenderInReview'), s.status)];
      }
      return [
        ...addressFindings(ctx.addressesByAddress.get(s.senderId), s.senderId, ctx),
        // An offline sender (Senders v2 status) delivers nothing, whatever its address says.
        ...(standing === 'online'
          ? []
          : [
              withStatus(
                finding('sender-not-online', 'broken', 'MessagingSetupFindingSenderOffline', {
                  reasons: s.offlineReasons.length > 0 ? ` (${s.offlineReasons.join('; ')})` : '',
                }),
                s.status,
              ),
            ]),
        ...flexFlowFindings(s.senderId, ctx),
      ];
    },
  }),
};
