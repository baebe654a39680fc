import React from 'react';
import { Text } from '@twilio-paste/core/text';

import { useWriteRetry } from '../../state/writeRetries';
import { fill, useStrings } from '../../strings';

/**
 * Beside a dialog's busy submit button: the write is being sent again, and which attempt this is
 * (Twilio's rate limit can hold a create for many seconds). Announced politely; says nothing
 * before the first retry, or once the write has ended.
 */
export function WriteRetryStatus() {
  const strings = useStrings();
  const retry = useWriteRetry();
  return (
    <Text as="p" fontSize="fontSize20" color="colorTextWeak" aria-live="polite" data-testid="write-retry-status">
      {retry &&
        fill(
          retry.reason === 'rate_limited' ? strings.MessagingSetupRetryingRateLimited : strings.MessagingSetupRetrying,
          {
            attempt: retry.attempt,
            attempts: retry.attempts,
          },
        )}
    </Text>
  );
}
