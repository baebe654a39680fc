import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import type { MigrateFlexFlowResponse } from '../../../../contract/types';
import { ONE_AT_A_TIME } from '../../state/bulkRunner';
import type { FlexFlowRow } from '../../state/flexFlowRows';
import { migrationResults, summariseMigration, type MigrationItemResult } from '../../state/migrationResults';
import { useBulkRun } from '../../state/useBulkRun';
import { fill, useStrings } from '../../strings';
import { MigrationPreviewItem, MigrationResultItem } from './MigrationItems';
import { ProgressBar } from '../shared/ProgressBar';

interface MigrateFlexFlowsDialogProps {
  rows: FlexFlowRow[];
  /** Migrates one flow (the backend call); a thrown error is that item's failure, the run goes on. */
  onMigrate: (row: FlexFlowRow) => Promise<MigrateFlexFlowResponse>;
  /** Called once the run is over, with every item's result (the verbs updated the view per item). */
  onFinished: (results: MigrationItemResult[]) => void;
  onClose: () => void;
}

/**
 * Preview, run and report the migration of one or many Flex Flows. Items run one at a time (each
 * is several Twilio writes), with progress; a failure is reported on its item and the run goes on;
 * "Stop after this one" ends the run cleanly between items.
 */
export function MigrateFlexFlowsDialog({ rows, onMigrate, onFinished, onClose }: MigrateFlexFlowsDialogProps) {
  const strings = useStrings();
  const headingId = useUID();
  const run = useBulkRun<FlexFlowRow, MigrateFlexFlowResponse>(ONE_AT_A_TIME);
  const phase = run.phase;
  const ready = rows.filter((row) => row.preview.kind === 'ready');
  const single = rows.length === 1;
  const results = phase === 'idle' ? [] : migrationResults(rows, run.outcomes, strings);
  const processed = ready.filter((row) => run.outcomes.has(row)).length;
  // One at a time, in order: the flow in progress is the first ready one without an outcome.
  const current = run.running ? ready.find((row) => !run.outcomes.has(row)) : undefined;

  async function start() {
    const outcomes = await run.start(ready, onMigrate);
    onFinished(migrationResults(rows, outcomes, strings));
  }

  return (
    <Modal isOpen onDismiss={phase === 'running' ? () => undefined : onClose} ariaLabelledby={headingId} size="wide">
      <ModalHeader>
        <ModalHeading as="h2" id={headingId}>
          {single
            ? fill(strings.MessagingSetupMigrateTitle, { name: rows[0].flow.friendlyName })
            : fill(strings.MessagingSetupMigrateBulkTitle, { count: rows.length })}
        </ModalHeading>
      </ModalHeader>
      <ModalBody>
        {phase === 'idle' && (
          <>
            <Paragraph>{strings.MessagingSetupMigrateHow}</Paragraph>
            {ready.length === 0 && <Alert variant="warning">{strings.MessagingSetupMigrateNothing}</Alert>}
            <Box as="ul" paddingLeft="space0" marginTop="space40" style={{ listStyle: 'none' }}>
              {rows.map((row) => (
                <MigrationPreviewItem key={row.flow.sid} row={row} />
              ))}
            </Box>
          </>
        )}
        {phase !== 'idle' && (
          <>
            <Box marginBottom="space50" aria-live="polite">
              <Text as="div">
                {fill(strings.MessagingSetupMigrateProgress, { done: processed, total: ready.length })}
              </Text>
              <ProgressBar value={processed} max={ready.length} label={strings.MessagingSetupMigrateResultsLabel} />
              {current && (
                <Text as="div">{fill(strings.MessagingSetupMigrateCurrent, { name: current.flow.friendlyName })}</Text>
              )}
              {phase === 'finished' && <Text as="div">{summariseMigration(results, strings)}</Text>}
            </Box>
            <Box
              as="ul"
              paddingLeft="space0"
              style={{ listStyle: 'none' }}
              aria-label={strings.MessagingSetupMigrateResultsLabel}
            >
              {results.map((result) => (
                <MigrationResultItem key={result.row.flow.sid} result={result} />
              ))}
            </Box>
          </>
        )}
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          {phase === 'idle' && (
            <>
              <Button variant="secondary" onClick={onClose}>
                {strings.MessagingSetupCancel}
              </Button>
              <Button variant="primary" onClick={() => void start()} disabled={ready.length === 0}>
                {single
                  ? strings.MessagingSetupMigrateStart
                  : fill(strings.MessagingSetupMigrateStartBulk, { count: ready.length })}
              </Button>
            </>
          )}
          {phase === 'running' && !single && (
            <Button variant="secondary" disabled={run.cancelling} onClick={run.cancel}>
              {strings.MessagingSetupMigrateStop}
            </Button>
          )}
          {phase === 'running' && single && (
            <Button variant="primary" loading onClick={() => undefined}>
              {strings.MessagingSetupMigrateStart}
            </Button>
          )}
          {phase === 'finished' && (
            <Button variant="primary" onClick={onClose}>
              {strings.MessagingSetupClose}
            </Button>
          )}
        </ModalFooterActions>
      </ModalFooter>
    </Modal>
  );
}
