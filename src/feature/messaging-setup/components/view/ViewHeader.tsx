import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import { useStrings } from '../../strings';

/**
 * The view's title with its one-line intro beside it: at 1280×800 the rows below are what a
 * supervisor came for, so the top of the view takes one line, not a heading and a paragraph.
 */
export function ViewHeader() {
  const strings = useStrings();
  return (
    <Box display="flex" alignItems="baseline" columnGap="space50" flexWrap="wrap" marginBottom="space40">
      <Heading as="h1" variant="heading30" marginBottom="space0">
        {strings.MessagingSetupTitle}
      </Heading>
      <Text as="p" color="colorTextWeak" fontSize="fontSize20">
        {strings.MessagingSetupIntro}
      </Text>
    </Box>
  );
}
