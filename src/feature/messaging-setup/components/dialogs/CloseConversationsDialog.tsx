import React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import type { CloseConversationResponse, StuckConversation } from '../../../../contract/types';
import { BULK_CREATE_PACE } from '../../state/bulkRunner';
import {
  closeCounts,
  closeResults,
  type CloseCounts,
  type CloseItemResult,
  type CloseResult,
} from '../../state/closeResults';
import { useBulkRun } from '../../state/useBulkRun';
import { fill, useStrings, type MessagingSetupStringKey, type MessagingSetupStrings } from '../../strings';
import { ProgressBar } from '../shared/ProgressBar';

interface CloseConversationsDialogProps {
  conversations: StuckConversation[];
  /** Closes one (the backend call); a thrown error is that item's result, the run goes on. */
  onClose: (conversation: StuckConversation) => Promise<CloseConversationResponse>;
  /** Once the run is over, with what came of it (the list reloads, one notification). */
  onFinished: (counts: CloseCounts) => void;
  onDismiss: () => void;
}

const RESULT: Record<
  CloseResult,
  { key: MessagingSetupStringKey; variant: 'success' | 'neutral' | 'warning' | 'error' }
> = {
  closed: { key: 'MessagingSetupStuckResultClosed', variant: 'success' },
  'already-closed': { key: 'MessagingSetupStuckResultAlreadyClosed', variant: 'neutral' },
  'task-open': { key: 'MessagingSetupStuckResultTaskOpen', variant: 'warning' },
  failed: { key: 'MessagingSetupStuckResultFailed', variant: 'error' },
  cancelled: { key: 'MessagingSetupStuckResultCancelled', variant: 'neutral' },
};

/** "+15551234567 → +14155550100 (CH…)": who, through which of our addresses, which conversation. */
const itemText = ({ customer, ourAddress, sid }: StuckConversation, strings: MessagingSetupStrings) =>
  fill(strings.MessagingSetupStuckCloseItem, {
    customer: customer ?? strings.MessagingSetupStuckNoCustomer,
    ourAddress: ourAddress ?? strings.MessagingSetupStuckNoOurAddress,
    sid,
  });

function ResultItem({ item }: { item: CloseItemResult }) {
  const strings = useStrings();
  const { result, message } = item;
  return (
    <Box as="li" marginBottom="space30" data-testid="close-result">
      <Text as="span">{itemText(item.conversation, strings)}: </Text>
      {result ? (
        <Badge as="span" variant={RESULT[result].variant}>
          {fill(strings[RESULT[result].key], { error: message ?? '' })}
        </Badge>
      ) : (
        <Text as="span" color="colorTextWeak">
          {strings.MessagingSetupStuckResultPending}
        </Text>
      )}
    </Box>
  );
}

/**
 * Closes one or many stuck conversations: first a confirm that says closed is final (Twilio cannot
 * reopen one) and lists them; then the run through the one bulk runner (4 at once, slowing down
 * and re-queuing on 429s), with progress and what came of each; "Stop after these" starts no more.
 * The backend records each close in the change history and refuses one whose task is open now.
 */
export function CloseConversationsDialog({
  conversations,
  onClose,
  onFinished,
  onDismiss,
}: CloseConversationsDialogProps) {
  const strings = useStrings();
  const headingId = useUID();
  const run = useBulkRun<StuckConversation, CloseConversationResponse>(BULK_CREATE_PACE);
  const { phase } = run;
  const total = conversations.length;
  const single = total === 1;
  const results = closeResults(conversations, run.outcomes);
  const counts = closeCounts(results);
  const processed = results.filter((r) => r.result).length;

  async function start() {
    const outcomes = await run.start(conversations, onClose);
    onFinished(closeCounts(closeResults(conversations, outcomes)));
  }

  const who = conversations[0]?.customer ?? conversations[0]?.sid ?? '';
  const title =
    phase === 'idle'
      ? single
        ? fill(strings.MessagingSetupStuckCloseTitleOne, { customer: who })
        : fill(strings.MessagingSetupStuckCloseTitle, { count: total })
      : single
        ? fill(strings.MessagingSetupStuckClosingTitleOne, { customer: who })
        : fill(strings.MessagingSetupStuckClosingTitle, { count: total });

  return (
    <Modal isOpen onDismiss={phase === 'running' ? () => undefined : onDismiss} ariaLabelledby={headingId} size="wide">
      <ModalHeader>
        <ModalHeading as="h2" id={headingId}>
          {title}
        </ModalHeading>
      </ModalHeader>
      <ModalBody>
        {phase === 'idle' ? (
          <>
            <Paragraph>{strings.MessagingSetupStuckCloseFinal}</Paragraph>
            <Paragraph>{strings.MessagingSetupStuckCloseHow}</Paragraph>
            <Box as="ul" margin="space0" paddingLeft="space60" aria-label={strings.MessagingSetupStuckCloseListLabel}>
              {conversations.map((conversation) => (
                <Text as="li" key={conversation.sid} fontSize="fontSize30">
                  {itemText(conversation, strings)}
                </Text>
              ))}
            </Box>
          </>
        ) : (
          <>
            <Box marginBottom="space50" aria-live="polite">
              <Text as="div">
                {fill(strings.MessagingSetupStuckCloseProgress, {
                  closed: counts.closed + counts['already-closed'],
                  total,
                })}
              </Text>
              <ProgressBar value={processed} max={total} label={strings.MessagingSetupStuckCloseProgressLabel} />
              {run.slowed && run.running && <Text as="div">{strings.MessagingSetupBulkSlowed}</Text>}
              {phase === 'finished' && (
                <Text as="div">
                  {fill(strings.MessagingSetupStuckCloseSummary, {
                    closed: counts.closed,
                    alreadyClosed: counts['already-closed'],
                    refused: counts['task-open'],
                    failed: counts.failed,
                  })}
                </Text>
              )}
            </Box>
            <Box
              as="ul"
              paddingLeft="space0"
              style={{ listStyle: 'none' }}
              aria-label={strings.MessagingSetupStuckCloseResultsLabel}
            >
              {results.map((item) => (
                <ResultItem key={item.conversation.sid} item={item} />
              ))}
            </Box>
          </>
        )}
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          {phase === 'idle' && (
            <>
              <Button variant="secondary" onClick={onDismiss}>
                {strings.MessagingSetupCancel}
              </Button>
              <Button variant="destructive" onClick={() => void start()}>
                {single
                  ? strings.MessagingSetupStuckCloseConfirmOne
                  : fill(strings.MessagingSetupStuckCloseConfirm, { count: total })}
              </Button>
            </>
          )}
          {phase === 'running' && (
            <Button variant="secondary" disabled={run.cancelling} onClick={run.cancel}>
              {strings.MessagingSetupStuckCloseStop}
            </Button>
          )}
          {phase === 'finished' && (
            <Button variant="primary" onClick={onDismiss}>
              {strings.MessagingSetupClose}
            </Button>
          )}
        </ModalFooterActions>
      </ModalFooter>
    </Modal>
  );
}
