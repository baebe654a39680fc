import React, { useRef, useState } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Button } from '@twilio-paste/core/button';
import { Checkbox, CheckboxGroup } from '@twilio-paste/core/checkbox';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Option, Select } from '@twilio-paste/core/select';
import { Stack } from '@twilio-paste/core/stack';
import { useUID } from '@twilio-paste/core/uid-library';

import { BackendApiError } from '../api/backendClient';
import { RETRY_COUNT_MAX, RETRY_COUNT_MIN, type FieldErrors } from '../../../contract/addressRules';
import {
  WEBHOOK_FILTERS,
  WEBHOOK_METHODS,
  type AddressInput,
  type AddressSummary,
  type ConversationServiceSummary,
  type StudioFlowSummary,
  type UpdateAddressRequest,
  type WebhookFilter,
  type WebhookMethod,
} from '../../../contract/types';
import { builtInWebhookUrl } from '../api/builtInWebhook';
import { toRequest, type AddressForm, type IntegrationChoice } from '../state/addressForm';
import { fill, useStrings } from '../strings';
import { errorMessage } from '../errorMessage';
import { Field } from './Field';

interface DialogBasics {
  initial: AddressForm;
  /** True when the type and address were given by the row (fixed in the dialog). */
  addressFixed: boolean;
  flows: StudioFlowSummary[];
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

export type AddressDialogProps = SingleAddressProps | BulkSettingsProps;

/** Create or edit an SMS/WhatsApp address; checks as the user goes, keeps input on a server error. */
export function AddressDialog(props: AddressDialogProps) {
  const { initial, addressFixed, flows, services, flexServiceSid, onCancel, bulk } = props;
  const strings = useStrings();
  // Focus starts in the first field the user can type in, not on the dialog's close button.
  const firstField = useRef<HTMLInputElement>(null);
  const [form, setForm] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const ids = {
    heading: useUID(),
    type: useUID(),
    address: useUID(),
    name: useUID(),
    integration: useUID(),
    flow: useUID(),
    retry: useUID(),
    url: useUID(),
    method: useUID(),
    service: useUID(),
    enabled: useUID(),
  };
  const isCreate = form.mode === 'create';
  const result = toRequest(form);
  const fields: FieldErrors = { ...(submitted && !result.ok ? result.fields : {}), ...serverFields };
  const err = (key: string) => `${ids.heading}-${key}-error`;
  /** A field's error as its description, only while there is one: no reference to a missing element. */
  const describedBy = (key: string) => (fields[key] ? err(key) : undefined);

  function update<K extends keyof AddressForm>(key: K, value: AddressForm[K]) {
    setForm((current) => ({ ...current, [key]: value }));
    setServerFields((current) => {
      const rest = { ...current };
      delete rest[key];
      return rest;
    });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!result.ok || pending) return;
    if (props.bulk) {
      if (result.mode === 'create') props.bulk.onSettings(result.request);
      return;
    }
    const { onCreate, onUpdate, onDone } = props;
    setPending(true);
    setServerError(null);
    try {
      const saved = result.mode === 'create' ? await onCreate(result.request) : await onUpdate(result.request);
      onDone(saved);
    } catch (error) {
      setPending(false);
      setServerError(errorMessage(error));
      if (error instanceof BackendApiError && error.fields) setServerFields(error.fields);
    }
  }

  const toggleFilter = (filter: WebhookFilter, checked: boolean) =>
    update(
      'webhookFilters',
      checked ? [...form.webhookFilters, filter] : form.webhookFilters.filter((f) => f !== filter),
    );

