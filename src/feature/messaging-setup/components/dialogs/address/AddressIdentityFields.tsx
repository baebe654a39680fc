import React from 'react';
import { Input } from '@twilio-paste/core/input';
import { Option } from '@twilio-paste/core/select';
import { Stack } from '@twilio-paste/core/stack';

import { ADDRESS_TYPES, isAddressType, type AddressType } from '../../../../../contract/types';
import { fill, useStrings } from '../../../strings';
import { CHANNEL_LIST, CHANNELS, channelLabel } from '../../../channels';
import { withType } from '../../../state/addressForm';
import { Field } from '../../shared/Field';
import { FormInput, FormSelect, type AddressFormControls } from './formControls';

const asType = (value: string): AddressType => (isAddressType(value) ? value : CHANNEL_LIST[0].type);

interface AddressIdentityFieldsProps {
  controls: AddressFormControls;
  /** True when the row gave the type and address: shown, not edited. */
  addressFixed: boolean;
  /** Bulk create: how many rows share these settings. */
  bulkCount?: number;
  /** The first field the user can type in, which gets focus when the dialog opens. */
  firstField: React.Ref<HTMLInputElement>;
}

/** What the address is: its type and address (typed, or given by the row), and its friendly name. */
export function AddressIdentityFields({ controls, addressFixed, bulkCount, firstField }: AddressIdentityFieldsProps) {
  const strings = useStrings();
  const { form, idOf } = controls;
  const editable = form.mode === 'create' && !addressFixed;
  return (
    <Stack orientation="vertical" spacing="space60">
      {editable ? (
        <Stack orientation="vertical" spacing="space60">
          <FormSelect
            controls={controls}
            name="type"
            label={strings.MessagingSetupFieldType}
            required
            onValue={(value) => controls.setForm((current) => withType(current, asType(value)))}
          >
            {ADDRESS_TYPES.map((type) => (
              <Option key={type} value={type}>
                {channelLabel(type, strings)}
              </Option>
            ))}
          </FormSelect>
          <FormInput
            ref={firstField}
            controls={controls}
            name="address"
            label={strings.MessagingSetupFieldAddress}
            required
            placeholder={CHANNELS[form.type].contract.example}
          />
        </Stack>
      ) : (
        <Field id={idOf('address')} label={strings[CHANNELS[form.type].addressField]}>
          <Input
            id={idOf('address')}
            type="text"
            value={
              bulkCount === undefined
                ? form.address
                : fill(strings.MessagingSetupBulkSelected, { count: bulkCount, first: form.address })
            }
            readOnly
          />
        </Field>
      )}
      <FormInput
        ref={editable ? undefined : firstField}
        controls={controls}
        name="friendlyName"
        label={strings.MessagingSetupFieldFriendlyName}
      />
    </Stack>
  );
}
