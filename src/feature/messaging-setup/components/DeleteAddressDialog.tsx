import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { useUID } from '@twilio-paste/core/uid-library';

import type { AddressSummary } from '../api/types';
import { fill, useStrings } from '../strings';
import { usePendingAction } from './usePendingAction';

interface DeleteAddressDialogProps {
  address: AddressSummary;
  onConfirm: () => Promise<void>;
  onDone: () => void;
  onCancel: () => void;
}

/** Confirms a delete and says what stops working; shows a failure in place. */
export function DeleteAddressDialog({ address, onConfirm, onDone, onCancel }: DeleteAddressDialogProps) {
  const headingId = useUID();
  const strings = useStrings();
  const { pending, error, run: confirm } = usePendingAction(onConfirm, onDone);

  return (
    <Modal isOpen onDismiss={pending ? () => undefined : onCancel} ariaLabelledby={headingId} size="default">
      <ModalHeader>
        <ModalHeading as="h2" id={headingId}>
          {fill(strings.MessagingSetupDeleteTitle, { address: address.address })}
        </ModalHeading>
      </ModalHeader>
      <ModalBody>
        {error && (
          <Alert variant="error">
            <strong>{strings.MessagingSetupNotDeleted}</strong> {error}
          </Alert>
        )}
        <Paragraph>
          {fill(strings.MessagingSetupDeleteConsequence, {
            channel: address.type === 'whatsapp' ? strings.MessagingSetupTypeWhatsApp : strings.MessagingSetupTypeSms,
            address: address.address,
          })}
        </Paragraph>
        <Paragraph marginBottom="space0">
          {fill(strings.MessagingSetupDeleteNotKept, {
            details: `${address.friendlyName ? `"${address.friendlyName}", ` : ''}SID ${address.sid}`,
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
