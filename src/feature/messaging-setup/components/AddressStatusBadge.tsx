import React from 'react';
import { Badge } from '@twilio-paste/core/badge';

import type { AddressStatus } from '../state/addressStatus';

const VARIANT = { connected: 'success', 'not-connected': 'neutral', problem: 'error' } as const;
export const STATUS_LABEL: Record<AddressStatus, string> = {
  connected: 'Connected',
  'not-connected': 'Not connected',
  problem: 'Problem',
};

export function AddressStatusBadge({ status, reason }: { status: AddressStatus; reason?: string }) {
  return (
    <Badge as="span" variant={VARIANT[status]} title={reason || undefined}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
