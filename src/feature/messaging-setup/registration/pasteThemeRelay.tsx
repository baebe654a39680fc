import React, { createContext, useContext, useMemo } from 'react';

/** The props Flex gives a plugin's PasteThemeProvider around its root (its setProviders wrapper). */
export interface PasteThemeProps {
  baseTheme?: string;
  theme?: object;
}

const PasteThemeContext = createContext<PasteThemeProps>({ baseTheme: 'default' });

/**
 * Given to `flex.setProviders` as the PasteThemeProvider: it only passes on the theme Flex hands it
 * (light or dark, and the account's tokens), so Paste itself can stay in the view's code, which
 * loads on first open; the view wraps itself in Paste's CustomizationProvider with these props.
 * It renders no element of its own, so Flex's root stays as it is.
 */
export function PasteThemeRelay({ baseTheme, theme, children }: PasteThemeProps & { children?: React.ReactNode }) {
  const value = useMemo(() => ({ baseTheme, theme }), [baseTheme, theme]);
  return <PasteThemeContext.Provider value={value}>{children}</PasteThemeContext.Provider>;
}

/** The theme Flex gave the relay (the default theme outside one, as in tests). */
export function usePasteThemeProps(): PasteThemeProps {
  return useContext(PasteThemeContext);
}
