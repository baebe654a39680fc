import React, { useEffect, useRef, useState } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import { isRateLimited } from '../api/backendClient';
import type { AddressInput, AddressSummary } from '../../../contract/types';
import { BULK_CREATE_PACE, runBulk } from '../state/bulkRunner';
import type { ConnectionRow } from '../state/rows';
import { fill, useStrings } from '../strings';
import { ProgressBar } from './ProgressBar';
import { errorMessage } from '../errorMessage';

interface BulkCreateDialogProps {
  rows: ConnectionRow[];
  /** The settings every address gets; the address (and, when blank, the name) come from each row. */
  template: AddressInput;
  create: (input: AddressInput) => Promise<AddressSummary>;
  onFinished: (counts: { created: number; failed: number; cancelled: number }) => void;
  onClose: () => void;
}

interface Failure {
  row: ConnectionRow;
  message: string;
}

/**
 * Creates one address per row with the same settings: bounded concurrency that slows down on 429s,
 * live progress, cancel that keeps what finished, and retry of the failed rows. Twilio refuses a
 * second address for the same number, so a retry can never make a duplicate.
 */
export function BulkCreateDialog({ rows, template, create, onFinished, onClose }: BulkCreateDialogProps) {
  const strings = useStrings();
  const headingId = useUID();
  const [pendingRows, setPendingRows] = useState(rows);
  const [running, setRunning] = useState(true);
  const [created, setCreated] = useState(0);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [cancelled, setCancelled] = useState(0);
  const [slowed, setSlowed] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const cancelRequested = useRef(false);
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;

  useEffect(() => {
    let live = true;
    cancelRequested.current = false;
    setCancelling(false);
    setRunning(true);
    const counts = { created: 0, failed: 0, cancelled: 0 };
    void runBulk(
      pendingRows,
      (row) =>
        create({
          ...template,
          address: row.address,
          ...(template.friendlyName ? {} : row.name ? { friendlyName: row.name } : {}),
        }),
      {
        ...BULK_CREATE_PACE,
        isRateLimited: (error) => {
          const limited = isRateLimited(error);
          if (limited && live) setSlowed(true);
          return limited;
        },
        isCancelled: () => cancelRequested.current,
        onOutcome: (row, outcome) => {
          if (!live) return;
          if (outcome.status === 'done') {
            counts.created += 1;
            setCreated((n) => n + 1);
          } else if (outcome.status === 'failed') {
            counts.failed += 1;
            setFailures((list) => [...list, { row, message: errorMessage(outcome.error) }]);
          } else {
            counts.cancelled += 1;
            setCancelled((n) => n + 1);
          }
        },
      },
    ).then(() => {
      if (!live) return;
      setRunning(false);
      onFinishedRef.current(counts);
    });
    return () => {
      // Closing mid-run stops starting new creates; the ones in flight finish on the server.
      live = false;
      cancelRequested.current = true;
    };
    // One run per set of rows: "Retry failed" sets new rows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pendingRows]);

  const total = rows.length;
  const done = created + failures.length + cancelled;
  const retry = () => {
    const again = failures.map((f) => f.row);
    setFailures([]);
    setCancelled(0);
    setSlowed(false);
    setPendingRows(again);
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
          {slowed && running && <Text as="div">{strings.MessagingSetupBulkSlowed}</Text>}
          {cancelled > 0 && <Text as="div">{fill(strings.MessagingSetupBulkCancelled, { count: cancelled })}</Text>}
        </Box>
        {failures.length > 0 && (
          <Alert variant="error">
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
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          {running ? (
            <Button
              variant="secondary"
              disabled={cancelling}
              onClick={() => {
                cancelRequested.current = true;
                setCancelling(true);
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