  return (
    <Modal
      isOpen
      onDismiss={pending ? () => undefined : onCancel}
      ariaLabelledby={ids.heading}
      size="default"
      initialFocusRef={firstField}
    >
      {/* The form sits between Paste's modal and its header, body and footer: it passes the modal's flex
          column on, so a long body scrolls inside the modal instead of pushing the buttons off screen. */}
      <form onSubmit={submit} noValidate style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <ModalHeader>
          <ModalHeading as="h2" id={ids.heading}>
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
              <Alert variant="error">
                <strong>{isCreate ? strings.MessagingSetupNotCreated : strings.MessagingSetupNotSaved}</strong>{' '}
                {serverError}
              </Alert>
            )}
            {isCreate && !addressFixed ? (
              <Stack orientation="vertical" spacing="space60">
                <Field id={ids.type} label={strings.MessagingSetupFieldType} required>
                  <Select
                    id={ids.type}
                    value={form.type}
                    onChange={(e) => update('type', e.target.value === 'whatsapp' ? 'whatsapp' : 'sms')}
                  >
                    <Option value="sms">{strings.MessagingSetupTypeSms}</Option>
                    <Option value="whatsapp">{strings.MessagingSetupTypeWhatsApp}</Option>
                  </Select>
                </Field>
                <Field
                  id={ids.address}
                  label={strings.MessagingSetupFieldAddress}
                  required
                  error={fields.address}
                  errorId={err('address')}
                >
                  <Input
                    id={ids.address}
                    ref={firstField}
                    type="text"
                    value={form.address}
                    placeholder={form.type === 'whatsapp' ? 'whatsapp:+14155550123' : '+14155550123'}
                    onChange={(e) => update('address', e.target.value)}
                    hasError={Boolean(fields.address)}
                    aria-describedby={describedBy('address')}
                  />
                </Field>
              </Stack>
            ) : (
              <Field
                id={ids.address}
                label={
                  form.type === 'whatsapp' ? strings.MessagingSetupFieldSender : strings.MessagingSetupFieldPhoneNumber
                }
              >
                <Input
                  id={ids.address}
                  type="text"
                  value={
                    bulk
                      ? fill(strings.MessagingSetupBulkSelected, { count: bulk.count, first: form.address })
                      : form.address
                  }
                  readOnly
                />
              </Field>
            )}
            <Field
              id={ids.name}
              label={strings.MessagingSetupFieldFriendlyName}
              error={fields.friendlyName}
              errorId={err('friendlyName')}
            >
              <Input
                id={ids.name}
                ref={isCreate && !addressFixed ? undefined : firstField}
                type="text"
                value={form.friendlyName}
                onChange={(e) => update('friendlyName', e.target.value)}
                hasError={Boolean(fields.friendlyName)}
                aria-describedby={describedBy('friendlyName')}
              />
            </Field>
            <Checkbox
              id={ids.enabled}
              checked={form.autoCreationEnabled}
              onChange={(e) => update('autoCreationEnabled', e.target.checked)}
            >
              {strings.MessagingSetupFieldAutoCreation}
            </Checkbox>
            <Field
              id={ids.integration}
              label={strings.MessagingSetupFieldIntegration}
              required
              error={fields.integration}
              errorId={err('integration')}
              help={
                form.integrationType === 'builtin' &&
                form.backendUrl && (
                  <HelpText id={err('builtin')} variant={fields.webhookUrl ? 'error' : 'default'}>
                    {fields.webhookUrl ??
                      fill(strings.MessagingSetupBuiltInHelp, { url: builtInWebhookUrl(form.backendUrl) })}
                  </HelpText>
                )
              }
            >
              <Select
                id={ids.integration}
                value={form.integrationType}
                onChange={(e) => update('integrationType', e.target.value as IntegrationChoice)}
                aria-describedby={
                  form.integrationType === 'builtin' && form.backendUrl ? err('builtin') : describedBy('integration')
                }
              >
                <Option value="studio">{strings.MessagingSetupIntegrationStudio}</Option>
                <Option value="webhook">{strings.MessagingSetupIntegrationWebhook}</Option>
                {form.backendUrl && <Option value="builtin">{strings.MessagingSetupIntegrationBuiltIn}</Option>}
                <Option value="default">{strings.MessagingSetupIntegrationDefault}</Option>
              </Select>
            </Field>
            {form.integrationType === 'studio' && (
              <Stack orientation="vertical" spacing="space60">
                <Field
                  id={ids.flow}
                  label={strings.MessagingSetupFieldStudioFlow}
                  required
                  error={fields.studioFlowSid}
                  errorId={err('studioFlowSid')}
                >
                  <Select
                    id={ids.flow}
                    value={form.studioFlowSid}
                    onChange={(e) => update('studioFlowSid', e.target.value)}
                    hasError={Boolean(fields.studioFlowSid)}
                    aria-describedby={describedBy('studioFlowSid')}
                  >
                    <Option value="">{strings.MessagingSetupChooseFlow}</Option>
                    {flows.map((flow) => (
                      <Option key={flow.sid} value={flow.sid}>
                        {flow.status === 'published'
                          ? flow.friendlyName
                          : fill(strings.MessagingSetupDraftFlow, { name: flow.friendlyName })}
                      </Option>
                    ))}
                  </Select>
                </Field>
                <Field
                  id={ids.retry}
                  label={strings.MessagingSetupFieldRetryCount}
                  required
                  error={fields.retryCount}
                  errorId={err('retryCount')}
                >
                  <Input
                    id={ids.retry}
                    type="number"
                    min={RETRY_COUNT_MIN}
                    max={RETRY_COUNT_MAX}
                    value={form.retryCount}
                    onChange={(e) => update('retryCount', e.target.value)}
                    hasError={Boolean(fields.retryCount)}
                    aria-describedby={describedBy('retryCount')}
                  />
                </Field>
              </Stack>
            )}
            {form.integrationType === 'webhook' && (
              <Stack orientation="vertical" spacing="space60">
                <Field
                  id={ids.url}
                  label={strings.MessagingSetupFieldWebhookUrl}
                  required
                  error={fields.webhookUrl}
                  errorId={err('webhookUrl')}
                >
                  <Input
                    id={ids.url}
                    type="text"
                    inputMode="url"
                    value={form.webhookUrl}
                    placeholder="https://example.com/inbound"
                    onChange={(e) => update('webhookUrl', e.target.value)}
                    hasError={Boolean(fields.webhookUrl)}
                    aria-describedby={describedBy('webhookUrl')}
                  />
                </Field>
                <Field id={ids.method} label={strings.MessagingSetupFieldMethod}>
                  <Select
                    id={ids.method}
                    value={form.webhookMethod}
                    onChange={(e) => update('webhookMethod', e.target.value as WebhookMethod)}
                  >
                    {WEBHOOK_METHODS.map((m) => (
                      <Option key={m} value={m}>
                        {m}
                      </Option>
                    ))}
                  </Select>
                </Field>
                <CheckboxGroup
                  name={`${ids.heading}-filters`}
                  legend={strings.MessagingSetupFieldFilters}
                  errorText={fields.webhookFilters}
                  orientation="vertical"
                >
                  {WEBHOOK_FILTERS.map((filter) => (
                    <Checkbox
                      key={filter}
                      id={`${ids.heading}-${filter}`}
                      value={filter}
                      checked={form.webhookFilters.includes(filter)}
                      onChange={(e) => toggleFilter(filter, e.target.checked)}
                    >
                      {filter}
                    </Checkbox>
                  ))}
                </CheckboxGroup>
              </Stack>
            )}
            <Field
              id={ids.service}
              label={strings.MessagingSetupFieldService}
              error={fields.conversationServiceSid}
              errorId={err('conversationServiceSid')}
            >
              <Select
                id={ids.service}
                value={form.conversationServiceSid}
                onChange={(e) => update('conversationServiceSid', e.target.value)}
                aria-describedby={describedBy('conversationServiceSid')}
              >
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
              </Select>
            </Field>
          </Stack>
        </ModalBody>
        <ModalFooter>
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
