import { CONTRACT_CHANNELS } from '../../../contract/channels';
import { MESSAGING_FLOW_NAME } from '../constants';
import { diagnoseAddress } from '../diagnostics/diagnose';
import { facebookPagesOf, type FacebookPage } from './facebookPages';
import { fill } from '../strings';
import { channelTab, type ChannelDescriptor } from './ChannelDescriptor';
import { TAB } from './tabIds';

export const messengerChannel: ChannelDescriptor = {
  type: 'messenger',
  contract: CONTRACT_CHANNELS.messenger,
  label: 'MessagingSetupTypeMessenger',
  addressField: 'MessagingSetupFieldPage',
  studioFlowNames: [MESSAGING_FLOW_NAME],
  health: { heading: 'MessagingSetupHealthCountsPages', countLabel: 'MessagingSetupHealthCountLabelPages' },
  // Twilio lists no connected pages: a page is known by a Messenger address or a legacy Flex Flow.
  tab: channelTab<FacebookPage>({
    tabId: TAB.pages,
    tabLabel: 'MessagingSetupTabPages',
    addressHeading: 'MessagingSetupColumnPage',
    loadingText: 'MessagingSetupLoadingPages',
    emptyText: 'MessagingSetupNoPages',
    intro: 'MessagingSetupPagesIntro',
    isLoading: (data) => data.sources.addresses.loading || data.sources.flexFlows.loading,
    inputs: (data) => [data.addresses, data.flexFlows],
    subjects: (data) => facebookPagesOf(data.addresses.values(), data.flexFlows),
    row: (page, strings) => ({
      key: `page:${page.address}`,
      type: 'messenger',
      address: page.address,
      name: page.name,
      note: page.flexFlowName ? fill(strings.MessagingSetupNotePageFromFlexFlow, { name: page.flexFlowName }) : null,
      connectable: true,
    }),
    findings: (page, _row, ctx) => diagnoseAddress(page.address, ctx).findings,
  }),
};
