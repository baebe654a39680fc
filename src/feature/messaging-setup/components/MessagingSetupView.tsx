import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';

import { messagingSetupStrings, type MessagingSetupStrings } from '../strings';

interface MessagingSetupViewProps {
  strings?: MessagingSetupStrings;
}

export function MessagingSetupView({ strings = messagingSetupStrings }: MessagingSetupViewProps) {
  return (
    <Box padding="space60" overflowY="auto" height="100%" data-testid="messaging-setup-view">
      <Heading as="h1" variant="heading10">
        {strings.MessagingSetupTitle}
      </Heading>
      <Paragraph>{strings.MessagingSetupIntro}</Paragraph>
    </Box>
  );
}
