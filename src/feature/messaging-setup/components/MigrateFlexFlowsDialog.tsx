import React, { useRef, useState } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import type { MigrateFlexFlowResponse, MigrationStep } from '../../../contract/types';
import type { FlexFlowRow } from '../state/flexFlowRows';
import { fill, useStrings, type MessagingSetupStringKey, type MessagingSetupStrings } from '../strings';
import { ProgressBar } from './ProgressBar';
import { errorMessage } from '../errorMessage';

export type ItemOutcome = MigrateFlexFlowResponse['outcome'] | 'skipped' | 'stopped' | 'failed';

export interface MigrationItemResult {
  row: FlexFlowRow;
  outcome: ItemOutcome;
  message: string;
  steps: MigrationStep[];
}

const OUTCOME: Record<
  ItemOutcome,
  { label: MessagingSetupStringKey; variant: 'success' | 'neutral' | 'warning' | 'error' }
> = {
  migrated: { label: 'MessagingSetupOutcomeMigrated', variant: 'success' },
  unchanged: { label: 'MessagingSetupOutcomeUnchanged', variant: 'warning' },
  needs_attention: { label: 'MessagingSetupOutcomeNeedsAttention', variant: 'error' },
  failed: { label: 'MessagingSetupOutcomeFailed', variant: 'error' },
  skipped: { label: 'MessagingSetupOutcomeSkipped', variant: 'neutral' },
  stopped: { label: 'MessagingSetupOutcomeStopped', variant: 'neutral' },
};

export function summariseMigration(results: readonly MigrationItemResult[], strings: MessagingSetupStrings): string {
  const count = (...outcomes: ItemOutcome[]) => results.filter((r) => outcomes.includes(r.outcome)).length;
  return fill(strings.MessagingSetupMigrateSummary, {
    migrated: count('migrated'),
    unchanged: count('unchanged', 'failed'),
    attention: count('needs_attention'),
    skipped: count('skipped', 'stopped'),
  });
}

interface MigrateFlexFlowsDialogProps {
  rows: FlexFlowRow[];
  /** Migrates one flow (the backend call); a thrown error is that item's failure, the run goes on. */
  onMigrate: (row: FlexFlowRow) => Promise<MigrateFlexFlowResponse>;
  /** Called after each item, so the view reflects every change as it happens. */
  onFinished: (results: MigrationItemResult[]) => void;
  onClose: () => void;
}

function Preview({ row }: { row: FlexFlowRow }) {
  const strings = useStrings();
  const { preview, flow } = row;
  return (
    <Box as="li" marginBottom="space40">
      <Text as="div" fontWeight="fontWeightSemibold">
        {flow.friendlyName} ({flow.contactIdentity ?? flow.channelType})
      </Text>
      {preview.kind === 'ready' ? (
        <>
          <Text as="div">
            {fill(strings.MessagingSetupMigrateBecomes, {
              type:
                preview.address.type === 'whatsapp'
                  ? strings.MessagingSetupTypeWhatsApp
                  : strings.MessagingSetupTypeSms,
              address: preview.address.address,
              flow: preview.studioFlowName,
              retry: preview.address.integration.type === 'studio' ? preview.address.integration.retryCount : '—',
              service: preview.serviceName,
            })}
          </Text>
          {preview.warnings.map((warning) => (
            <Text as="div" key={warning} color="colorTextWarningStrong">
              {warning}
            </Text>
          ))}
        </>
      ) : (
        <Text as="div" color="colorTextWeak">
          {fill(strings.MessagingSetupMigrateSkip, { reason: preview.reason })}
        </Text>
      )}
    </Box>
  );
}

function Result({ result }: { result: MigrationItemResult }) {
  const strings = useStrings();
  const { label, variant } = OUTCOME[result.outcome];
  return (
    <Box as="li" marginBottom="space40" data-testid="migration-result">
      <Box display="flex" columnGap="space30" alignItems="center">
        <Text as="span" fontWeight="fontWeightSemibold">
          {result.row.flow.friendlyName}
        </Text>
        <Badge as="span" variant={variant}>
          {strings[label]}
        </Badge>
      </Box>
      <Text as="div">{result.message}</Text>
      {result.steps.length > 0 && (
        <Box as="ol" marginTop="space20" marginBottom="space0" paddingLeft="space60">
          {result.steps.map((step, i) => (
            <Text
              as="li"
              key={i}
              fontSize="fontSize20"
              color={step.status === 'failed' ? 'colorTextError' : 'colorTextWeak'}
            >
              {step.detail}
            </Text>
          ))}
        </Box>
      )}
    </Box>
  );
}

