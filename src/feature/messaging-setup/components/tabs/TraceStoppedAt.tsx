import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/core/callout';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import { fill, useStrings } from '../../strings';
import { SidWithCopy } from '../table/SidWithCopy';
import type { StoppedAtSummary } from './traceWords';

/**
 * The trace's answer first: where the customer's messages stopped, in plain words with the fix
 * (and, for a conversation that holds the customer away from an agent, the button that closes
 * it). It is what the backend inferred from the steps below, and says so.
 */
export function TraceStoppedAt({ summary, onClose }: { summary: StoppedAtSummary; onClose?: () => void }) {
  const strings = useStrings();
  const headingId = useUID();
  const { tone, sentence, fix, conversation } = summary;
  return (
    <Box as="section" aria-labelledby={headingId} data-testid="trace-stopped-at" marginBottom="space60">
      <Callout variant={tone} marginY="space0">
        <CalloutHeading as="h3" id={headingId}>
          {strings.MessagingSetupTraceStoppedHeading}
        </CalloutHeading>
        <CalloutText>{sentence}</CalloutText>
        {fix && (
          <CalloutText>
            <strong>{strings.MessagingSetupTraceFixLabel}</strong> {fix}
          </CalloutText>
        )}
        {conversation && (
          <Box display="flex" alignItems="center" columnGap="space20" flexWrap="wrap" marginTop="space30">
            <Text as="span" fontSize="fontSize20">
              {strings.MessagingSetupTraceStoppedIn}
            </Text>
            <SidWithCopy
              sid={conversation.sid}
              address={conversation.sid}
              copyLabel={fill(strings.MessagingSetupTraceCopyConversationSid, { sid: conversation.sid })}
            />
          </Box>
        )}
        {conversation && onClose && (
          <Box marginTop="space40">
            <Button variant="destructive_secondary" size="small" onClick={onClose}>
              {strings.MessagingSetupTraceCloseConversation}
            </Button>
          </Box>
        )}
        <Text as="p" marginTop="space30" fontSize="fontSize20" color="colorTextWeak">
          {strings.MessagingSetupTraceInferred}
        </Text>
      </Callout>
    </Box>
  );
}
