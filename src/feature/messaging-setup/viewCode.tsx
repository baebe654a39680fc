/**
 * The view's code: what a permitted user's browser loads the first time they open the view
 * (registration/loadViewCode.ts), never at Flex's start. Everything Paste is here.
 */
import React from 'react';
import type * as Flex from '@twilio/flex-ui';
import { CustomizationProvider, type CustomizationProviderProps } from '@twilio-paste/core/customization';

import { createBackendClient } from './api/backendClient';
import { TABLE_ELEMENTS } from './components/table/tableDensity';
import { MessagingSetupView, type Notify } from './components/view/MessagingSetupView';
import { usePasteThemeProps } from './registration/pasteThemeRelay';
import { resolveStrings } from './strings';

// Flex's wrapper passes this style too; Paste's provider hands it to its root element, though its
// props' type does not name it.
const FILL = { style: { minWidth: '100%', height: '100%' } } as object;

/** Paste's provider with the theme Flex gave the registration's relay, as Flex itself would pass it. */
function PasteThemed({ children }: { children: React.ReactNode }) {
  const { baseTheme, theme } = usePasteThemeProps();
  return (
    <CustomizationProvider
      baseTheme={baseTheme as CustomizationProviderProps['baseTheme']}
      theme={theme as CustomizationProviderProps['theme']}
      elements={TABLE_ELEMENTS}
      {...FILL}
    >
      {children}
    </CustomizationProvider>
  );
}

export interface ViewCodeOptions {
  manager: Flex.Manager;
  backendUrl: string;
  notify: Notify;
}

/**
 * The view, made once when its code has loaded. Its strings (with the account's words) join Flex's
 * `manager.strings` now, so Flex's templates and an account's overrides use the same keys.
 */
export function createMessagingSetupView({ manager, backendUrl, notify }: ViewCodeOptions): React.ReactElement {
  const strings = resolveStrings(manager.strings);
  manager.strings = { ...manager.strings, ...strings };
  return (
    <PasteThemed>
      <MessagingSetupView
        // Read the token on every call: Flex refreshes it while the page stays open.
        backend={createBackendClient({ baseUrl: backendUrl, getToken: () => manager.user.token, strings })}
        notify={notify}
        strings={strings}
      />
    </PasteThemed>
  );
}
