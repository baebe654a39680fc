import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { ScreenReaderOnly } from '@twilio-paste/core/screen-reader-only';
import { Text } from '@twilio-paste/core/text';

import { fill, useStrings } from '../../strings';
import { CopyButton } from '../shared/CopyButton';

/** `IG1e64c6…d76c0`: a 34-character SID would take a third of the table's width. */
const abbreviate = (sid: string) => `${sid.slice(0, 8)}…${sid.slice(-5)}`;

/**
 * A SID, abbreviated on screen (whole for screen readers and on hover) and copyable. The copy
 * button says whose SID it is: an address's by default, or `copyLabel`.
 */
export const SidWithCopy = React.memo(function SidWithCopy({
  sid,
  address,
  copyLabel,
}: {
  sid: string;
  address: string;
  copyLabel?: string;
}) {
  const strings = useStrings();
  return (
    <Box display="flex" alignItems="center" columnGap="space20" whiteSpace="nowrap">
      <Text as="code" fontFamily="fontFamilyCode" fontSize="fontSize20" title={sid} aria-hidden="true">
        {abbreviate(sid)}
      </Text>
      <ScreenReaderOnly>{sid}</ScreenReaderOnly>
      <CopyButton value={sid} label={copyLabel ?? fill(strings.MessagingSetupCopySid, { address })} />
    </Box>
  );
});
