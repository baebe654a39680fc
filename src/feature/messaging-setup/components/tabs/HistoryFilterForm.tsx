import React, { useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Option, Select } from '@twilio-paste/core/select';
import { useUID } from '@twilio-paste/core/uid-library';

import { HISTORY_KINDS, type HistoryKind } from '../../../../contract/types';
import { HISTORY_KIND_LABEL_KEY } from '../../state/historyText';
import { localDayRange } from '../../state/historyTime';
import type { HistoryFilters } from '../../state/useHistory';
import { useStrings } from '../../strings';
import { Field } from '../shared/Field';

/** The form's filters: what it sends (the address of a timeline is the panel's, not the form's). */
export type HistoryFormFilters = Omit<HistoryFilters, 'address'>;

/**
 * The History tab's filters, all applied by the backend over the whole history (so paging stays
 * right) and together with "Show changes": one search, the person (part of their identity), the
 * kind, and a range of the supervisor's local days. A range that ends before it starts is said
 * here and not sent (the backend would refuse it too).
 */
export function HistoryFilterForm({ onApply }: { onApply: (filters: HistoryFormFilters) => void }) {
  const strings = useStrings();
  const ids = {
    search: useUID(),
    searchHelp: useUID(),
    person: useUID(),
    personHelp: useUID(),
    kind: useUID(),
    from: useUID(),
    to: useUID(),
    toError: useUID(),
  };
  const [search, setSearch] = useState('');
  const [identity, setIdentity] = useState('');
  const [kind, setKind] = useState<HistoryKind | ''>('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  // `yyyy-mm-dd` compares as dates do.
  const backwards = fromDay !== '' && toDay !== '' && fromDay > toDay;
  const [showError, setShowError] = useState(false);
  return (
    <Box
      as="form"
      display="flex"
      columnGap="space60"
      rowGap="space40"
      alignItems="flex-start"
      flexWrap="wrap"
      marginBottom="space50"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        setShowError(backwards);
        if (backwards) return;
        onApply({
          search: search.trim() || undefined,
          identity: identity.trim() || undefined,
          kind: kind || undefined,
          ...localDayRange(fromDay, toDay),
        });
      }}
    >
      <Box minWidth="size30">
        <Field
          id={ids.search}
          label={strings.MessagingSetupHistorySearch}
          help={<HelpText id={ids.searchHelp}>{strings.MessagingSetupHistorySearchHelp}</HelpText>}
        >
          <Input
            id={ids.search}
            type="search"
            value={search}
            aria-describedby={ids.searchHelp}
            onChange={(e) => setSearch(e.target.value)}
          />
        </Field>
      </Box>
      <Box minWidth="size20">
        <Field
          id={ids.person}
          label={strings.MessagingSetupHistoryFilterPerson}
          help={<HelpText id={ids.personHelp}>{strings.MessagingSetupHistoryPersonHelp}</HelpText>}
        >
          <Input
            id={ids.person}
            type="text"
            value={identity}
            aria-describedby={ids.personHelp}
            onChange={(e) => setIdentity(e.target.value)}
          />
        </Field>
      </Box>
      <Box minWidth="size20">
        <Field id={ids.kind} label={strings.MessagingSetupHistoryFilterKind}>
          <Select
            id={ids.kind}
            value={kind}
            onChange={(e) => setKind(HISTORY_KINDS.find((k) => k === e.target.value) ?? '')}
          >
            <Option value="">{strings.MessagingSetupHistoryAllKinds}</Option>
            {HISTORY_KINDS.map((k) => (
              <Option key={k} value={k}>
                {strings[HISTORY_KIND_LABEL_KEY[k]]}
              </Option>
            ))}
          </Select>
        </Field>
      </Box>
      <Box>
        <Field id={ids.from} label={strings.MessagingSetupHistoryFilterFrom}>
          {/* The browser's own date field (Paste's Input): Paste's DatePicker is that field and 2 KB gzip more. */}
          <Input id={ids.from} type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        </Field>
      </Box>
      <Box>
        <Field
          id={ids.to}
          label={strings.MessagingSetupHistoryFilterTo}
          error={showError && backwards ? strings.MessagingSetupHistoryRangeBackwards : undefined}
          errorId={ids.toError}
        >
          <Input
            id={ids.to}
            type="date"
            value={toDay}
            hasError={showError && backwards}
            aria-invalid={showError && backwards}
            aria-describedby={showError && backwards ? ids.toError : undefined}
            onChange={(e) => setToDay(e.target.value)}
          />
        </Field>
      </Box>
      {/* Level with the controls: below the labels, above the help. */}
      <Box paddingTop="space80">
        <Button variant="secondary" type="submit">
          {strings.MessagingSetupHistoryApply}
        </Button>
      </Box>
    </Box>
  );
}
