import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { useUID } from '@twilio-paste/core/uid-library';

import type { StatusFilter } from '../state/rows';
import { useStrings } from '../strings';
import { STATUS_LABEL_KEY } from './AddressStatusBadge';

interface TableToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  status?: StatusFilter;
  onStatus?: (status: StatusFilter) => void;
  /** "Showing 20 of 240" */
  summary: string;
}

export function TableToolbar({ query, onQuery, status, onStatus, summary }: TableToolbarProps) {
  const strings = useStrings();
  const searchId = useUID();
  const statusId = useUID();
  return (
    <Box display="flex" columnGap="space60" alignItems="flex-end" marginBottom="space50" flexWrap="wrap">
      <Box minWidth="size30">
        <Label htmlFor={searchId}>{strings.MessagingSetupSearch}</Label>
        <Input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          placeholder={strings.MessagingSetupSearchPlaceholder}
        />
      </Box>
      {onStatus && (
        <Box minWidth="size20">
          <Label htmlFor={statusId}>{strings.MessagingSetupStatusFilter}</Label>
          <Select id={statusId} value={status} onChange={(e) => onStatus(e.target.value as StatusFilter)}>
            <Option value="all">{strings.MessagingSetupAllStatuses}</Option>
            {(Object.keys(STATUS_LABEL_KEY) as (keyof typeof STATUS_LABEL_KEY)[]).map((key) => (
              <Option key={key} value={key}>
                {strings[STATUS_LABEL_KEY[key]]}
              </Option>
            ))}
          </Select>
        </Box>
      )}
      <Box marginLeft="auto" color="colorTextWeak" fontSize="fontSize30" aria-live="polite">
        {summary}
      </Box>
    </Box>
  );
}
