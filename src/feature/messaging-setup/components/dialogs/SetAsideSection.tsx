import React, { useEffect, useRef, useState } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import { SET_ASIDE_REASON_MAX, type SetAsideMark } from '../../../../contract/types';
import { formatWhen } from '../../state/historyText';
import { relativeAge } from '../../state/relativeTime';
import { useAsync } from '../../state/useAsync';
import { fill, useStrings } from '../../strings';
import { Field } from '../shared/Field';

interface SetAsideSectionProps {
  address: string;
  /** The mark as it is now (undefined: not set aside). */
  mark: SetAsideMark | undefined;
  canWrite: boolean;
  /** Sets the mark (with a reason, or none) or clears it; rejects with what the backend said. */
  onChange: (aside: boolean, reason: string | undefined) => Promise<unknown>;
  /**
   * Whether the reason field is open, when the dialog holds it: a finding's "Mark … as not for
   * Flex" fix opens it from outside the section. Without these, the section holds it itself.
   */
  asking?: boolean;
  onAsking?: (asking: boolean) => void;
}

/**
 * The diagnosis dialog's part about whether a number or sender is for Flex at all: the mark, who
 * set it and why, and the way back; or, for one not set aside, the way to set it aside with a
 * reason. Reversible and recorded, so it asks for no confirmation beyond the button itself.
 */
export function SetAsideSection({ address, mark, canWrite, onChange, ...held }: SetAsideSectionProps) {
  const strings = useStrings();
  const reasonId = useUID();
  const helpId = useUID();
  const [ownAsking, setOwnAsking] = useState(false);
  const asking = held.asking ?? ownAsking;
  const setAsking = held.onAsking ?? setOwnAsking;
  // Opened (by its own button or a finding's fix): the reason is what to type next.
  const reasonField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (asking) reasonField.current?.focus();
  }, [asking]);
  const [reason, setReason] = useState('');
  const { pending, error, run, clearError } = useAsync();

  async function change(aside: boolean) {
    const trimmed = reason.trim();
    const outcome = await run(() => onChange(aside, aside && trimmed ? trimmed : undefined));
    if (outcome.status === 'done') {
      setAsking(false);
      setReason('');
    }
  }

  return (
    <Box as="section" aria-labelledby={`${reasonId}-heading`} marginBottom="space60" data-testid="set-aside">
      <Heading as="h3" variant="heading50" id={`${reasonId}-heading`}>
        {strings.MessagingSetupSetAsideHeading}
      </Heading>
      {error && (
        <Box marginBottom="space40">
          <Alert variant="error">{fill(strings.MessagingSetupSetAsideNotChanged, { error })}</Alert>
        </Box>
      )}
      {mark ? (
        <>
          <Text as="p" data-testid="set-aside-mark">
            {fill(strings.MessagingSetupSetAsideMarked, {
              by: mark.by,
              when: `${relativeAge(mark.at) ?? formatWhen(mark.at)} (${formatWhen(mark.at)})`,
            })}
            {mark.reason && <> {fill(strings.MessagingSetupSetAsideMarkedReason, { reason: mark.reason })}</>}
          </Text>
          {canWrite && (
            <>
              <Text as="p" color="colorTextWeak">
                {strings.MessagingSetupSetAsideClearExplain}
              </Text>
              <Box marginTop="space30">
                <Button variant="secondary" size="small" loading={pending} onClick={() => void change(false)}>
                  {strings.MessagingSetupSetAsideClear}
                </Button>
              </Box>
            </>
          )}
        </>
      ) : (
        canWrite && (
          <>
            <Text as="p">{fill(strings.MessagingSetupSetAsideExplain, { address })}</Text>
            {asking ? (
              <Box marginTop="space30" display="flex" flexDirection="column" rowGap="space30">
                <Field
                  id={reasonId}
                  label={strings.MessagingSetupSetAsideReason}
                  help={
                    <HelpText id={helpId}>
                      {fill(strings.MessagingSetupSetAsideReasonHelp, { max: SET_ASIDE_REASON_MAX })}
                    </HelpText>
                  }
                >
                  <Input
                    ref={reasonField}
                    id={reasonId}
                    type="text"
                    value={reason}
                    maxLength={SET_ASIDE_REASON_MAX}
                    aria-describedby={helpId}
                    disabled={pending}
                    onChange={(event) => setReason(event.target.value)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') void change(true);
                    }}
                  />
                </Field>
                <Box display="flex" columnGap="space30">
                  <Button variant="primary" size="small" loading={pending} onClick={() => void change(true)}>
                    {strings.MessagingSetupSetAsideConfirm}
                  </Button>
                  <Button
                    variant="secondary"
                    size="small"
                    disabled={pending}
                    onClick={() => {
                      clearError();
                      setAsking(false);
                    }}
                  >
                    {strings.MessagingSetupCancel}
                  </Button>
                </Box>
              </Box>
            ) : (
              <Box marginTop="space30">
                <Button variant="secondary" size="small" onClick={() => setAsking(true)}>
                  {strings.MessagingSetupSetAsideStart}
                </Button>
              </Box>
            )}
          </>
        )
      )}
    </Box>
  );
}
