import React from 'react';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { useUID } from '@twilio-paste/core/uid-library';

import { useStrings } from '../../strings';
import { useAsync } from '../../state/useAsync';
import { DialogError } from './DialogError';

interface ConfirmDialogProps {
  title: string;
  /** The confirm button's label, and whether it destroys something (red) or changes it (blue). */
  confirmLabel: string;
  variant: 'destructive' | 'primary';
  /** The failure as shown in the dialog, from the error's message. */
  describeFailure: (message: string) => NonNullable<React.ReactNode>;
  onConfirm: () => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
  /** What the change does and what stops working. */
  children: React.ReactNode;
}

/**
 * Asks before a change: says what it does, busy while it runs, closes on success, and on failure
 * stays open with the reason (nothing is lost, the user may try again or cancel).
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, confirmLabel, variant, describeFailure, onConfirm, onDone, onCancel, children } = props;
  const headingId = useUID();
  const strings = useStrings();
  const { pending, error, run } = useAsync();
  const confirm = async () => {
    if ((await run(onConfirm)).status === 'done') onDone();
  };

  return (
    <Modal isOpen onDismiss={pending ? () => undefined : onCancel} ariaLabelledby={headingId} size="default">
      <ModalHeader>
        <ModalHeading as="h2" id={headingId}>
          {title}
        </ModalHeading>
      </ModalHeader>
      <ModalBody>
        {error && <DialogError marginBottom="space50">{describeFailure(error)}</DialogError>}
        {children}
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {strings.MessagingSetupCancel}
          </Button>
          <Button variant={variant} onClick={() => void confirm()} loading={pending}>
            {confirmLabel}
          </Button>
        </ModalFooterActions>
      </ModalFooter>
    </Modal>
  );
}
