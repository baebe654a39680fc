import type { SourceName } from '../../state/setupData';
import type { MessagingSetupStringKey } from '../../strings';

/** How the view names each list it loads, in progress lines and load problems. */
export const SOURCE_LABEL: Record<SourceName, MessagingSetupStringKey> = {
  numbers: 'MessagingSetupSourceNumbers',
  senders: 'MessagingSetupSourceSenders',
  addresses: 'MessagingSetupSourceAddresses',
  studioFlows: 'MessagingSetupSourceStudioFlows',
  flexConfiguration: 'MessagingSetupSourceFlexConfiguration',
  messagingServiceNumbers: 'MessagingSetupSourceMessagingServiceNumbers',
  flexFlows: 'MessagingSetupSourceFlexFlows',
  setAsides: 'MessagingSetupSourceSetAsides',
};
