import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';

import { useStrings } from '../../strings';

/**
 * A table row's Edit and Delete buttons for its address. Short on screen ("Edit", "Delete"), so a
 * row stays one line high; named in full ("Edit address") for assistive technology, which reads the
 * visible words too. `children` replaces both when the row has no address (its Create button).
 */
export function AddressRowActions({
  onEdit,
  onDelete,
  children,
}: {
  onEdit?: () => void;
  onDelete?: () => void;
  children?: React.ReactNode;
}) {
  const strings = useStrings();
  return (
    <Box display="flex" justifyContent="flex-end" columnGap="space30" whiteSpace="nowrap">
      {children ?? (
        <>
          <Button variant="secondary" size="small" aria-label={strings.MessagingSetupEditAddress} onClick={onEdit}>
            {strings.MessagingSetupEdit}
          </Button>
          <Button
            variant="destructive_secondary"
            size="small"
            aria-label={strings.MessagingSetupDeleteAddress}
            onClick={onDelete}
          >
            {strings.MessagingSetupDelete}
          </Button>
        </>
      )}
    </Box>
  );
}
