import React, { useState } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { useUID } from '@twilio-paste/core/uid-library';

import type { AddressSummary } from '../api/types';

interface DeleteAddressDialogProps {
  address: AddressSummary;
  onConfirm: () => Promise<void>;
  onDone: () => void;
  onCancel: () => void;
}

/** Confirms a delete and says what stops working; shows a failure in place. */
export function DeleteAddressDialog({ address, onConfirm, onDone, onCancel }: DeleteAddressDialogProps) {
  const headingId = useUID();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      onDone();
    } catch (e) {
      setPending(false);
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Modal isOpen onDismiss={pending ? () => undefined : onCancel} ariaLabelledby={headingId} size="default">
      <ModalHeader>
        <ModalHeading as="h2" id={headingId}>
          Delete address {address.address}?
        </ModalHeading>
      </ModalHeader>
      <ModalBody>
        {error && (
          <Alert variant="error">
            <strong>The address was not deleted.</strong> {error}
          </Alert>
        )}
        <Paragraph>
          New {address.type === 'whatsapp' ? 'WhatsApp' : 'SMS'} messages to {address.address} will no longer create
          conversations in Flex, so they will not reach agents. Conversations that are already open stay open.
        </Paragraph>
        <Paragraph marginBottom="space0">
          Its settings ({address.friendlyName ? `"${address.friendlyName}", ` : ''}SID {address.sid}) are not kept; you
          can create the address again later.
        </Paragraph>
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={() => void confirm()} loading={pending}>
            Delete
          </Button>
        </ModalFooterActions>
      </ModalFooter>
    </Modal>
  );
}
