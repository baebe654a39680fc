import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { useUID } from '@twilio-paste/core/uid-library';

import { ADDRESS_TYPES, type AddressType } from '../../../../contract/types';
import { DIAGNOSIS_FILTERS, type DiagnosisFilter, type StatusFilter } from '../../state/rows';
import { useStrings, type MessagingSetupStringKey } from '../../strings';
import { channelLabel } from '../../channels';
import { STATUS_LABEL_KEY } from '../shared/AddressStatusBadge';
import { LEVEL_LABEL_KEY } from '../shared/DiagnosisBadge';

const DIAGNOSIS_FILTER_KEY: Record<DiagnosisFilter, MessagingSetupStringKey> = {
  all: 'MessagingSetupDiagnosisAll',
  attention: 'MessagingSetupDiagnosisAttention',
  ...LEVEL_LABEL_KEY,
};

/**
 * A filter's label beside its field, not above it: the toolbar stays one line high, so the first
 * screen has room for rows (issue #27).
 */
const INLINE_FIELD = { display: 'flex', alignItems: 'center', columnGap: 'space30', whiteSpace: 'nowrap' } as const;

/** A table's filters beside its search; each is shown when its setter is given. */
export interface TableFilters {
  status?: StatusFilter;
  onStatus?: (status: StatusFilter) => void;
  diagnosis?: DiagnosisFilter;
  onDiagnosis?: (diagnosis: DiagnosisFilter) => void;
  /** The Addresses tab's type filter: `all`, a managed type, or `other` for the read-only ones. */
  type?: TypeFilter;
  onType?: (type: TypeFilter) => void;
}

export type TypeFilter = 'all' | AddressType | 'other';
const TYPE_FILTERS: readonly TypeFilter[] = ['all', ...ADDRESS_TYPES, 'other'];

interface TableToolbarProps {
  query: string;
  /** None: no search box (a tab whose search is its own, like History's). */
  onQuery?: (query: string) => void;
  filters?: TableFilters;
  /** "Showing 20 of 240" */
  summary: string;
  /** What the search looks in, when not the connection tables' fields. */
  placeholder?: string;
}

export function TableToolbar({ query, onQuery, filters = {}, summary, placeholder }: TableToolbarProps) {
  const { status, onStatus, diagnosis, onDiagnosis, type, onType } = filters;
  const strings = useStrings();
  const searchId = useUID();
  const statusId = useUID();
  const diagnosisId = useUID();
  const typeId = useUID();
  const typeLabel = (key: TypeFilter) =>
    key === 'all'
      ? strings.MessagingSetupAllTypes
      : key === 'other'
        ? strings.MessagingSetupOtherTypes
        : channelLabel(key, strings);
  return (
    <Box display="flex" columnGap="space60" rowGap="space30" alignItems="center" marginBottom="space40" flexWrap="wrap">
      {onQuery && (
        <Box {...INLINE_FIELD} minWidth="size30">
          <Label htmlFor={searchId} marginBottom="space0">
            {strings.MessagingSetupSearch}
          </Label>
          <Input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            placeholder={placeholder ?? strings.MessagingSetupSearchPlaceholder}
          />
        </Box>
      )}
      {onStatus && (
        <Box {...INLINE_FIELD} minWidth="size20">
          <Label htmlFor={statusId} marginBottom="space0">
            {strings.MessagingSetupStatusFilter}
          </Label>
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
      {onDiagnosis && (
        <Box {...INLINE_FIELD} minWidth="size20">
          <Label htmlFor={diagnosisId} marginBottom="space0">
            {strings.MessagingSetupDiagnosisFilter}
          </Label>
          <Select id={diagnosisId} value={diagnosis} onChange={(e) => onDiagnosis(e.target.value as DiagnosisFilter)}>
            {DIAGNOSIS_FILTERS.map((key) => (
              <Option key={key} value={key}>
                {strings[DIAGNOSIS_FILTER_KEY[key]]}
              </Option>
            ))}
          </Select>
        </Box>
      )}
      {onType && (
        <Box {...INLINE_FIELD} minWidth="size20">
          <Label htmlFor={typeId} marginBottom="space0">
            {strings.MessagingSetupTypeFilter}
          </Label>
          <Select
            id={typeId}
            value={type}
            onChange={(e) => onType(TYPE_FILTERS.find((key) => key === e.target.value) ?? 'all')}
          >
            {TYPE_FILTERS.map((key) => (
              <Option key={key} value={key}>
                {typeLabel(key)}
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
