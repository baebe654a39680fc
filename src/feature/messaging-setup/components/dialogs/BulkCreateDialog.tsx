import React, { useCallback, useEffect } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import type { AddressInput, AddressSummary } from '../../../../contract/types';
import { BULK_CREATE_PACE, type BulkOutcome } from '../../state/bulkRunner';
import { useBulkRun } from '../../state/useBulkRun';
import { DialogError } from './DialogError';
import type { ChannelRow } from '../../state/rows';
import { fill, useStrings } from '../../strings';
import { ProgressBar } from '../shared/ProgressBar';
import { errorMessage } from '../../errorMessage';

interface BulkCreateDialogProps {
  rows: ChannelRow[];
  /** The settings every address gets; the address (and, when blank, the name) come from each row. */
  template: AddressInput;
  create: (input: AddressInput) => Promise<AddressSummary>;
  onFinished: (counts: { created: number; failed: number; cancelled: number }) => void;
  onClose: () => void;
}

type Outcomes = ReadonlyMap<ChannelRow, BulkOutcome<AddressSummary>>;

/** The row's address with the run's settings; a blank name takes the number's or sender's own. */
const addressFor = (row: ChannelRow, template: AddressInput): AddressInput => ({
  ...template,
  address: row.address,
  ...(template.friendlyName ? {} : row.name ? { friendlyName: row.name } : {}),
});

function countsOf(outcomes: Outcomes) {
  const counts = { created: 0, failed: 0, cancelled: 0 };
  for (const outcome of outcomes.values()) {
    if (outcome.status === 'done') counts.created += 1;
    else if (outcome.status === 'failed') counts.failed += 1;
    else counts.cancelled += 1;
  }
  return counts;
}

/**
 * Creates one address per row with the same settings: bounded concurrency that slows down on 429s,
 * live progress, cancel that keeps what finished, and retry of the failed rows. Twilio refuses a
 * second address for the same number, so a retry can never make a duplicate.
 */
export function BulkCreateDialog({ rows, template, create, onFinished, onClose }: BulkCreateDialogProps) {
  const strings = useStrings();
  const headingId = useUID();
  const run = useBulkRun<ChannelRow, AddressSummary>(BULK_CREATE_PACE);
  const { start } = run;

  /** One run over `pending`; the summary counts what it did. */
  const createAll = useCallback(
    async (pending: readonly ChannelRow[]) => {
      onFinished(countsOf(await start(pending, (row) => create(addressFor(row, template)))));
    },
    [start, create, template, onFinished],
  );
  useEffect(() => {
    void createAll(rows);
    // One run when it opens; "Retry failed" starts the next.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Every run's outcomes; a retry forgets the failed and cancelled ones first.
  const failures = [...run.outcomes].flatMap(([row, outcome]) =>
    outcome.status === 'failed' ? [{ row, message: errorMessage(outcome.error) }] : [],
  );
  const { created, cancelled } = countsOf(run.outcomes);
  const total = rows.length;
  const done = created + failures.length + cancelled;
  // It opens running: the first run starts as it mounts.
  const running = run.phase !== 'finished';
  const retry = () => {
    const again = failures.map((f) => f.row);
    run.forget((outcome) => outcome.status !== 'done');
    void createAll(again);
  };

  return (
    <Modal isOpen onDismiss={running ? () => undefined : onClose} ariaLabelledby={headingId} size="wide">
      <ModalHeader>
        <ModalHeading as="h2" id={headingId}>
          {fill(strings.MessagingSetupBulkRunTitle, { count: total })}
        </ModalHeading>
      </ModalHeader>
      <ModalBody>
        <Box marginBottom="space50" aria-live="polite">
          <Text as="div">
            {fill(strings.MessagingSetupBulkProgress, { done, total, created, failed: failures.length })}
          </Text>
          <ProgressBar value={done} max={total} label={fill(strings.MessagingSetupBulkRunTitle, { count: total })} />
          {run.slowed && running && <Text as="div">{strings.MessagingSetupBulkSlowed}</Text>}
          {cancelled > 0 && <Text as="div">{fill(strings.MessagingSetupBulkCancelled, { count: cancelled })}</Text>}
        </Box>
        {failures.length > 0 && (
          <DialogError>
            <Text as="div" fontWeight="fontWeightSemibold">
              {strings.MessagingSetupBulkFailedHeading}
            </Text>
            <Box as="ul" margin="space0" paddingLeft="space60">
              {failures.map((f) => (
                <Text as="li" key={f.row.key} data-testid="bulk-failure">
                  {f.row.address}: {f.message}
                </Text>
              ))}
            </Box>
          </DialogError>
        )}
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          {running ? (
            <Button
              variant="secondary"
              disabled={run.cancelling}
              onClick={() => {
                run.cancel();
              }}
            >
              {strings.MessagingSetupBulkCancel}
            </Button>
          ) : (
            <>
              {failures.length > 0 && (
                <Button variant="secondary" onClick={retry}>
                  {fill(strings.MessagingSetupBulkRetryFailed, { count: failures.length })}
                </Button>
              )}
              <Button variant="primary" onClick={onClose}>
                {strings.MessagingSetupClose}
              </Button>
            </>
          )}
        </ModalFooterActions>
      </ModalFooter>
    </Modal>
  );
}
