import React from 'react';
import { render, type RenderOptions } from '@testing-library/react';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import { CacheProvider, createCache } from '@twilio-paste/core/styling-library';

/**
 * Paste's styles go to a style element outside the document: jsdom would otherwise re-parse the
 * growing stylesheet on each insert and match every rule in each getComputedStyle call, which makes
 * role queries and clicks take seconds. Layout is not tested here; the browser tests look at it.
 */
const styleContainer = document.createElement('div');
const detachedStyles = createCache({ key: 'test', container: styleContainer });

/** Paste components need a theme, which Flex gives the plugin's tree (PasteThemeProvider, default theme). */
export function renderWithPaste(ui: React.ReactElement, options?: Omit<RenderOptions, 'wrapper'>) {
  const Wrapper = ({ children }: { children?: React.ReactNode }) => (
    <CacheProvider value={detachedStyles}>
      <CustomizationProvider baseTheme="default" disableAnimations>
        {children}
      </CustomizationProvider>
    </CacheProvider>
  );
  return render(ui, { wrapper: Wrapper, ...options });
}
