import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import type { BackendClient } from '../../api/backendClient';
import { describeHistoryEntry, formatWhen, type HistoryNames } from '../../state/historyText';
import { useHistory } from '../../state/useHistory';
import { fill, useStrings } from '../../strings';

/** How many of an address's changes the diagnosis dialog shows; the History tab has the rest. */
const RECENT_CHANGES_SHOWN = 5;

/** An address's last few changes, newest first (one history request when the dialog opens). */
export function RecentChanges({
  backend,
  names,
  address,
}: {
  backend: BackendClient;
  names: HistoryNames;
  address: string;
}) {
  const strings = useStrings();
  const history = useHistory(backend, { address });
  const shown = history.entries.slice(0, RECENT_CHANGES_SHOWN);
  return (
    <Box as="section" aria-label={strings.MessagingSetupRecentChanges} marginTop="space60">
      <Heading as="h3" variant="heading50">
        {strings.MessagingSetupRecentChanges}
      </Heading>
      {history.error ? (
        <Text as="p">{fill(strings.MessagingSetupRecentChangesFailed, { error: history.error })}</Text>
      ) : history.loading && shown.length === 0 ? (
        <Text as="p">{strings.MessagingSetupRecentChangesLoading}</Text>
      ) : shown.length === 0 ? (
        <Text as="p">{strings.MessagingSetupRecentChangesNone}</Text>
      ) : (
        <Box as="ul" margin="space0" paddingLeft="space60">
          {shown.map((entry) => (
            <Text as="li" key={entry.id} fontSize="fontSize30" data-testid="recent-change">
              {formatWhen(entry.at)}: {describeHistoryEntry(entry, names, strings)}
            </Text>
          ))}
        </Box>
      )}
    </Box>
  );
}
