import type { CustomizationProviderProps } from '@twilio-paste/core/customization';

/**
 * The view's tables a step denser than Paste's default cells (12 px above and below, 16 px beside):
 * 8 px and 12 px. At 1280×800 in Flex that is what lets the first tab show eight rows below the
 * header, and the Phone numbers table fit 1024 px without a sideways scroll (issue #27;
 * e2e/firstScreen.spec.ts measures both). Given to the view's own Paste provider (viewCode.tsx),
 * so it changes nothing of Flex's.
 */
export const TABLE_ELEMENTS: NonNullable<CustomizationProviderProps['elements']> = {
  TD: { paddingTop: 'space30', paddingBottom: 'space30', paddingLeft: 'space40', paddingRight: 'space40' },
  TH: { paddingTop: 'space30', paddingBottom: 'space30', paddingLeft: 'space40', paddingRight: 'space40' },
};
