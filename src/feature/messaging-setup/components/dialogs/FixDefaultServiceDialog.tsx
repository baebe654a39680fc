import React from 'react';
import { Paragraph } from '@twilio-paste/core/paragraph';

import { fill, useStrings } from '../../strings';
import { ConfirmDialog } from './ConfirmDialog';

/** Confirms making Flex's conversation service the account's default, naming both. */
export function FixDefaultServiceDialog({
  current,
  flex,
  onConfirm,
  onClose,
}: {
  current: { sid: string | null; name: string };
  flex: { sid: string; name: string };
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const strings = useStrings();
  return (
    <ConfirmDialog
      title={strings.MessagingSetupFixDefaultTitle}
      confirmLabel={strings.MessagingSetupFixDefaultConfirm}
      variant="primary"
      describeFailure={(error) => fill(strings.MessagingSetupFixDefaultFailed, { error })}
      onConfirm={onConfirm}
      onDone={onClose}
      onCancel={onClose}
    >
      <Paragraph marginBottom="space0">
        {fill(strings.MessagingSetupFixDefaultBody, {
          current: current.name,
          currentSid: current.sid ?? '—',
          flex: flex.name,
          flexSid: flex.sid,
        })}
      </Paragraph>
    </ConfirmDialog>
  );
}
