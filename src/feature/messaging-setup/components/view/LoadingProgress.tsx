import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Spinner } from '@twilio-paste/core/spinner';

import type { SetupData, SourceName } from '../../state/setupData';
import { fill, useStrings, type MessagingSetupStringKey } from '../../strings';

interface LoadingProgressProps {
  data: SetupData;
  sourceLabel: Record<SourceName, MessagingSetupStringKey>;
}

/** While lists load: which ones, and how many numbers and addresses have arrived (announced politely). */
export function LoadingProgress({ data, sourceLabel }: LoadingProgressProps) {
  const strings = useStrings();
  const loading = (Object.keys(data.sources) as SourceName[]).filter((s) => data.sources[s].loading);
  if (loading.length === 0) return null;
  return (
    <Box
      display="flex"
      alignItems="center"
      columnGap="space30"
      marginBottom="space50"
      aria-live="polite"
      data-testid="loading-progress"
    >
      <Spinner decorative={false} title={strings.MessagingSetupLoadingTitle} size="sizeIcon20" />
      <span>
        {fill(strings.MessagingSetupLoading, {
          sources: loading.map((s) => strings[sourceLabel[s]]).join(', '),
          numbers: data.numbers.length,
          addresses: data.addresses.size,
        })}
      </span>
    </Box>
  );
}
