import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';

interface FieldProps {
  /** The control's id: the label points at it. */
  id: string;
  label: string;
  required?: boolean;
  /** The field's error, shown under the control (the control's `aria-describedby` names `errorId`). */
  error?: string;
  errorId?: string;
  /** Help shown under the control instead of (or beside) an error. */
  help?: React.ReactNode;
  children: React.ReactNode;
}

/** A dialog field: its label, the control, and its error message, the same way everywhere. */
export function Field({ id, label, required, error, errorId, help, children }: FieldProps) {
  return (
    <Box>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      {children}
      {error && errorId ? (
        <HelpText id={errorId} variant="error">
          {error}
        </HelpText>
      ) : null}
      {help}
    </Box>
  );
}
