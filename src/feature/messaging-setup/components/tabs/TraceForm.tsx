import React, { useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { useUID } from '@twilio-paste/core/uid-library';

import type { TraceCustomerRequest } from '../../../../contract/types';
import type { TraceField, TraceFieldErrors } from '../../state/useTrace';
import { useStrings } from '../../strings';

interface TraceFormProps {
  onTrace: (request: TraceCustomerRequest) => void;
  pending: boolean;
  /** The backend's refusal of a field, shown under it. */
  fieldErrors: TraceFieldErrors;
  onFieldEdited: (field: TraceField) => void;
}

/** A field's control described by its error (when it has one) and its hint. */
const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined;

/** Who to trace: the customer (required) and, optionally, one of our addresses; sent trimmed. */
export function TraceForm({ onTrace, pending, fieldErrors, onFieldEdited }: TraceFormProps) {
  const strings = useStrings();
  const ids = { customer: useUID(), ourAddress: useUID() };
  const [customer, setCustomer] = useState('');
  const [ourAddress, setOurAddress] = useState('');
  const [missingCustomer, setMissingCustomer] = useState(false);
  const customerError = missingCustomer ? strings.MessagingSetupTraceCustomerRequired : fieldErrors.customer;
  const ourAddressError = fieldErrors.ourAddress;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const who = customer.trim();
    if (!who) {
      setMissingCustomer(true);
      return;
    }
    if (pending) return;
    const through = ourAddress.trim();
    onTrace({ customer: who, ...(through ? { ourAddress: through } : {}) });
  };

  return (
    <Box
      as="form"
      display="flex"
      columnGap="space60"
      rowGap="space40"
      alignItems="flex-start"
      flexWrap="wrap"
      marginBottom="space60"
      onSubmit={submit}
    >
      <Box minWidth="size40" flexGrow={1} maxWidth="size60">
        <Label htmlFor={ids.customer}>{strings.MessagingSetupTraceCustomer}</Label>
        <Input
          id={ids.customer}
          type="text"
          value={customer}
          hasError={Boolean(customerError)}
          aria-describedby={describedBy(Boolean(customerError) && `${ids.customer}-error`, `${ids.customer}-hint`)}
          onChange={(event) => {
            setCustomer(event.target.value);
            setMissingCustomer(false);
            onFieldEdited('customer');
          }}
        />
        {customerError && (
          <HelpText id={`${ids.customer}-error`} variant="error">
            {customerError}
          </HelpText>
        )}
        <HelpText id={`${ids.customer}-hint`}>{strings.MessagingSetupTraceCustomerHint}</HelpText>
      </Box>
      <Box minWidth="size30" maxWidth="size40">
        <Label htmlFor={ids.ourAddress}>{strings.MessagingSetupTraceOurAddress}</Label>
        <Input
          id={ids.ourAddress}
          type="text"
          value={ourAddress}
          hasError={Boolean(ourAddressError)}
          aria-describedby={describedBy(
            Boolean(ourAddressError) && `${ids.ourAddress}-error`,
            `${ids.ourAddress}-hint`,
          )}
          onChange={(event) => {
            setOurAddress(event.target.value);
            onFieldEdited('ourAddress');
          }}
        />
        {ourAddressError && (
          <HelpText id={`${ids.ourAddress}-error`} variant="error">
            {ourAddressError}
          </HelpText>
        )}
        <HelpText id={`${ids.ourAddress}-hint`}>{strings.MessagingSetupTraceOurAddressHint}</HelpText>
      </Box>
      {/* Level with the inputs: below the labels' line. */}
      <Box paddingTop="space70">
        <Button variant="primary" type="submit" loading={pending}>
          {strings.MessagingSetupTraceSubmit}
        </Button>
      </Box>
    </Box>
  );
}
