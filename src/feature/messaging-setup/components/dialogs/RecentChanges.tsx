import React, { useEffect, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import type { HistoryIntegrity } from '../../../../contract/types';
import type { BackendClient } from '../../api/backendClient';
import { describeHistoryEntry, type HistoryNames } from '../../state/historyText';
import { whenText } from '../../state/historyTime';
import { useHistory } from '../../state/useHistory';
import { fill, useStrings, type MessagingSetupStrings } from '../../strings';

/** How many of an address's changes the diagnosis dialog shows; the History tab has the rest. */
const RECENT_CHANGES_SHOWN = 5;
/**
 * How many further pages it reads on its own while none of them holds a change of the address
 * (the backend filters a bounded slice of the history per call): then it asks before reading on.
 */
export const RECENT_CHANGES_PAGES_UNASKED = 5;

/** How many entries the pages read span (newest to oldest id), when the backend says which they are. */
function entriesRead(integrity: HistoryIntegrity | null): number | null {
  const newest = Number(integrity?.newest ?? NaN);
  const oldest = Number(integrity?.oldest ?? NaN);
  return Number.isInteger(newest) && Number.isInteger(oldest) && newest >= oldest ? newest - oldest + 1 : null;
}

const noneYet = (read: number | null, strings: MessagingSetupStrings) =>
  read === null
    ? strings.MessagingSetupRecentChangesNoneSoFar
    : fill(strings.MessagingSetupRecentChangesNoneInNewest, { count: read });

/**
 * An address's last few changes, newest first (one history request when the dialog opens). It
 * never says there is none while older history is unread: it reads on, a few pages unasked.
 */
export function RecentChanges({
  backend,
  names,
  address,
  showTimeline,
}: {
  backend: BackendClient;
  names: HistoryNames;
  address: string;
  /** Opens the address's whole timeline (the History tab, filtered to it); none: no link. */
  showTimeline?: (address: string) => void;
}) {
  const strings = useStrings();
  const history = useHistory(backend, { address });
  const shown = history.entries.slice(0, RECENT_CHANGES_SHOWN);
  // Further pages it may still read without asking.
  const [unasked, setUnasked] = useState(RECENT_CHANGES_PAGES_UNASKED);
  const { hasMore, loading, error, loadMore } = history;
  const readOn = shown.length === 0 && hasMore && !error && unasked > 0;

  useEffect(() => {
    if (!readOn || loading) return;
    setUnasked((left) => left - 1);
    loadMore();
  }, [readOn, loading, loadMore]);

  return (
    <Box as="section" aria-label={strings.MessagingSetupRecentChanges} marginTop="space60">
      <Heading as="h3" variant="heading50">
        {strings.MessagingSetupRecentChanges}
      </Heading>
      {history.error ? (
        <Text as="p">{fill(strings.MessagingSetupRecentChangesFailed, { error: history.error })}</Text>
      ) : shown.length > 0 ? (
        <Box as="ul" margin="space0" paddingLeft="space60">
          {shown.map((entry) => (
            <Text as="li" key={entry.id} fontSize="fontSize30" data-testid="recent-change">
              <time dateTime={entry.at} title={entry.at}>
                {whenText(entry.at, strings)}
              </time>
              : {describeHistoryEntry(entry, names, strings)}
            </Text>
          ))}
        </Box>
      ) : loading || readOn ? (
        <Text as="p">{strings.MessagingSetupRecentChangesLoading}</Text>
      ) : hasMore ? (
        <>
          <Text as="p">{noneYet(entriesRead(history.integrity), strings)}</Text>
          <Button variant="secondary" size="small" onClick={() => setUnasked(RECENT_CHANGES_PAGES_UNASKED)}>
            {strings.MessagingSetupRecentChangesShowOlder}
          </Button>
        </>
      ) : (
        <Text as="p">{strings.MessagingSetupRecentChangesNone}</Text>
      )}
      {/* The row's whole timeline: the History tab, filtered to this address. */}
      {showTimeline && (
        <Box marginTop="space30">
          <Button variant="link" onClick={() => showTimeline(address)}>
            {fill(strings.MessagingSetupHistoryShowTimeline, { address })}
          </Button>
        </Box>
      )}
    </Box>
  );
}
