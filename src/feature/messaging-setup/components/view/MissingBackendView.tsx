import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';

import type { MessagingSetupStrings } from '../../strings';

/** What the view shows when it does not know where its backend is: what to set, and where. */
export function MissingBackendView({ strings }: { strings: MessagingSetupStrings }) {
  return (
    <Box padding="space60" data-testid="messaging-setup-view">
      <Heading as="h1" variant="heading10">
        {strings.MessagingSetupTitle}
      </Heading>
      <Alert variant="warning">{strings.MessagingSetupNoBackend}</Alert>
    </Box>
  );
}
