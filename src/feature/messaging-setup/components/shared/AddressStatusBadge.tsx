import React from 'react';
import { Badge } from '@twilio-paste/core/badge';

import type { AddressStatus } from '../../diagnostics/diagnose';
import { useStrings, type MessagingSetupStringKey } from '../../strings';

const VARIANT = { connected: 'success', 'not-connected': 'neutral', problem: 'error', 'read-only': 'neutral' } as const;
/** The string key of each status's label. */
export const STATUS_LABEL_KEY: Record<AddressStatus, MessagingSetupStringKey> = {
  connected: 'MessagingSetupStatusConnected',
  'not-connected': 'MessagingSetupStatusNotConnected',
  problem: 'MessagingSetupStatusProblem',
  'read-only': 'MessagingSetupStatusReadOnly',
};

export function AddressStatusBadge({ status, reason }: { status: AddressStatus; reason?: string }) {
  const strings = useStrings();
  return (
    <Badge as="span" variant={VARIANT[status]} title={reason || undefined}>
      {strings[STATUS_LABEL_KEY[status]]}
    </Badge>
  );
}
