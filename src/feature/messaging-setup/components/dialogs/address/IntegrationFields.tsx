import React from 'react';
import { Checkbox, CheckboxGroup } from '@twilio-paste/core/checkbox';
import { HelpText } from '@twilio-paste/core/help-text';
import { Option } from '@twilio-paste/core/select';
import { Stack } from '@twilio-paste/core/stack';

import { RETRY_COUNT_MAX, RETRY_COUNT_MIN } from '../../../../../contract/addressRules';
import {
  WEBHOOK_FILTERS,
  WEBHOOK_METHODS,
  type StudioFlowSummary,
  type WebhookFilter,
} from '../../../../../contract/types';
import { builtInWebhookUrl } from '../../../api/builtInWebhook';
import { offersBuiltIn, type IntegrationChoice } from '../../../state/addressForm';
import { fill, useStrings } from '../../../strings';
import { FormInput, FormSelect, type AddressFormControls } from './formControls';

const CHOICES: readonly IntegrationChoice[] = ['studio', 'webhook', 'builtin', 'default'];
const asChoice = (value: string): IntegrationChoice => CHOICES.find((choice) => choice === value) ?? 'studio';
const asMethod = (value: string) => WEBHOOK_METHODS.find((method) => method === value) ?? WEBHOOK_METHODS[0];

/** Where a new conversation goes: the integration and its settings (Studio flow and retries, or the webhook). */
export function IntegrationFields({
  controls,
  studioFlows,
}: {
  controls: AddressFormControls;
  studioFlows: readonly StudioFlowSummary[];
}) {
  const strings = useStrings();
  const { form, update, fields, idOf, errorIdOf } = controls;
  const builtIn = form.integrationType === 'builtin' && form.backendUrl;
  const toggleFilter = (filter: WebhookFilter, checked: boolean) =>
    update(
      'webhookFilters',
      checked ? [...form.webhookFilters, filter] : form.webhookFilters.filter((f) => f !== filter),
    );
  return (
    <Stack orientation="vertical" spacing="space60">
      <FormSelect
        controls={controls}
        name="integrationType"
        label={strings.MessagingSetupFieldIntegration}
        required
        errorKey="integration"
        parse={asChoice}
        describedBy={builtIn ? errorIdOf('builtin') : undefined}
        help={
          builtIn && (
            <HelpText id={errorIdOf('builtin')} variant={fields.webhookUrl ? 'error' : 'default'}>
              {fields.webhookUrl ??
                fill(strings.MessagingSetupBuiltInHelp, { url: builtInWebhookUrl(form.backendUrl ?? '') })}
            </HelpText>
          )
        }
      >
        <Option value="studio">{strings.MessagingSetupIntegrationStudio}</Option>
        <Option value="webhook">{strings.MessagingSetupIntegrationWebhook}</Option>
        {offersBuiltIn(form) && <Option value="builtin">{strings.MessagingSetupIntegrationBuiltIn}</Option>}
        <Option value="default">{strings.MessagingSetupIntegrationDefault}</Option>
      </FormSelect>
      {form.integrationType === 'studio' && (
        <Stack orientation="vertical" spacing="space60">
          <FormSelect controls={controls} name="studioFlowSid" label={strings.MessagingSetupFieldStudioFlow} required>
            <Option value="">{strings.MessagingSetupChooseFlow}</Option>
            {studioFlows.map((flow) => (
              <Option key={flow.sid} value={flow.sid}>
                {flow.status === 'published'
                  ? flow.friendlyName
                  : fill(strings.MessagingSetupDraftFlow, { name: flow.friendlyName })}
              </Option>
            ))}
          </FormSelect>
          <FormInput
            controls={controls}
            name="retryCount"
            label={strings.MessagingSetupFieldRetryCount}
            required
            type="number"
            min={RETRY_COUNT_MIN}
            max={RETRY_COUNT_MAX}
          />
        </Stack>
      )}
      {form.integrationType === 'webhook' && (
        <Stack orientation="vertical" spacing="space60">
          <FormInput
            controls={controls}
            name="webhookUrl"
            label={strings.MessagingSetupFieldWebhookUrl}
            required
            inputMode="url"
            placeholder="https://example.com/inbound"
          />
          <FormSelect
            controls={controls}
            name="webhookMethod"
            label={strings.MessagingSetupFieldMethod}
            parse={asMethod}
          >
            {WEBHOOK_METHODS.map((m) => (
              <Option key={m} value={m}>
                {m}
              </Option>
            ))}
          </FormSelect>
          <CheckboxGroup
            name={idOf('filters')}
            legend={strings.MessagingSetupFieldFilters}
            errorText={fields.webhookFilters}
            orientation="vertical"
          >
            {WEBHOOK_FILTERS.map((filter) => (
              <Checkbox
                key={filter}
                id={idOf(filter)}
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
    </Stack>
  );
}
