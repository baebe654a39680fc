import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box, type BoxProps } from '@twilio-paste/core/box';

/** The marker of a dialog's error, where focus goes after a failure (useFocusReturn.ts). */
export const DIALOG_ERROR_ATTRIBUTE = 'data-dialog-error';

/**
 * A dialog's error, focusable: after a failed write focus comes to it (the Alert also announces
 * it), so a keyboard user reads it, Tabs on from there, and Escape still closes the dialog.
 */
export function DialogError({
  children,
  marginBottom,
}: {
  children: NonNullable<React.ReactNode>;
  marginBottom?: BoxProps['marginBottom'];
}) {
  return (
    <Box tabIndex={-1} marginBottom={marginBottom} {...{ [DIALOG_ERROR_ATTRIBUTE]: '' }}>
      <Alert variant="error">{children}</Alert>
    </Box>
  );
}
