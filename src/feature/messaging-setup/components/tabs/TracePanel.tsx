import React, { useMemo } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';

import { STUCK_VERDICTS, type TraceCustomerResponse } from '../../../../contract/types';
import type { BackendClient } from '../../api/backendClient';
import { useTrace } from '../../state/useTrace';
import { useOpenDialog } from '../dialogs/dialogOwner';
import { fill, useStrings } from '../../strings';
import { TraceForm } from './TraceForm';
import { TraceStoppedAt } from './TraceStoppedAt';
import { TraceTimeline } from './TraceTimeline';
import { kindText, stoppedAtSummary } from './traceWords';

/** The answer: where it stopped (inferred) first, then what Twilio holds (observed), newest first. */
function TraceAnswer({
  answer,
  now,
  ourAddress,
  onClosed,
}: {
  answer: TraceCustomerResponse;
  now: number;
  ourAddress?: string;
  /** After the stuck conversation was closed: the trace runs again. */
  onClosed: () => void;
}) {
  const strings = useStrings();
  const openDialog = useOpenDialog();
  const summary = useMemo(() => stoppedAtSummary(answer, strings, now), [answer, strings, now]);
  const { stoppedAt } = answer;
  const stuck =
    stoppedAt.at === 'conversation' && STUCK_VERDICTS.includes(stoppedAt.verdict)
      ? answer.conversations.find((c) => c.sid === stoppedAt.conversationSid)
      : undefined;
  // Only a conversation that holds the customer away from an agent is offered for closing.
  const onClose = stuck
    ? () =>
        openDialog({
          kind: 'close-conversation',
          conversationSid: stuck.sid,
          serviceSid: stuck.serviceSid,
          customer: answer.customer.address,
          done: onClosed,
        })
    : undefined;
  return (
    <Box data-testid="trace-answer">
      <Heading as="h2" variant="heading30">
        {fill(strings.MessagingSetupTraceResultHeading, {
          customer: answer.customer.address,
          kind: kindText(answer.customer.kind, strings),
        })}
      </Heading>
      {ourAddress && <Paragraph>{fill(strings.MessagingSetupTraceThrough, { address: ourAddress })}</Paragraph>}
      <TraceStoppedAt summary={summary} onClose={onClose} />
      <TraceTimeline answer={answer} now={now} />
    </Box>
  );
}

/**
 * The Trace tab: "a customer says they wrote and nobody answered — why?". Traces one customer on
 * the backend when asked (never when the view or the tab opens) and shows where it stopped.
 */
export function TracePanel({ backend }: { backend: BackendClient }) {
  const strings = useStrings();
  const trace = useTrace(backend);
  const { request, answer, loading, error } = trace;
  return (
    <>
      <Paragraph>{strings.MessagingSetupTraceIntro}</Paragraph>
      <TraceForm
        onTrace={trace.trace}
        pending={loading}
        fieldErrors={trace.fieldErrors}
        onFieldEdited={trace.clearFieldError}
      />
      {loading && request && (
        <Paragraph>{fill(strings.MessagingSetupTraceLoading, { customer: request.customer })}</Paragraph>
      )}
      {error && request && (
        <Box marginBottom="space50">
          <Alert variant="error">
            {fill(strings.MessagingSetupTraceFailed, { customer: request.customer, error })}{' '}
            <Button variant="link" onClick={trace.retry}>
              {strings.MessagingSetupTryAgain}
            </Button>
          </Alert>
        </Box>
      )}
      {answer && (
        <TraceAnswer answer={answer} now={trace.answeredAt} ourAddress={request?.ourAddress} onClosed={trace.retry} />
      )}
    </>
  );
}
