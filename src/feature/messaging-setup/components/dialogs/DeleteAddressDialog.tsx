import React from 'react';
import { Paragraph } from '@twilio-paste/core/paragraph';

import type { AddressSummary } from '../../../../contract/types';
import { fill, useStrings } from '../../strings';
import { channelLabel } from '../../channels';
import { ConfirmDialog } from './ConfirmDialog';

interface DeleteAddressDialogProps {
  address: AddressSummary;
  onConfirm: () => Promise<void>;
  onDone: () => void;
  onCancel: () => void;
}

/** Confirms a delete and says what stops working; shows a failure in place. */
export function DeleteAddressDialog({ address, onConfirm, onDone, onCancel }: DeleteAddressDialogProps) {
  const strings = useStrings();
  return (
    <ConfirmDialog
      title={fill(strings.MessagingSetupDeleteTitle, { address: address.address })}
      confirmLabel={strings.MessagingSetupDelete}
      variant="destructive"
      describeFailure={(error) => (
        <>
          <strong>{strings.MessagingSetupNotDeleted}</strong> {error}
        </>
      )}
      onConfirm={onConfirm}
      onDone={onDone}
      onCancel={onCancel}
    >
      <Paragraph>
        {fill(strings.MessagingSetupDeleteConsequence, {
          channel: channelLabel(address.type, strings),
          address: address.address,
        })}
      </Paragraph>
      <Paragraph marginBottom="space0">
        {fill(strings.MessagingSetupDeleteNotKept, {
          details: `${address.friendlyName ? `"${address.friendlyName}", ` : ''}SID ${address.sid}`,
        })}
      </Paragraph>
    </ConfirmDialog>
  );
}
