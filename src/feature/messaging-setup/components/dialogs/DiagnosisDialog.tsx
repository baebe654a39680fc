import React, { useState } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import type { Diagnosis } from '../../diagnostics/diagnose';
import type { FindingFix, InboundField } from '../../diagnostics/fixes';
import type { ChannelRow } from '../../state/rows';
import { fill, useStrings, type MessagingSetupStrings } from '../../strings';
import { CopyButton } from '../shared/CopyButton';
import { DiagnosisBadge, LEVEL_LABEL_KEY } from '../shared/DiagnosisBadge';
import { useAsync } from '../../state/useAsync';
import { wordFinding, wordFix } from '../shared/findingText';

export type { InboundField } from '../../diagnostics/fixes';

/** A finding's edge: red for what is broken, blue for what could not be checked, grey for not in use. */
const FINDING_BORDER = {
  broken: 'colorBorderError',
  warning: 'colorBorderWarning',
  unknown: 'colorBorderPrimary',
  inactive: 'colorBorderWeak',
} as const;

/** The line beside the badge: all good, how many findings, or that it is set aside and what would stand in the way. */
function summaryOf(diagnosis: Diagnosis, address: string, strings: MessagingSetupStrings): string {
  if (diagnosis.level === 'set-aside') {
    return diagnosis.findings.length === 0
      ? fill(strings.MessagingSetupDiagnosisSetAsideAllGood, { address })
      : strings.MessagingSetupDiagnosisSetAsideSummary;
  }
  const count = diagnosis.findings.length;
  if (count === 0) return fill(strings.MessagingSetupDiagnosisAllGood, { address });
  const level = strings[LEVEL_LABEL_KEY[diagnosis.level]];
  return count === 1
    ? fill(strings.MessagingSetupDiagnosisSummaryOne, { level })
    : fill(strings.MessagingSetupDiagnosisSummary, { count, level });
}

/** What the dialog shows of a row of any table: a number's, a sender's, a page's or an address's. */
export type DiagnosedRow = Pick<ChannelRow, 'key' | 'address' | 'number' | 'addressConfiguration'> & {
  diagnosis?: ChannelRow['diagnosis'];
};

interface DiagnosisDialogProps {
  /** The row as it is now: after a fix, its diagnosis is the new one. */
  row: DiagnosedRow;
  canWrite: boolean;
  /** Sets one field of the number ("" clears it); resolves with the value it had before. */
  onSetInbound: (field: InboundField, value: string) => Promise<string | null>;
  /** Each finding's fixes, in the findings' order (diagnostics/fixes.ts); none while the user may not write. */
  fixes: readonly (readonly FindingFix[])[];
  /**
   * Makes a fix that has a dialog of its own (edit, create, migrate, delete a Flex Flow, the
   * default service): it opens in place of this one. Clearing a handler and setting aside are made here.
   */
  onFix: (fix: FindingFix) => void;
  onClose: () => void;
  /**
   * Shown below the findings: whether it is for Flex at all (numbers and senders: set aside or not),
   * with its reason field open while `asking` (a finding's set-aside fix opens it).
   */
  setAside?: (ask: { asking: boolean; onAsking: (asking: boolean) => void }) => React.ReactNode;
  /** Shown below the findings: the alerts Twilio logged about the row (observed, not inferred). */
  alerts?: React.ReactNode;
  /** Shown below the findings: the address's last few changes. */
  recentChanges?: React.ReactNode;
}

type Step =
  | { kind: 'findings' }
  | { kind: 'confirm'; field: InboundField; value: string }
  | { kind: 'cleared'; field: InboundField; previous: string };

/**
 * Every finding of a number, sender, page or address, with its fix and the buttons that make it;
 * clears a number's parallel handler here, with undo.
 */
