// Stands in for `@twilio-paste/color-contrast-utils` in the plugin bundle (see webpack.config.js).
//
// Its only importer is `useThemeContrastCheck` in @twilio-paste/theme, a design-time hook for
// checking a custom theme's contrast that nothing in this plugin (or Paste's components) calls.
// webpack 4 cannot drop an import used only by an unused export, so the real module — lodash
// helpers, a colour library and the full raw token JSON (~165 KB minified) — would ship unused.
// Calling any of these fails loudly instead of answering wrongly.
function notBundled() {
  throw new Error('@twilio-paste/color-contrast-utils is not included in the Messaging Setup plugin bundle');
}

export const convertRawTokenJSONToArray = notBundled;
export const flattenCategorizedTokens = notBundled;
export const getContrastRatingForTokenPairing = notBundled;
export const getContrastRatingsOfTokensWithDataVisualizationContrastRequirements = notBundled;
export const getContrastRatingsOfTokensWithTextContrastRequirements = notBundled;
export const getContrastRatingsOfTokensWithUIControlContrastRequirements = notBundled;
export const getNumberOfTextFailures = notBundled;
export const getNumberOfUIControlFailures = notBundled;
export const getTokensWithDataVisualizationContrastRequirements = notBundled;
export const getTokensWithTextContrastRequirements = notBundled;
export const getTokensWithUIControlContrastRequirements = notBundled;
