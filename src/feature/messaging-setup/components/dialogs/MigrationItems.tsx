import React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

import type { FlexFlowRow } from '../../state/flexFlowRows';
import type { ItemOutcome, MigrationItemResult } from '../../state/migrationResults';
import { fill, useStrings, type MessagingSetupStringKey } from '../../strings';
import { channelLabel } from '../../channels';

const OUTCOME: Record<
  ItemOutcome,
  { label: MessagingSetupStringKey; variant: 'success' | 'neutral' | 'warning' | 'error' }
> = {
  migrated: { label: 'MessagingSetupOutcomeMigrated', variant: 'success' },
  unchanged: { label: 'MessagingSetupOutcomeUnchanged', variant: 'warning' },
  needs_attention: { label: 'MessagingSetupOutcomeNeedsAttention', variant: 'error' },
  failed: { label: 'MessagingSetupOutcomeFailed', variant: 'error' },
  skipped: { label: 'MessagingSetupOutcomeSkipped', variant: 'neutral' },
  stopped: { label: 'MessagingSetupOutcomeStopped', variant: 'neutral' },
};

/** What migrating one flow will do, or why it is skipped. */
export function MigrationPreviewItem({ row }: { row: FlexFlowRow }) {
  const strings = useStrings();
  const { preview, flow } = row;
  return (
    <Box as="li" marginBottom="space40">
      <Text as="div" fontWeight="fontWeightSemibold">
        {flow.friendlyName} ({flow.contactIdentity ?? flow.channelType})
      </Text>
      {preview.kind === 'ready' ? (
        <>
          <Text as="div">
            {fill(strings.MessagingSetupMigrateBecomes, {
              type: channelLabel(preview.address.type, strings),
              address: preview.address.address,
              flow: preview.studioFlowName,
              retry: preview.address.integration.type === 'studio' ? preview.address.integration.retryCount : '—',
              service: preview.serviceName,
            })}
          </Text>
          {preview.warnings.map((warning) => (
            <Text as="div" key={warning} color="colorTextWarningStrong">
              {warning}
            </Text>
          ))}
        </>
      ) : (
        <Text as="div" color="colorTextWeak">
          {fill(strings.MessagingSetupMigrateSkip, { reason: preview.reason })}
        </Text>
      )}
    </Box>
  );
}

/** What migrating one flow did, with its steps. */
export function MigrationResultItem({ result }: { result: MigrationItemResult }) {
  const strings = useStrings();
  const { label, variant } = OUTCOME[result.outcome];
  return (
    <Box as="li" marginBottom="space40" data-testid="migration-result">
      <Box display="flex" columnGap="space30" alignItems="center">
        <Text as="span" fontWeight="fontWeightSemibold">
          {result.row.flow.friendlyName}
        </Text>
        <Badge as="span" variant={variant}>
          {strings[label]}
        </Badge>
      </Box>
      <Text as="div">{result.message}</Text>
      {result.steps.length > 0 && (
        <Box as="ol" marginTop="space20" marginBottom="space0" paddingLeft="space60">
          {result.steps.map((step, i) => (
            <Text
              as="li"
              key={i}
              fontSize="fontSize20"
              color={step.status === 'failed' ? 'colorTextError' : 'colorTextWeak'}
            >
              {step.detail}
            </Text>
          ))}
        </Box>
      )}
    </Box>
  );
}