/**
 * Preview, run and report the migration of one or many Flex Flows. Items run one at a time (each
 * is several Twilio writes), with progress; a failure is reported on its item and the run goes on;
 * "Stop after this one" ends the run cleanly between items.
 */
export function MigrateFlexFlowsDialog({ rows, onMigrate, onFinished, onClose }: MigrateFlexFlowsDialogProps) {
  const strings = useStrings();
  const headingId = useUID();
  const [phase, setPhase] = useState<'preview' | 'running' | 'done'>('preview');
  const [results, setResults] = useState<MigrationItemResult[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const stopRequested = useRef(false);
  const [stopping, setStopping] = useState(false);
  const ready = rows.filter((row) => row.preview.kind === 'ready');
  const single = rows.length === 1;

  async function run() {
    setPhase('running');
    const done: MigrationItemResult[] = [];
    const record = (result: MigrationItemResult) => {
      done.push(result);
      setResults([...done]);
    };
    for (const row of rows) {
      if (row.preview.kind === 'blocked') {
        record({ row, outcome: 'skipped', message: row.preview.reason, steps: [] });
        continue;
      }
      if (stopRequested.current) {
        record({ row, outcome: 'stopped', message: '', steps: [] });
        continue;
      }
      setCurrent(row.flow.friendlyName);
      try {
        const response = await onMigrate(row);
        record({ row, outcome: response.outcome, message: response.message, steps: response.steps });
      } catch (error) {
        record({ row, outcome: 'failed', message: errorMessage(error), steps: [] });
      }
    }
    setCurrent(null);
    setPhase('done');
    onFinished(done);
  }

  const processed = results.filter((r) => r.row.preview.kind === 'ready').length;
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
        {phase === 'preview' && (
          <>
            <Paragraph>{strings.MessagingSetupMigrateHow}</Paragraph>
            {ready.length === 0 && <Alert variant="warning">{strings.MessagingSetupMigrateNothing}</Alert>}
            <Box as="ul" paddingLeft="space0" marginTop="space40" style={{ listStyle: 'none' }}>
              {rows.map((row) => (
                <Preview key={row.flow.sid} row={row} />
              ))}
            </Box>
          </>
        )}
        {phase !== 'preview' && (
          <>
            <Box marginBottom="space50" aria-live="polite">
              <Text as="div">
                {fill(strings.MessagingSetupMigrateProgress, { done: processed, total: ready.length })}
              </Text>
              <ProgressBar value={processed} max={ready.length} label={strings.MessagingSetupMigrateResultsLabel} />
              {current && <Text as="div">{fill(strings.MessagingSetupMigrateCurrent, { name: current })}</Text>}
              {phase === 'done' && <Text as="div">{summariseMigration(results, strings)}</Text>}
            </Box>
            <Box
              as="ul"
              paddingLeft="space0"
              style={{ listStyle: 'none' }}
              aria-label={strings.MessagingSetupMigrateResultsLabel}
            >
              {results.map((result) => (
                <Result key={result.row.flow.sid} result={result} />
              ))}
            </Box>
          </>
        )}
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          {phase === 'preview' && (
            <>
              <Button variant="secondary" onClick={onClose}>
                {strings.MessagingSetupCancel}
              </Button>
              <Button variant="primary" onClick={() => void run()} disabled={ready.length === 0}>
                {single
                  ? strings.MessagingSetupMigrateStart
                  : fill(strings.MessagingSetupMigrateStartBulk, { count: ready.length })}
              </Button>
            </>
          )}
          {phase === 'running' && !single && (
            <Button
              variant="secondary"
              disabled={stopping}
              onClick={() => {
                stopRequested.current = true;
                setStopping(true);
              }}
            >
              {strings.MessagingSetupMigrateStop}
            </Button>
          )}
          {phase === 'running' && single && (
            <Button variant="primary" loading onClick={() => undefined}>
              {strings.MessagingSetupMigrateStart}
            </Button>
          )}
          {phase === 'done' && (
            <Button variant="primary" onClick={onClose}>
              {strings.MessagingSetupClose}
            </Button>
          )}
        </ModalFooterActions>
      </ModalFooter>
    </Modal>
  );
}
