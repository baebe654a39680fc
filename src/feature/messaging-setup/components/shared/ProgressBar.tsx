import React from 'react';
import { Box } from '@twilio-paste/core/box';

/** A determinate progress bar (Paste 15 has none): `role="progressbar"` with its values for screen readers. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const share = max > 0 ? Math.min(1, value / max) : 1;
  return (
    <Box
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-label={label}
      backgroundColor="colorBackgroundStrong"
      borderRadius="borderRadius20"
      height="sizeSquare30"
      marginTop="space20"
      marginBottom="space20"
    >
      <Box
        backgroundColor="colorBackgroundPrimary"
        borderRadius="borderRadius20"
        height="100%"
        style={{ width: `${100 * share}%` }}
      />
    </Box>
  );
}
