import React, { useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { useUID } from '@twilio-paste/core/uid-library';

import { HISTORY_KINDS, type HistoryKind } from '../../../../contract/types';
import { HISTORY_KIND_LABEL_KEY } from '../../state/historyText';
import type { HistoryFilters } from '../../state/useHistory';
import { useStrings } from '../../strings';

/** The History tab's filters that the backend applies, edited here and applied together with "Show changes". */
export function HistoryFilterForm({ onApply }: { onApply: (filters: HistoryFilters) => void }) {
  const strings = useStrings();
  const ids = { address: useUID(), person: useUID(), kind: useUID() };
  const [address, setAddress] = useState('');
  const [identity, setIdentity] = useState('');
  const [kind, setKind] = useState<HistoryKind | ''>('');
  return (
    <Box
      as="form"
      display="flex"
      columnGap="space60"
      alignItems="flex-end"
      flexWrap="wrap"
      marginBottom="space50"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        onApply({
          address: address.trim() || undefined,
          identity: identity.trim() || undefined,
          kind: kind || undefined,
        });
      }}
    >
      <Box minWidth="size20">
        <Label htmlFor={ids.address}>{strings.MessagingSetupHistoryFilterAddress}</Label>
        <Input id={ids.address} type="text" value={address} onChange={(e) => setAddress(e.target.value)} />
      </Box>
      <Box minWidth="size20">
        <Label htmlFor={ids.person}>{strings.MessagingSetupHistoryFilterPerson}</Label>
        <Input id={ids.person} type="text" value={identity} onChange={(e) => setIdentity(e.target.value)} />
      </Box>
      <Box minWidth="size20">
        <Label htmlFor={ids.kind}>{strings.MessagingSetupHistoryFilterKind}</Label>
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
      </Box>
      <Button variant="secondary" type="submit">
        {strings.MessagingSetupHistoryApply}
      </Button>
    </Box>
  );
}
