import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { useUID } from '@twilio-paste/core/uid-library';

import type { StatusFilter } from '../state/rows';
import { STATUS_LABEL } from './AddressStatusBadge';

interface TableToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  status?: StatusFilter;
  onStatus?: (status: StatusFilter) => void;
  /** "Showing 20 of 240" */
  summary: string;
}

export function TableToolbar({ query, onQuery, status, onStatus, summary }: TableToolbarProps) {
  const searchId = useUID();
  const statusId = useUID();
  return (
    <Box display="flex" columnGap="space60" alignItems="flex-end" marginBottom="space50" flexWrap="wrap">
      <Box minWidth="size30">
        <Label htmlFor={searchId}>Search</Label>
        <Input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          placeholder="Number, name, SID or flow"
        />
      </Box>
      {onStatus && (
        <Box minWidth="size20">
          <Label htmlFor={statusId}>Status</Label>
          <Select id={statusId} value={status} onChange={(e) => onStatus(e.target.value as StatusFilter)}>
            <Option value="all">All statuses</Option>
            {(Object.keys(STATUS_LABEL) as (keyof typeof STATUS_LABEL)[]).map((key) => (
              <Option key={key} value={key}>
                {STATUS_LABEL[key]}
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
