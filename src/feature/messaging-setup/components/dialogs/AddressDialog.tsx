import React, { useRef, useState } from 'react';
import { Button } from '@twilio-paste/core/button';
import { Checkbox } from '@twilio-paste/core/checkbox';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Option } from '@twilio-paste/core/select';
import { Stack } from '@twilio-paste/core/stack';
import { useUID } from '@twilio-paste/core/uid-library';

import { useAsync } from '../../state/useAsync';
import { BackendApiError } from '../../api/backendClient';
import type { FieldErrors } from '../../../../contract/addressRules';
import { wordFields } from '../../../../contract/wording';
import type {
  AddressInput,
  AddressSummary,
  ConversationServiceSummary,
  StudioFlowSummary,
  UpdateAddressRequest,
} from '../../../../contract/types';
import { toRequest, type AddressForm } from '../../state/addressForm';
import { fill, useStrings } from '../../strings';
import { AddressIdentityFields } from './address/AddressIdentityFields';
import { FormSelect, type AddressFormControls } from './address/formControls';
import { IntegrationFields } from './address/IntegrationFields';
import { DialogError } from './DialogError';
import { WriteRetryStatus } from './WriteRetryStatus';

interface DialogBasics {
  initial: AddressForm;
  /** True when the type and address were given by the row (fixed in the dialog). */
  addressFixed: boolean;
  studioFlows: StudioFlowSummary[];
  services: ConversationServiceSummary[];
  flexServiceSid: string | null;
  onCancel: () => void;
}

/** One address: the dialog saves it and reports the result. */
interface SingleAddressProps extends DialogBasics {
  onCreate: (request: AddressInput) => Promise<AddressSummary>;
  onUpdate: (request: UpdateAddressRequest) => Promise<AddressSummary>;
  onDone: (saved: AddressSummary) => void;
  bulk?: undefined;
}

/**
 * Bulk create: the dialog only collects the settings (checked by the same rules, with the first
 * row's address standing in) and hands them over; the caller creates one address per row.
 */
interface BulkSettingsProps extends DialogBasics {
  bulk: { count: number; onSettings: (template: AddressInput) => void };
}

type AddressDialogProps = SingleAddressProps | BulkSettingsProps;

/** Create or edit an SMS/WhatsApp address; checks as the user goes, keeps input on a server error. */
export function AddressDialog(props: AddressDialogProps) {
  const { initial, addressFixed, studioFlows, services, flexServiceSid, onCancel, bulk } = props;
  const strings = useStrings();
  // Focus starts in the first field the user can type in, not on the dialog's close button.
  const firstField = useRef<HTMLInputElement>(null);
  const [form, setForm] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const { pending, error: serverError, run } = useAsync();
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const baseId = useUID();
  const isCreate = form.mode === 'create';
  const result = toRequest(form);
  const controls: AddressFormControls = {
    form,
    update(key, value) {
      setForm((current) => ({ ...current, [key]: value }));
      setServerFields((current) => {
        const rest = { ...current };
        delete rest[key];
        return rest;
      });
    },
    setForm,
    // The rules' problems in the view's words (an account's too); the server's come worded by the client.
    fields: { ...(submitted && !result.ok ? wordFields(result.fields, strings) : {}), ...serverFields },
    idOf: (key) => `${baseId}-${key}`,
    errorIdOf: (key) => `${baseId}-${key}-error`,
  };
  const headingId = controls.idOf('heading');

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!result.ok || pending) return;
    if (props.bulk) {
      if (result.mode === 'create') props.bulk.onSettings(result.request);
      return;
    }
    const { onCreate, onUpdate, onDone } = props;
    const request = result;
    const outcome = await run(() =>
      request.mode === 'create' ? onCreate(request.request) : onUpdate(request.request),
    );
    if (outcome.status === 'done') onDone(outcome.value);
    else if (outcome.status === 'failed' && outcome.error instanceof BackendApiError && outcome.error.fields) {
      setServerFields(outcome.error.fields);
    }
  }

  return (
    <Modal
      isOpen
      onDismiss={pending ? () => undefined : onCancel}
      ariaLabelledby={headingId}
      size="default"
      initialFocusRef={firstField}
    >
      {/* The form sits between Paste's modal and its header, body and footer: it passes the modal's flex
          column on, so a long body scrolls inside the modal instead of pushing the buttons off screen. */}
      <form onSubmit={submit} noValidate style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <ModalHeader>
          <ModalHeading as="h2" id={headingId}>
            {bulk
              ? fill(strings.MessagingSetupBulkTitle, { count: bulk.count })
              : isCreate
                ? strings.MessagingSetupDialogCreateTitle
                : strings.MessagingSetupDialogEditTitle}
          </ModalHeading>
        </ModalHeader>
        <ModalBody>
          <Stack orientation="vertical" spacing="space60">
            {serverError && (
              <DialogError>
                <strong>{isCreate ? strings.MessagingSetupNotCreated : strings.MessagingSetupNotSaved}</strong>{' '}
                {serverError}
              </DialogError>
            )}
            <AddressIdentityFields
              controls={controls}
              addressFixed={addressFixed}
              bulkCount={bulk?.count}
              firstField={firstField}
            />
            <Checkbox
              id={controls.idOf('enabled')}
              checked={form.autoCreationEnabled}
              onChange={(e) => controls.update('autoCreationEnabled', e.target.checked)}
            >
              {strings.MessagingSetupFieldAutoCreation}
            </Checkbox>
            <IntegrationFields controls={controls} studioFlows={studioFlows} />
            <FormSelect controls={controls} name="conversationServiceSid" label={strings.MessagingSetupFieldService}>
              {(isCreate || !initial.conversationServiceSid) && (
                <Option value="">{strings.MessagingSetupAccountDefault}</Option>
              )}
              {services.map((service) => (
                <Option key={service.sid} value={service.sid}>
                  {service.sid === flexServiceSid
                    ? fill(strings.MessagingSetupFlexService, { name: service.friendlyName })
                    : service.friendlyName}
                </Option>
              ))}
            </FormSelect>
          </Stack>
        </ModalBody>
        <ModalFooter>
          {!bulk && <WriteRetryStatus />}
          <ModalFooterActions>
            <Button variant="secondary" onClick={onCancel} disabled={pending}>
              {strings.MessagingSetupCancel}
            </Button>
            <Button variant="primary" type="submit" loading={pending}>
              {bulk
                ? fill(strings.MessagingSetupBulkContinue, { count: bulk.count })
                : isCreate
                  ? strings.MessagingSetupCreate
                  : strings.MessagingSetupSave}
            </Button>
          </ModalFooterActions>
        </ModalFooter>
      </form>
    </Modal>
  );
}