export function DiagnosisDialog({
  row,
  canWrite,
  onSetInbound,
  fixes,
  onFix,
  onClose,
  setAside,
  alerts,
  recentChanges,
}: DiagnosisDialogProps) {
  const headingId = useUID();
  const strings = useStrings();
  const [step, setStep] = useState<Step>({ kind: 'findings' });
  const [askingAside, setAskingAside] = useState(false);
  const { pending, error, run: runTask, clearError } = useAsync();
  const diagnosis = row.diagnosis;
  const what = (field: InboundField) =>
    field === 'smsUrl' ? strings.MessagingSetupWebhookWhat : strings.MessagingSetupApplicationWhat;

  async function run(field: InboundField, value: string, next: (previous: string | null) => Step) {
    const outcome = await runTask(() => onSetInbound(field, value));
    if (outcome.status === 'done') setStep(next(outcome.value));
  }

  const currentValue = (field: InboundField) =>
    field === 'smsUrl' ? row.number?.smsUrl : row.number?.smsApplicationSid;

  /** What a fix button does; none when there is nothing to make it on (a handler already cleared). */
  function fixClick(fix: FindingFix): (() => void) | undefined {
    // The set-aside section below has its own button: one way to it, not one per finding.
    if (fix.kind === 'set-aside') return setAside ? undefined : () => setAskingAside(true);
    if (fix.kind !== 'clear-inbound') return () => onFix(fix);
    const { field } = fix;
    const value = currentValue(field);
    return value
      ? () => {
          clearError();
          setStep({ kind: 'confirm', field, value });
        }
      : undefined;
  }
  // Each fix once, on the first finding it mends (the findings come most serious first): a Flex
  // Flow that holds the number is one Migrate, however many findings it explains.
  const offered = new Set<string>();
  const buttonsOf = (diagnosis?.findings ?? []).map((_, index) =>
    canWrite
      ? (fixes[index] ?? []).flatMap((fix) => {
          const click = fixClick(fix);
          const key = JSON.stringify(fix);
          if (!click || offered.has(key)) return [];
          offered.add(key);
          return [{ fix, click }];
        })
      : [],
  );

  return (
    <Modal isOpen onDismiss={pending ? () => undefined : onClose} ariaLabelledby={headingId} size="wide">
      <ModalHeader>
        <ModalHeading as="h2" id={headingId}>
          {fill(strings.MessagingSetupDiagnosisTitle, { address: row.address })}
        </ModalHeading>
      </ModalHeader>
      <ModalBody>
        {error && (
          <Box marginBottom="space50">
            <Alert variant="error">
              <strong>{strings.MessagingSetupNotCleared}</strong> {error}
            </Alert>
          </Box>
        )}
        {step.kind === 'cleared' && (
          <Box marginBottom="space50">
            <Alert variant="neutral">
              {fill(strings.MessagingSetupCleared, {
                what: what(step.field),
                address: row.address,
                previous: step.previous,
              })}{' '}
              <Button
                variant="link"
                loading={pending}
                onClick={() => void run(step.field, step.previous, () => ({ kind: 'findings' }))}
              >
                {strings.MessagingSetupUndo}
              </Button>
            </Alert>
          </Box>
        )}
        {step.kind === 'confirm' ? (
          <>
            <Paragraph>
              {fill(
                step.field === 'smsUrl'
                  ? strings.MessagingSetupClearWebhookConfirm
                  : strings.MessagingSetupClearApplicationConfirm,
                { address: row.address },
              )}
            </Paragraph>
            <Box display="flex" alignItems="center" columnGap="space30" marginBottom="space50">
              <Text as="code" fontFamily="fontFamilyCode" wordBreak="break-all" data-testid="current-value">
                {step.value}
              </Text>
              <CopyButton value={step.value} label={strings.MessagingSetupCopyValue} />
            </Box>
          </>
        ) : diagnosis ? (
          <>
            <Box display="flex" alignItems="center" columnGap="space30" marginBottom="space50">
              <DiagnosisBadge address={row.address} level={diagnosis.level} state={diagnosis.state} />
              <Text as="span">{summaryOf(diagnosis, row.address, strings)}</Text>
            </Box>
            <Box as="ul" margin="space0" paddingLeft="space0" listStyleType="none">
              {diagnosis.findings.map((finding, index) => {
                const buttons = buttonsOf[index] ?? [];
                return (
                  <Box
                    as="li"
                    key={`${finding.code}-${index}`}
                    data-finding={finding.code}
                    borderLeftStyle="solid"
                    borderLeftWidth="borderWidth30"
                    borderLeftColor={FINDING_BORDER[finding.severity]}
                    paddingLeft="space40"
                    marginBottom="space50"
                  >
                    <Text as="p" fontWeight="fontWeightSemibold">
                      {strings[LEVEL_LABEL_KEY[finding.severity]]}: {wordFinding(finding, strings).explanation}
                    </Text>
                    <Text as="p">
                      {strings.MessagingSetupFindingFix} {wordFinding(finding, strings).fix}
                    </Text>
                    {buttons.length > 0 && (
                      <Box display="flex" flexWrap="wrap" columnGap="space30" rowGap="space30" marginTop="space30">
                        {buttons.map(({ fix, click }) => (
                          <Button key={fix.kind} variant="secondary" size="small" onClick={click}>
                            {wordFix(fix, row.address, strings)}
                          </Button>
                        ))}
                      </Box>
                    )}
                  </Box>
                );
              })}
            </Box>
          </>
        ) : null}
        {step.kind !== 'confirm' && setAside?.({ asking: askingAside, onAsking: setAskingAside })}
        {alerts}
        {recentChanges}
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          {step.kind === 'confirm' ? (
            <>
              <Button variant="secondary" disabled={pending} onClick={() => setStep({ kind: 'findings' })}>
                {strings.MessagingSetupCancel}
              </Button>
              <Button
                variant="destructive"
                loading={pending}
                onClick={() =>
                  void run(step.field, '', (previous) => ({
                    kind: 'cleared',
                    field: step.field,
                    previous: previous ?? step.value,
                  }))
                }
              >
                {strings.MessagingSetupClear}
              </Button>
            </>
          ) : (
            <Button variant="secondary" disabled={pending} onClick={onClose}>
              {strings.MessagingSetupClose}
            </Button>
          )}
        </ModalFooterActions>
      </ModalFooter>
    </Modal>
  );
}
