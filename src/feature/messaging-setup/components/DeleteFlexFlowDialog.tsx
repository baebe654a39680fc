import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { useUID } from '@twilio-paste/core/uid-library';

import type { FlexFlowRow } from '../state/flexFlowRows';
import { fill, useStrings } from '../strings';
import { usePendingAction } from './usePendingAction';

interface DeleteFlexFlowDialogProps {
  row: FlexFlowRow;
  onConfirm: () => Promise<void>;
  onDone: () => void;
  onCancel: () => void;
}

/** Confirms deleting a Flex Flow, saying whether its number still reaches Flex afterwards. */
export function DeleteFlexFlowDialog({ row, onConfirm, onDone, onCancel }: DeleteFlexFlowDialogProps) {
  const headingId = useUID();
  const strings = useStrings();
  const { pending, error, run: confirm } = usePendingAction(onConfirm, onDone);
  const { flow, address } = row;
  const identity = flow.contactIdentity;
  const consequence = !identity
    ? fill(strings.MessagingSetupDeleteFlexFlowNoIdentity, { channel: flow.channelType })
    : address
      ? fill(strings.MessagingSetupDeleteFlexFlowCovered, { identity, address: address.sid })
      : fill(strings.MessagingSetupDeleteFlexFlowUncovered, { identity });

  return (
    <Modal isOpen onDismiss={pending ? () => undefined : onCancel} ariaLabelledby={headingId} size="default">
      <ModalHeader>
        <ModalHeading as="h2" id={headingId}>
          {fill(strings.MessagingSetupDeleteFlexFlowTitle, { name: flow.friendlyName })}
        </ModalHeading>
      </ModalHeader>
      <ModalBody>
        {error && (
          <Alert variant="error">
            <strong>{strings.MessagingSetupFlexFlowNotDeleted}</strong> {error}
          </Alert>
        )}
        <Paragraph>{consequence}</Paragraph>
        <Paragraph marginBottom="space0">
          {fill(strings.MessagingSetupDeleteFlexFlowNotKept, {
            details: `${flow.channelType}, ${row.integration}, SID ${flow.sid}`,
          })}
        </Paragraph>
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {strings.MessagingSetupCancel}
          </Button>
          <Button variant="destructive" onClick={() => void confirm()} loading={pending}>
            {strings.MessagingSetupDelete}
          </Button>
        </ModalFooterActions>
      </ModalFooter>
    </Modal>
  );
}
