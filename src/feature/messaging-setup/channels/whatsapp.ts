import { CONTRACT_CHANNELS } from '../../../contract/channels';
import type { WhatsAppSenderSummary } from '../../../contract/types';
import { MESSAGING_FLOW_NAME } from '../constants';
import { addressFindings, finding, flexFlowFindings } from '../diagnostics/diagnose';
import { fill } from '../strings';
import { channelTab, type ChannelDescriptor } from './ChannelDescriptor';
import { TAB } from './tabIds';

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
      note: fill(strings.MessagingSetupNoteSender, { status: s.status }),
      connectable: true,
    }),
    // A sender that is not ONLINE (Senders v2 status) delivers nothing, whatever its address says.
    findings: (s, _row, ctx) => [
      ...addressFindings(ctx.addressesByAddress.get(s.senderId), s.senderId, ctx),
      ...(s.status === 'ONLINE'
        ? []
        : [
            finding('sender-not-online', 'broken', 'MessagingSetupFindingSenderOffline', {
              status: s.status,
              reasons: s.offlineReasons.length > 0 ? ` (${s.offlineReasons.join('; ')})` : '',
            }),
          ]),
      ...flexFlowFindings(s.senderId, ctx),
    ],
  }),
};
