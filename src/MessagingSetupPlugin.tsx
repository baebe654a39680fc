import type * as Flex from '@twilio/flex-ui';
import { FlexPlugin } from '@twilio/flex-plugin';

import { PasteThemeRelay } from './feature/messaging-setup/registration/pasteThemeRelay';
import { registerMessagingSetup } from './feature/messaging-setup/registerMessagingSetup';

const PLUGIN_NAME = 'MessagingSetupPlugin';

export default class MessagingSetupPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  /** Called by Flex once, after the UI has loaded and the user is signed in. */
  async init(flex: typeof Flex, manager: Flex.Manager): Promise<void> {
    // Flex UI 2 bundles no Paste for plugins: the Paste in the view's code needs its own theme
    // provider. The relay only hands on Flex's theme, so Paste loads with the view, on first open.
    flex.setProviders({ PasteThemeProvider: PasteThemeRelay });
    registerMessagingSetup(flex, manager);
  }
}
