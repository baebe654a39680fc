import React from 'react';
import { Paragraph } from '@twilio-paste/core/paragraph';

import type { FlexFlowRow } from '../../state/flexFlowRows';
import { fill, useStrings } from '../../strings';
import { ConfirmDialog } from './ConfirmDialog';

interface DeleteFlexFlowDialogProps {
  row: FlexFlowRow;
  onConfirm: () => Promise<void>;
  onDone: () => void;
  onCancel: () => void;
}

/** Confirms deleting a Flex Flow, saying whether its number still reaches Flex afterwards. */
export function DeleteFlexFlowDialog({ row, onConfirm, onDone, onCancel }: DeleteFlexFlowDialogProps) {
  const strings = useStrings();
  const { flow, addressConfiguration } = row;
  const identity = flow.contactIdentity;
  const consequence = !identity
    ? fill(strings.MessagingSetupDeleteFlexFlowNoIdentity, { channel: flow.channelType })
    : addressConfiguration
      ? fill(strings.MessagingSetupDeleteFlexFlowCovered, { identity, address: addressConfiguration.sid })
      : fill(strings.MessagingSetupDeleteFlexFlowUncovered, { identity });

  return (
    <ConfirmDialog
      title={fill(strings.MessagingSetupDeleteFlexFlowTitle, { name: flow.friendlyName })}
      confirmLabel={strings.MessagingSetupDelete}
      variant="destructive"
      describeFailure={(error) => (
        <>
          <strong>{strings.MessagingSetupFlexFlowNotDeleted}</strong> {error}
        </>
      )}
      onConfirm={onConfirm}
      onDone={onDone}
      onCancel={onCancel}
    >
      <Paragraph>{consequence}</Paragraph>
      <Paragraph marginBottom="space0">
        {fill(strings.MessagingSetupDeleteFlexFlowNotKept, {
          details: `${flow.channelType}, ${row.integration}, SID ${flow.sid}`,
        })}
      </Paragraph>
    </ConfirmDialog>
  );
}
