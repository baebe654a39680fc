import * as FlexPlugin from '@twilio/flex-plugin';

import MessagingSetupPlugin from './MessagingSetupPlugin';

FlexPlugin.loadPlugin(MessagingSetupPlugin);
